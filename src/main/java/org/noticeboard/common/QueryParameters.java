package org.noticeboard.common;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads typed query parameters ({@code Integer}, {@code int}, {@code Long}, {@code long}, {@code Boolean}, {@code boolean} and enums) in one
 * spelling per value, so that a malformed or out-of-range value is a 400 naming the parameter and what it allows,
 * rather than JAX-RS's bare 404 or {@code Boolean.valueOf}'s silent {@code false}. A parameter's range is its
 * {@code @Min}/{@code @Max}, which the OpenAPI document shows as well: the limit is written once.
 */
@Provider
public class QueryParameters implements ParamConverterProvider {

    /** Plain ASCII digits without leading zeros, short enough for a long: {@code 007}, {@code +7}, {@code 7.0} are not numbers here. */
    private static final Pattern WHOLE_NUMBER = Pattern.compile("0|[1-9][0-9]{0,17}");

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = queryName(annotations);
        if (name == null) {
            return null;
        }
        if (rawType == Integer.class || rawType == int.class) {
            return (ParamConverter<T>) reading(raw -> (int) wholeNumber(name, raw, annotations, Integer.MAX_VALUE));
        }
        if (rawType == Long.class || rawType == long.class) {
            return (ParamConverter<T>) reading(raw -> wholeNumber(name, raw, annotations, Long.MAX_VALUE));
        }
        if (rawType == Boolean.class || rawType == boolean.class) {
            return (ParamConverter<T>) reading(raw -> trueOrFalse(name, raw));
        }
        if (rawType.isEnum()) {
            return (ParamConverter<T>) reading(raw -> wireEnum(name, raw, (Class<? extends Enum>) rawType));
        }
        return null;
    }

    private static String queryName(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            if (annotation instanceof QueryParam query) {
                return query.value();
            }
        }
        return null;
    }

    private static long wholeNumber(String name, String raw, Annotation[] annotations, long largest) {
        long min = 0;
        long max = largest;
        for (Annotation annotation : annotations) {
            if (annotation instanceof Min least) {
                min = least.value();
            } else if (annotation instanceof Max most) {
                max = most.value();
            }
        }
        String allowed = "must be a whole number from " + min + " to " + max;
        if (!WHOLE_NUMBER.matcher(raw).matches()) {
            String hint = raw.matches("0[0-9]+") ? ", written without leading zeros" : "";
            throw invalid(name, allowed + hint + ", not '" + abbreviate(raw) + "'");
        }
        long value = Long.parseLong(raw);
        if (value < min || value > max) {
            throw invalid(name, allowed + ", not " + value);
        }
        return value;
    }

    private static boolean trueOrFalse(String name, String raw) {
        return switch (raw) {
            case "true" -> true;
            case "false" -> false;
            default -> throw invalid(name, "must be true or false, not '" + abbreviate(raw) + "'");
        };
    }

    /** Enum values are accepted in lower case with hyphens, as the API writes them. */
    private static <E extends Enum<E>> E wireEnum(String name, String raw, Class<E> type) {
        for (E constant : type.getEnumConstants()) {
            if (WireEnum.name(constant).equals(raw)) {
                return constant;
            }
        }
        String allowed = Arrays.stream(type.getEnumConstants()).map(WireEnum::name).collect(Collectors.joining(", "));
        throw invalid(name, "must be one of: " + allowed + "; not '" + abbreviate(raw) + "'");
    }

    /**
     * RESTEasy passes a {@link WebApplicationException} from a converter through unchanged, and answers anything
     * else as 404; {@link ProblemMappers} answers it with the problem it carries.
     */
    private static WebApplicationException invalid(String name, String message) {
        return new WebApplicationException(ProblemException.invalidQuery(name, message), 400);
    }

    private static <T> ParamConverter<T> reading(Function<String, T> parse) {
        return new ParamConverter<>() {
            @Override
            public T fromString(String value) {
                return value == null ? null : parse.apply(value);
            }

            @Override
            public String toString(T value) {
                return value instanceof Enum<?> constant ? WireEnum.name(constant) : String.valueOf(value);
            }
        };
    }

    static String abbreviate(String raw) {
        return abbreviate(raw, 40);
    }

    static String abbreviate(String raw, int length) {
        return raw.length() <= length ? raw : raw.substring(0, length) + "…";
    }
}
