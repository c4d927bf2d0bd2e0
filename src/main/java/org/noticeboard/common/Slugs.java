package org.noticeboard.common;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Slugs are lowercase ASCII words joined by hyphens: "What's On" becomes {@code whats-on}. */
public final class Slugs {

    public static final String PATTERN = "^[a-z0-9]+(-[a-z0-9]+)*$";
    public static final String MESSAGE = "must be lower-case letters and digits in words joined by single hyphens, e.g. summer-fair";
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern APOSTROPHES = Pattern.compile("['’‘`]");
    private static final Pattern SEPARATORS = Pattern.compile("[^a-z0-9]+");

    private Slugs() {
    }

    public static String slugify(String text) {
        String plain = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("");
        String words = APOSTROPHES.matcher(plain.toLowerCase(Locale.ROOT)).replaceAll("");
        String slug = SEPARATORS.matcher(words).replaceAll("-");
        int start = slug.startsWith("-") ? 1 : 0;
        int end = slug.endsWith("-") && slug.length() > start ? slug.length() - 1 : slug.length();
        return slug.substring(start, Math.max(start, end));
    }
}
