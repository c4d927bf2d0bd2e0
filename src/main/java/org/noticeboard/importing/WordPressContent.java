package org.noticeboard.importing;

import org.jsoup.Jsoup;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How WordPress writes what it stores, turned into what Noticeboard stores. */
final class WordPressContent {

    private static final DateTimeFormatter MYSQL_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    /** Markup that shows the body was written as HTML (the block editor, or HTML typed in the classic one). */
    private static final Pattern BLOCK_MARKUP = Pattern.compile(
            "(?i)<(p|div|h[1-6]|ul|ol|table|blockquote|figure|pre|section)[\\s>]|<!-- wp:");
    private static final Pattern BLANK_LINES = Pattern.compile("\\n\\s*\\n");
    private static final Pattern CAPTION = Pattern.compile(
            "(?s)\\[caption[^\\]]*](.*?)\\[/caption]");
    private static final Pattern CAPTION_PARTS = Pattern.compile("(?s)^\\s*((?:<a[^>]*>\\s*)?<img[^>]*>(?:\\s*</a>)?)(.*)$");

    private WordPressContent() {
    }

    /** WordPress's GMT dates ("2025-07-01 09:00:00"); null for a draft's "0000-00-00 00:00:00" or anything else. */
    static Instant gmt(String date) {
        if (date == null || date.isBlank() || date.startsWith("0000")) {
            return null;
        }
        try {
            return LocalDateTime.parse(date.strip(), MYSQL_DATE).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * The body as HTML. The classic editor stores paragraphs as blank lines and line breaks as newlines, which
     * WordPress turns into {@code <p>} and {@code <br>} only when it shows a post (wpautop): done here once. Its
     * [caption] shortcode becomes a figure.
     */
    static String bodyHtml(String content) {
        String raw = content == null ? "" : content.replace("\r\n", "\n");
        String html = captions(raw);
        if (html.isBlank() || BLOCK_MARKUP.matcher(raw).find()) {
            return html;
        }
        StringBuilder paragraphs = new StringBuilder();
        for (String paragraph : BLANK_LINES.split(html.strip())) {
            String text = paragraph.strip();
            if (text.startsWith("<figure")) {
                paragraphs.append(text).append('\n');
            } else if (!text.isEmpty()) {
                paragraphs.append("<p>").append(text.replace("\n", "<br>\n")).append("</p>\n");
            }
        }
        return paragraphs.toString();
    }

    private static String captions(String html) {
        Matcher caption = CAPTION.matcher(html);
        StringBuilder out = new StringBuilder();
        while (caption.find()) {
            Matcher parts = CAPTION_PARTS.matcher(caption.group(1));
            String figure = parts.matches()
                    ? "<figure>" + parts.group(1).strip() + "<figcaption>" + parts.group(2).strip() + "</figcaption></figure>"
                    : caption.group(1);
            caption.appendReplacement(out, Matcher.quoteReplacement("\n\n" + figure + "\n\n"));
        }
        caption.appendTail(out);
        return out.toString();
    }

    /** A title or name: WordPress stores names HTML-escaped ("Groups &amp;amp; Clubs") and lets titles hold markup. */
    static String text(String html) {
        return html == null ? "" : Jsoup.parse(html).text().strip();
    }

    /** Text as a reader wrote it: comments and excerpts may hold a little HTML. */
    static String plainText(String html) {
        return html == null ? "" : Jsoup.parseBodyFragment(html).body().wholeText().strip();
    }
}
