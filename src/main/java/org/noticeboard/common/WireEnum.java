package org.noticeboard.common;

import jakarta.persistence.AttributeConverter;

import java.util.Locale;

/**
 * Enums travel in JSON, query strings and database columns as lower-case words with hyphens
 * ({@code SCHEDULED} is {@code scheduled}); database CHECK constraints list the same words.
 */
public final class WireEnum {

    private WireEnum() {
    }

    public static String name(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static <E extends Enum<E>> E parse(Class<E> type, String value) {
        for (E constant : type.getEnumConstants()) {
            if (name(constant).equals(value)) {
                return constant;
            }
        }
        throw new IllegalArgumentException("No " + type.getSimpleName() + " is called '" + value + "'");
    }

    /** Subclass once per enum: JPA needs a concrete converter class. */
    public abstract static class Converter<E extends Enum<E>> implements AttributeConverter<E, String> {
        private final Class<E> type;

        protected Converter(Class<E> type) {
            this.type = type;
        }

        @Override
        public String convertToDatabaseColumn(E attribute) {
            return attribute == null ? null : name(attribute);
        }

        @Override
        public E convertToEntityAttribute(String column) {
            return column == null ? null : parse(type, column);
        }
    }
}
