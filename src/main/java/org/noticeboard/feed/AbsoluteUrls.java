package org.noticeboard.feed;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;

import java.net.MalformedURLException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Makes the relative URLs of a post absolute, as a browser would on the post's own page: a feed is read far from
 * the site, where {@code /files/x.pdf} or {@code images/a.png} lead nowhere. URLs with a scheme (https:,
 * mailto:, tel:, ...) and links to a fragment of the same page are left as they are.
 */
final class AbsoluteUrls {

    private static final Pattern HAS_SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");
    /** The URL attributes that HtmlSanitizer lets through. */
    private static final String[] URL_ATTRIBUTES = {"href", "src", "cite"};

    private AbsoluteUrls() {
    }

    /** {@code html} with its relative URLs resolved against {@code pageUrl}; unchanged when it has none. */
    static String inHtml(String html, String pageUrl) {
        if (html == null || html.isBlank()) {
            return html;
        }
        Document document = Jsoup.parseBodyFragment(html, pageUrl);
        boolean changed = false;
        for (String attribute : URL_ATTRIBUTES) {
            for (Element element : document.select("[" + attribute + "]")) {
                String value = element.attr(attribute).strip();
                if (isRelative(value)) {
                    String absolute = element.absUrl(attribute);
                    if (!absolute.isEmpty()) {
                        element.attr(attribute, absolute);
                        changed = true;
                    }
                }
            }
        }
        if (!changed) {
            return html;
        }
        // The settings HtmlSanitizer writes bodies with, so that only the URLs differ from what is stored.
        document.outputSettings().prettyPrint(false).charset(StandardCharsets.UTF_8).escapeMode(Entities.EscapeMode.base);
        return document.body().html();
    }

    /** {@code url} resolved against {@code pageUrl}, or as it is when it has a scheme or is null. */
    static String of(String url, String pageUrl) {
        if (url == null || !isRelative(url.strip())) {
            return url;
        }
        try {
            // java.net.URL resolves as leniently as jsoup does for the body, where java.net.URI would refuse a space.
            return new URL(new URL(pageUrl), url.strip()).toExternalForm();
        } catch (MalformedURLException e) {
            return url;
        }
    }

    private static boolean isRelative(String url) {
        return !url.isEmpty() && !url.startsWith("#") && !HAS_SCHEME.matcher(url).find();
    }
}
