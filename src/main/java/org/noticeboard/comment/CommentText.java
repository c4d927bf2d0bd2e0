package org.noticeboard.comment;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A comment is plain text; this renders it as HTML that keeps no markup of the reader's: every character that
 * means something in HTML is escaped, blank lines part paragraphs, single line breaks become {@code <br>}, and
 * links stay text (a clickable link is what spam is sent for).
 */
public final class CommentText {

    private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\\n[ \\t]*\\n\\s*");

    private CommentText() {
    }

    public static String toHtml(String text) {
        String normalised = text.replace("\r\n", "\n").replace('\r', '\n').strip();
        List<String> paragraphs = new ArrayList<>();
        for (String paragraph : PARAGRAPH_BREAK.split(normalised)) {
            if (!paragraph.isBlank()) {
                paragraphs.add("<p>" + escape(paragraph.strip()).replace("\n", "<br>\n") + "</p>");
            }
        }
        return String.join("\n", paragraphs);
    }

    /** A short excerpt for places that must not carry a whole comment (a mail to moderators). */
    public static String excerpt(String text, int maxCharacters) {
        String flat = text.strip().replaceAll("\\s+", " ");
        if (flat.length() <= maxCharacters) {
            return flat;
        }
        int end = maxCharacters;
        if (Character.isLowSurrogate(flat.charAt(end))) {
            end--;
        }
        return flat.substring(0, end).strip() + "…";
    }

    static String escape(String text) {
        StringBuilder html = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> html.append("&lt;");
                case '>' -> html.append("&gt;");
                case '&' -> html.append("&amp;");
                case '"' -> html.append("&quot;");
                case '\'' -> html.append("&#39;");
                default -> html.append(c);
            }
        }
        return html.toString();
    }
}
