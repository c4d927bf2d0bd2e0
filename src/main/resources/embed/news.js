/* Noticeboard news widget. Paste where the news should appear:
 *   <div data-noticeboard-news data-category="newsletters" data-limit="5">
 *     <a href="https://www.example.org/news">Read our news</a>
 *   </div>
 *   <script src="https://API-HOST/embed/news.js" async></script>
 * The link inside shows where this script cannot run (its host down); once it runs, it shows the news instead.
 * Optional: data-title (heading), data-lang (date language, default the page's), data-api (API base URL).
 * Themable from the page with CSS custom properties: --nb-font, --nb-color, --nb-muted-color,
 * --nb-link-color, --nb-background, --nb-border-color, --nb-radius, --nb-gap.
 * No dependencies, no cookies; renders in a Shadow DOM so no CSS crosses in either direction. */
(function () {
  "use strict";
  var SITE = /*SITE*/{};
  var script = document.currentScript || document.querySelector('script[src*="/embed/news.js"]');
  var scriptOrigin = script ? new URL(script.src, location.href).origin : location.origin;
  /* Give up on the API after this long and show the fallback link: a server that accepts connections but never
   * answers would otherwise leave an empty box for as long as the browser waits (minutes). */
  var TIMEOUT_MS = 8000;
  /* Long addresses and words in titles and excerpts break anywhere rather than push the page sideways at phone
   * widths; min-width:0 keeps the box inside a partner's flex or grid column. */
  var CSS = ":host{display:block;box-sizing:border-box;max-width:100%;min-width:0;overflow-wrap:anywhere;word-break:break-word;"
    + "font-family:var(--nb-font,system-ui,sans-serif);color:var(--nb-color,#1a1a1a);"
    + "background:var(--nb-background,transparent);border:1px solid var(--nb-border-color,#d0d0d0);"
    + "border-radius:var(--nb-radius,6px);padding:var(--nb-gap,1rem);line-height:1.4}"
    + "h2{font-size:1.15em;margin:0 0 var(--nb-gap,1rem)}ul{list-style:none;margin:0;padding:0}"
    + "li{margin:0 0 var(--nb-gap,1rem)}li:last-child{margin-bottom:0}"
    + "a{color:var(--nb-link-color,#0b57d0);font-weight:600}a:focus-visible{outline:2px solid currentColor;outline-offset:2px}"
    + "time{display:block;font-size:.85em;color:var(--nb-muted-color,#555);margin:.15em 0}"
    + "p{margin:.25em 0 0}.more{display:inline-block;margin-top:var(--nb-gap,1rem);font-weight:400}";

  function el(tag, attributes, text) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) { node.setAttribute(name, attributes[name]); });
    if (text) { node.textContent = text; }
    return node;
  }

  function getJson(url, signal) {
    return fetch(url, { credentials: "omit", headers: { Accept: "application/json" }, signal: signal }).then(function (response) {
      if (!response.ok) { throw new Error("HTTP " + response.status); }
      return response.json();
    });
  }

  function siteLink(site, path) {
    return new URL(path, site.url || scriptOrigin).href;
  }

  function render(root, box, site, posts) {
    var title = box.getAttribute("data-title") || "Latest news from " + site.name;
    var heading = el("h2", { id: "nb-heading" }, title);
    var list = el("ul", { role: "list" });
    var dates = new Intl.DateTimeFormat(box.getAttribute("data-lang") || document.documentElement.lang || "en-GB",
      { day: "numeric", month: "long", year: "numeric", timeZone: site.timezone || "UTC" });
    posts.forEach(function (post) {
      var item = el("li");
      item.appendChild(el("a", { href: siteLink(site, post.path) }, post.title));
      item.appendChild(el("time", { datetime: post.publishedAt }, dates.format(new Date(post.publishedAt))));
      if (post.excerpt) { item.appendChild(el("p", {}, post.excerpt)); }
      list.appendChild(item);
    });
    var section = el("section", { "aria-labelledby": "nb-heading" });
    section.appendChild(heading);
    section.appendChild(posts.length ? list : el("p", {}, "No news yet."));
    section.appendChild(el("a", { "class": "more", href: siteLink(site, "/news") }, "All news"));
    root.replaceChildren(section);
  }

  /* The partner's own markup inside the element (a link for when the script cannot load at all) wins; without
   * any, a link to the news page that was written into this script when it was served. */
  function fallback(root, box) {
    if (box.children.length) {
      root.replaceChildren(el("slot"));
      return;
    }
    root.replaceChildren(el("a", { href: SITE.newsUrl || scriptOrigin },
      "Read the latest news" + (SITE.name ? " from " + SITE.name : "")));
  }

  function mount(box) {
    if (box.shadowRoot) { return; }
    var root = box.attachShadow({ mode: "open" });
    root.appendChild(el("style", {}, CSS));
    var content = el("div", { "aria-live": "polite", "aria-busy": "true" });
    root.appendChild(content);
    var api = (box.getAttribute("data-api") || scriptOrigin).replace(/\/+$/, "");
    var limit = Math.min(Math.max(parseInt(box.getAttribute("data-limit"), 10) || 5, 1), 20);
    var query = "?perPage=" + limit;
    var category = box.getAttribute("data-category");
    if (category) { query += "&category=" + encodeURIComponent(category); }
    var controller = typeof AbortController === "function" ? new AbortController() : null;
    var signal = controller ? controller.signal : undefined;
    var timer;
    var timeout = new Promise(function (resolve, reject) {
      timer = setTimeout(function () {
        if (controller) { controller.abort(); }
        reject(new Error("No answer within " + TIMEOUT_MS + " ms"));
      }, TIMEOUT_MS);
    });
    Promise.race([Promise.all([getJson(api + "/api/site", signal), getJson(api + "/api/posts" + query, signal)]), timeout])
      .then(function (answers) { render(content, box, answers[0], answers[1].items); })
      .catch(function () { fallback(content, box); })
      .then(function () { clearTimeout(timer); content.setAttribute("aria-busy", "false"); });
  }

  function mountAll() { document.querySelectorAll("[data-noticeboard-news]").forEach(mount); }
  mountAll();
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", mountAll); }
})();
