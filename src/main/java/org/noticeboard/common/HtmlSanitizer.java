package org.noticeboard.common;

import jakarta.inject.Singleton;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.owasp.html.CssSchema;
import org.owasp.html.HtmlChangeListener;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Cleans every HTML body on write, so that what authors paste in (from word processors, other sites or an
 * attacker) is served to the public sites only as an allow-list of harmless content markup: no scripts, event
 * handlers, dangerous URLs or CSS that could hide or overlay content, and links to other sites cannot reach
 * back into the opening window. The result is stable: sanitising it again changes nothing.
 */
@Singleton
public final class HtmlSanitizer {

    private static final Pattern NUMBER = Pattern.compile("[0-9]{1,9}");
    private static final Pattern SIGNED_NUMBER = Pattern.compile("-?[0-9]{1,9}");
    private static final Pattern TABLE_SCOPE = Pattern.compile("(?i)row|col|rowgroup|colgroup");
    private static final Pattern URL_IGNORED_CHARACTERS = Pattern.compile("[\\t\\n\\r]");
    private static final String EXTERNAL_LINK_RELS = "noopener noreferrer";

    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "br", "hr", "h2", "h3", "h4", "h5", "h6",
                    "strong", "b", "em", "i", "u", "s", "sub", "sup", "small",
                    "blockquote", "q", "ul", "ol", "li", "a", "figure", "figcaption",
                    "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td",
                    "code", "pre", "span", "div", "abbr", "cite",
                    "dl", "dt", "dd", "del", "ins", "kbd", "samp", "var")
            // An image whose src was rejected would only be an empty box.
            .allowElements((name, attributes) -> hasAttribute(attributes, "src") ? name : null, "img")
            // Protocols apply to every URL attribute; src and cite are narrowed to http(s) below.
            .allowUrlProtocols("http", "https", "mailto", "tel")
            .allowAttributes("href").onElements("a")
            .allowAttributes("title").onElements("a", "img", "abbr")
            .allowAttributes("src").matching(HtmlSanitizer::isHttpOrRelative).onElements("img")
            .allowAttributes("cite").matching(HtmlSanitizer::isHttpOrRelative).onElements("blockquote")
            .allowAttributes("alt").onElements("img")
            .allowAttributes("width", "height").matching(NUMBER).onElements("img")
            .allowAttributes("start").matching(SIGNED_NUMBER).onElements("ol")
            .allowAttributes("colspan", "rowspan").matching(NUMBER).onElements("th", "td")
            .allowAttributes("scope").matching(TABLE_SCOPE).onElements("th")
            .allowStyling(CssSchema.withProperties(List.of("text-align", "font-weight", "font-style", "text-decoration")))
            .toFactory();

    public HtmlSanitizer() {
    }

    /**
     * The allowed part of {@code html}; links to hosts other than {@code siteUrl}'s (or to any host when
     * {@code siteUrl} is null) get {@code rel="noopener noreferrer"}.
     */
    public String sanitize(String html, String siteUrl) {
        if (html == null || html.isBlank()) {
            return "";
        }
        Document document = Jsoup.parseBodyFragment(POLICY.sanitize(html));
        document.outputSettings()
                .prettyPrint(false)
                .charset(StandardCharsets.UTF_8)
                .escapeMode(Entities.EscapeMode.base);
        String siteHost = hostOf(siteUrl);
        for (Element link : document.select("a[href]")) {
            String host = absoluteHttpHost(link.attr("href"));
            if (host != null && !host.equals(siteHost)) {
                link.attr("rel", EXTERNAL_LINK_RELS);
            }
        }
        return document.body().html();
    }

    /** How many elements and attributes {@link #sanitize} takes out of {@code html}, for import reports. */
    public int removals(String html) {
        if (html == null || html.isBlank()) {
            return 0;
        }
        int[] removed = {0};
        POLICY.sanitize(html, new HtmlChangeListener<Void>() {
            @Override
            public void discardedTag(Void context, String elementName) {
                removed[0]++;
            }

            @Override
            public void discardedAttributes(Void context, String tagName, String... attributeNames) {
                removed[0] += attributeNames.length;
            }
        }, null);
        return removed[0];
    }

    /** OWASP hands element policies the surviving attributes as a flat name, value, name, value... list. */
    private static boolean hasAttribute(List<String> attributes, String name) {
        for (int i = 0; i < attributes.size(); i += 2) {
            if (attributes.get(i).equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isHttpOrRelative(String url) {
        String scheme = schemeOf(url);
        return scheme == null || scheme.equals("http") || scheme.equals("https");
    }

    /** The scheme as a browser would see it, or null for a relative URL. */
    private static String schemeOf(String url) {
        String normalised = normalise(url);
        for (int i = 0; i < normalised.length(); i++) {
            char c = normalised.charAt(i);
            if (c == ':') {
                return i == 0 ? null : normalised.substring(0, i);
            }
            if (c == '/' || c == '?' || c == '#') {
                return null;
            }
        }
        return null;
    }

    /**
     * The host of an http(s) or protocol-relative URL, read the way browsers do (backslashes count as slashes,
     * any number of slashes may follow the scheme, user info is skipped); null for relative and other URLs.
     */
    private static String absoluteHttpHost(String href) {
        String url = normalise(href).replace('\\', '/');
        String rest;
        if (url.startsWith("http:")) {
            rest = url.substring("http:".length());
        } else if (url.startsWith("https:")) {
            rest = url.substring("https:".length());
        } else if (url.startsWith("//")) {
            rest = url;
        } else {
            return null;
        }
        int start = 0;
        while (start < rest.length() && rest.charAt(start) == '/') {
            start++;
        }
        int end = start;
        while (end < rest.length() && "/?#".indexOf(rest.charAt(end)) < 0) {
            end++;
        }
        String authority = rest.substring(start, end);
        String host = authority.substring(authority.lastIndexOf('@') + 1);
        int port = host.lastIndexOf(':');
        if (port >= 0 && !host.endsWith("]")) {
            host = host.substring(0, port);
        }
        return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    }

    private static String hostOf(String siteUrl) {
        if (siteUrl == null || siteUrl.isBlank()) {
            return null;
        }
        try {
            String host = URI.create(siteUrl.strip()).getHost();
            return host == null ? null : host.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Browsers drop tabs and newlines anywhere in a URL and trim spaces and control characters around it. */
    private static String normalise(String url) {
        String stripped = URL_IGNORED_CHARACTERS.matcher(url).replaceAll("");
        int start = 0;
        int end = stripped.length();
        while (start < end && stripped.charAt(start) <= ' ') {
            start++;
        }
        while (end > start && stripped.charAt(end - 1) <= ' ') {
            end--;
        }
        return stripped.substring(start, end).toLowerCase(Locale.ROOT);
    }
}
