package org.noticeboard.importing;

import jakarta.validation.Validator;
import org.jsoup.Jsoup;
import org.noticeboard.post.Excerpts;

import java.util.stream.Collectors;

/** What both importers do alike with what they are given: the columns' limit, and the write operations' checks. */
final class ImportRules {

    /** The length of the source, id and address columns of imported_posts, imported_pages and import_redirects. */
    static final int MAX_LENGTH = 2000;
    /** A post's or page's title holds 300 characters: a longer one is cut at a word. */
    private static final int TITLE_LENGTH = 300;
    /** How much of an untitled item's text becomes its title. */
    private static final int TITLE_FROM_TEXT_LENGTH = 80;

    private ImportRules() {
    }

    static String limited(String value) {
        return value == null || value.length() <= MAX_LENGTH ? value : value.substring(0, MAX_LENGTH);
    }

    /**
     * The title as text, cut to fit; an item without one (a microblog's, WordPress's untitled status updates) is
     * named by the opening of its text, and one with no text either is "Untitled".
     */
    static String title(String text, String bodyHtml) {
        if (text != null && !text.isBlank()) {
            return Excerpts.shortened(text.strip(), TITLE_LENGTH);
        }
        String body = bodyHtml == null ? "" : Jsoup.parse(bodyHtml).text().strip();
        return body.isEmpty() ? "Untitled" : Excerpts.shortened(body, TITLE_FROM_TEXT_LENGTH);
    }

    /** Why a request would be refused, field by field, for the report; null when it would not be. */
    static String violations(Validator validator, Object request) {
        var violations = validator.validate(request);
        return violations.isEmpty() ? null : violations.stream()
                .map(violation -> violation.getPropertyPath() + " " + violation.getMessage()).sorted()
                .collect(Collectors.joining("; "));
    }
}
