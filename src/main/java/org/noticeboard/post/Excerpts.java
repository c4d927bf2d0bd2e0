package org.noticeboard.post;

import org.jsoup.Jsoup;

/** Derives a plain-text excerpt from an HTML body when the author wrote none. */
public final class Excerpts {

    public static final int MAX_LENGTH = 300;

    private Excerpts() {
    }

    /** The body's first paragraph as text, cut at a word boundary within {@link #MAX_LENGTH} characters. */
    public static String fromHtml(String html) {
        if (html == null || html.isBlank()) {
            return null;
        }
        var document = Jsoup.parseBodyFragment(html);
        var firstParagraph = document.selectFirst("p");
        String text = (firstParagraph != null ? firstParagraph.text() : document.text()).strip();
        return text.isEmpty() ? null : shortened(text, MAX_LENGTH);
    }

    /** {@code text} itself, or cut at a word boundary within {@code length} characters and marked with an ellipsis. */
    public static String shortened(String text, int length) {
        if (text.length() <= length) {
            return text;
        }
        int cut = text.lastIndexOf(' ', length - 1);
        return text.substring(0, cut > 0 ? cut : length - 1).stripTrailing() + "…";
    }
}
