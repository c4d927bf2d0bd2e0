package org.noticeboard.common;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Request bodies are read exactly as written: a value of the wrong JSON type is refused rather than
 * converted ({@code "role": 0} must not mean "admin", {@code "name": 1.5} is not a name), a document ends
 * where its value ends, a key appears once, and text is what PostgreSQL will store unchanged.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    /** Timestamps travel as ISO-8601 text within the years PostgreSQL and every client can represent. */
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    /** Last, so that these deserializers win over the modules Quarkus registers (java.time among them). */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS,
                DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT, DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY);
        refuse(mapper, LogicalType.Integer, CoercionInputShape.String, CoercionInputShape.EmptyString,
                CoercionInputShape.Float, CoercionInputShape.Boolean);
        refuse(mapper, LogicalType.Float, CoercionInputShape.String, CoercionInputShape.EmptyString,
                CoercionInputShape.Boolean);
        refuse(mapper, LogicalType.Boolean, CoercionInputShape.String, CoercionInputShape.EmptyString,
                CoercionInputShape.Integer, CoercionInputShape.Float);
        refuse(mapper, LogicalType.Enum, CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.EmptyString);
        refuse(mapper, LogicalType.Collection, CoercionInputShape.EmptyString, CoercionInputShape.String);
        refuse(mapper, LogicalType.POJO, CoercionInputShape.EmptyString, CoercionInputShape.String);
        mapper.registerModule(new SimpleModule("strict-json")
                .addDeserializer(String.class, new TextDeserializer())
                .addDeserializer(Instant.class, new TimestampDeserializer()));
    }

    private static void refuse(ObjectMapper mapper, LogicalType type, CoercionInputShape... shapes) {
        for (CoercionInputShape shape : shapes) {
            mapper.coercionConfigFor(type).setCoercion(shape, CoercionAction.Fail);
        }
    }

    /** A value the API refuses although it is well-formed JSON of the right type; the message says why. */
    public static final class InvalidValueException extends JsonMappingException {
        InvalidValueException(JsonParser parser, String message) {
            super(parser, message);
        }
    }

    /** Only JSON strings, and only text that is valid Unicode without NUL (which PostgreSQL cannot store). */
    static final class TextDeserializer extends StdScalarDeserializer<String> {
        TextDeserializer() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (String) context.handleUnexpectedToken(String.class, parser);
            }
            String text = parser.getText();
            String problem = problemWith(text);
            if (problem != null) {
                throw new InvalidValueException(parser, problem);
            }
            return text;
        }

        static String problemWith(String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\u0000') {
                    return "must not contain NUL characters (\\u0000)";
                }
                if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else if (Character.isSurrogate(c)) {
                    return "is not valid Unicode: it holds an unpaired surrogate (\\u" + Integer.toHexString(c) + ")";
                }
            }
            return null;
        }
    }

    /** Only ISO-8601 strings: a number is not a timestamp, whatever epoch it might count from. */
    static final class TimestampDeserializer extends StdScalarDeserializer<Instant> {
        TimestampDeserializer() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (Instant) context.handleUnexpectedToken(Instant.class, parser);
            }
            Instant instant;
            try {
                instant = OffsetDateTime.parse(parser.getText()).toInstant();
            } catch (DateTimeParseException e) {
                throw new InvalidValueException(parser, "must be an ISO-8601 timestamp with an offset, such as "
                        + "2025-07-16T09:00:00Z");
            }
            if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
                throw new InvalidValueException(parser, "must be a timestamp from the year 1 to 9999");
            }
            return instant;
        }
    }
}
