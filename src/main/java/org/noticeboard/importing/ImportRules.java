package org.noticeboard.importing;

import jakarta.validation.Validator;

import java.util.stream.Collectors;

/** What both importers do alike with what they are given: the columns' limit, and the write operations' checks. */
final class ImportRules {

    /** The length of the source, id and address columns of imported_posts, imported_pages and import_redirects. */
    static final int MAX_LENGTH = 2000;

    private ImportRules() {
    }

    static String limited(String value) {
        return value == null || value.length() <= MAX_LENGTH ? value : value.substring(0, MAX_LENGTH);
    }

    /** Why a request would be refused, field by field, for the report; null when it would not be. */
    static String violations(Validator validator, Object request) {
        var violations = validator.validate(request);
        return violations.isEmpty() ? null : violations.stream()
                .map(violation -> violation.getPropertyPath() + " " + violation.getMessage()).sorted()
                .collect(Collectors.joining("; "));
    }
}
