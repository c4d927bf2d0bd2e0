package org.noticeboard.common;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Parses query parameters taken as strings, so that a malformed value is a 400 naming the parameter
 * and its allowed values (JAX-RS would answer a failed conversion with a bare 404).
 */
public final class QueryParameters {

    private QueryParameters() {
    }

    public static int intValue(String name, String raw, int min, int max, int fallback) {
        Integer value = optionalInt(name, raw, min, max);
        return value == null ? fallback : value;
    }

    public static Integer optionalInt(String name, String raw, int min, int max) {
        if (raw == null) {
            return null;
        }
        String message = "must be a whole number from " + min + " to " + max;
        if (!raw.matches("[0-9]{1,18}")) {
            throw ProblemException.invalidQuery(name, message + ", not '" + abbreviate(raw) + "'");
        }
        long value = Long.parseLong(raw);
        if (value < min || value > max) {
            throw ProblemException.invalidQuery(name, message + ", not " + value);
        }
        return (int) value;
    }

    public static boolean booleanValue(String name, String raw) {
        if (raw == null || raw.equals("false")) {
            return false;
        }
        if (raw.equals("true")) {
            return true;
        }
        throw ProblemException.invalidQuery(name, "must be true or false, not '" + abbreviate(raw) + "'");
    }

    /** Enum values are accepted in lower case with hyphens, as the API writes them. */
    public static <E extends Enum<E>> E enumValue(String name, String raw, Class<E> type, E fallback) {
        if (raw == null) {
            return fallback;
        }
        for (E constant : type.getEnumConstants()) {
            if (WireEnum.name(constant).equals(raw)) {
                return constant;
            }
        }
        String allowed = Arrays.stream(type.getEnumConstants()).map(WireEnum::name)
                .collect(Collectors.joining(", "));
        throw ProblemException.invalidQuery(name, "must be one of: " + allowed + "; not '" + abbreviate(raw) + "'");
    }

    static String abbreviate(String raw) {
        return abbreviate(raw, 40);
    }

    static String abbreviate(String raw, int length) {
        return raw.length() <= length ? raw : raw.substring(0, length) + "…";
    }
}
