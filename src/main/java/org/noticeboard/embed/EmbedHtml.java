package org.noticeboard.embed;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The widget's server-side HTML, built as a DOM: every title, excerpt and address is set as text or as an
 * attribute, so jsoup escapes it whatever it contains.
 */
final class EmbedHtml {

    /**
     * The iframe page's styles; the same look as the script widget, without its custom properties. Long addresses
     * and words break anywhere, so that a narrow frame never scrolls sideways.
     */
    private static final String PAGE_STYLE = """
            body{margin:0;padding:1rem;font-family:system-ui,sans-serif;color:#1a1a1a;background:#fff;line-height:1.4;
            overflow-wrap:anywhere;word-break:break-word}
            h1{font-size:1.15em;margin:0 0 1rem}ul{list-style:none;margin:0;padding:0}li{margin:0 0 1rem}
            a{color:#0b57d0;font-weight:600}a:focus-visible{outline:2px solid currentColor;outline-offset:2px}
            time{display:block;font-size:.85em;color:#555;margin:.15em 0}p{margin:.25em 0 0}.more{font-weight:400}""";
    private static final String CARD_STYLE = "margin:0;box-sizing:border-box;padding:16px;border:1px solid #d0d0d0;"
            + "border-radius:6px;font-family:system-ui,sans-serif;line-height:1.4;color:#1a1a1a;background:#fff;"
            + "overflow-wrap:anywhere;word-break:break-word";

    private EmbedHtml() {
    }

    /** A complete page; links open in the window around the iframe. */
    static String newsPage(EmbedService.NewsList news) {
        Document page = Document.createShell("");
        page.outputSettings().prettyPrint(false);
        page.prependChild(new org.jsoup.nodes.DocumentType("html", "", ""));
        page.selectFirst("html").attr("lang", "en-GB");
        Element head = page.head();
        head.appendElement("meta").attr("charset", "utf-8");
        head.appendElement("meta").attr("name", "viewport").attr("content", "width=device-width, initial-scale=1");
        head.appendElement("title").text(news.title());
        head.appendElement("base").attr("target", "_top");
        head.appendElement("style").appendText(PAGE_STYLE);
        Element section = page.body().appendElement("section").attr("aria-labelledby", "nb-heading");
        section.appendElement("h1").id("nb-heading").text(news.title());
        if (news.items().isEmpty()) {
            section.appendElement("p").text("No news yet.");
        } else {
            Element list = section.appendElement("ul").attr("role", "list");
            for (EmbedService.NewsList.Item item : news.items()) {
                Element entry = list.appendElement("li");
                entry.appendElement("a").attr("href", item.url()).text(item.title());
                entry.appendElement("time").attr("datetime", item.isoDate()).text(item.date());
                if (item.excerpt() != null) {
                    entry.appendElement("p").text(item.excerpt());
                }
            }
        }
        section.appendElement("a").addClass("more").attr("href", news.newsUrl()).text("All news");
        return page.outerHtml();
    }

    /** A self-contained post card for oEmbed consumers: no scripts, inline styles only. */
    static String card(String title, String url, String excerpt, String date, String isoDate, String siteName, int width) {
        Document holder = Document.createShell("");
        holder.outputSettings().prettyPrint(false);
        Element card = holder.body().appendElement("blockquote").addClass("noticeboard-post")
                .attr("style", "max-width:" + width + "px;" + CARD_STYLE);
        card.appendElement("a").attr("href", url).attr("style", "font-weight:600;font-size:1.1em;color:#0b57d0").text(title);
        card.appendElement("time").attr("datetime", isoDate)
                .attr("style", "display:block;font-size:.85em;color:#555;margin:4px 0").text(date);
        if (excerpt != null) {
            card.appendElement("p").attr("style", "margin:4px 0 0").text(excerpt);
        }
        card.appendElement("footer").attr("style", "margin-top:8px;font-size:.85em;color:#555").text(siteName);
        return card.outerHtml();
    }
}
