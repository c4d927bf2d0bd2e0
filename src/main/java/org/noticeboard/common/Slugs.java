package org.noticeboard.common;

import com.ibm.icu.text.Transliterator;

import java.text.Normalizer;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Slugs are lowercase ASCII words joined by hyphens: "What's On" becomes {@code whats-on}, "Επίπεδο 2" {@code epipedo-2},
 * "Łódź" {@code lodz}.
 */
public final class Slugs {

    public static final String PATTERN = "^[a-z0-9]+(-[a-z0-9]+)*$";
    public static final String MESSAGE = "must be lower-case letters and digits in words joined by single hyphens, e.g. summer-fair";
    /** The slug columns' width. */
    public static final int MAX_LENGTH = 200;
    /** A generated slug leaves room for the suffix that makes it unique ({@code -2}, {@code -3}, ...). */
    static final int MAX_GENERATED_LENGTH = MAX_LENGTH - 12;
    /**
     * Unicode's transliteration into Latin letters, then into ASCII: what accents alone cannot do (ß, ł, ø and every
     * other script). Not documented as safe for threads, hence the lock in {@link #ascii}.
     */
    private static final Transliterator TO_ASCII = Transliterator.getInstance("Any-Latin; Latin-ASCII");
    private static final Pattern ASCII = Pattern.compile("\\p{ASCII}*");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern APOSTROPHES = Pattern.compile("['’‘`]");
    private static final Pattern SEPARATORS = Pattern.compile("[^a-z0-9]+");

    private Slugs() {
    }

    /** A slug made from a title or name, cut at a word boundary to fit its column with a suffix. */
    public static String slugify(String text) {
        String plain = MARKS.matcher(Normalizer.normalize(ascii(text), Normalizer.Form.NFKD)).replaceAll("");
        String words = APOSTROPHES.matcher(plain.toLowerCase(Locale.ROOT)).replaceAll("");
        String slug = SEPARATORS.matcher(words).replaceAll("-");
        int start = slug.startsWith("-") ? 1 : 0;
        int end = slug.endsWith("-") && slug.length() > start ? slug.length() - 1 : slug.length();
        return shorten(slug.substring(start, Math.max(start, end)));
    }

    /** {@code base}, or the first of {@code base-2}, {@code base-3}, ... that is not taken. */
    public static String firstFree(String base, Predicate<String> taken) {
        String candidate = base;
        for (int suffix = 2; taken.test(candidate); suffix++) {
            candidate = base + "-" + suffix;
        }
        return candidate;
    }

    private static String ascii(String text) {
        if (ASCII.matcher(text).matches()) {
            return text;
        }
        synchronized (TO_ASCII) {
            return TO_ASCII.transliterate(text);
        }
    }

    private static String shorten(String slug) {
        if (slug.length() <= MAX_GENERATED_LENGTH) {
            return slug;
        }
        int lastBreak = slug.lastIndexOf('-', MAX_GENERATED_LENGTH);
        // One word longer than the column (rare, e.g. a URL in a title) is cut wherever it must be.
        return lastBreak > 0 ? slug.substring(0, lastBreak) : slug.substring(0, MAX_GENERATED_LENGTH);
    }
}
