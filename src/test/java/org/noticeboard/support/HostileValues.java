package org.noticeboard.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.RandomGenerator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import static net.jqwik.api.Tuple.of;

/**
 * Hostile values from jqwik's generators and from {@code hostile/corpus.txt}. The generators run on a
 * {@link Random} the caller seeds, so a run can be repeated exactly; jqwik's edge cases (empty, the smallest and
 * largest numbers, the first and last characters) come up among the generated values.
 */
public final class HostileValues {

    /** Text HTTP answers must never hold: the names of the server's classes and libraries, or a stack trace. */
    public static final List<String> LEAK_MARKERS = List.of("org.noticeboard", "java.", "javax.", "jakarta.",
            "com.fasterxml", "io.quarkus", "io.vertx", "org.hibernate", "org.postgresql", "Exception", "\tat ");

    public static final int MEGABYTE = 1 << 20;

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final int GEN_SIZE = 1000;

    private final List<String> corpus = readCorpus();
    private final RandomGenerator<String> text = text().generator(GEN_SIZE, true);
    private final RandomGenerator<JsonNode> json = json().generator(GEN_SIZE, true);
    private final RandomGenerator<String> rawEncoded = rawPercentEncoded().generator(GEN_SIZE, true);

    /** A hostile string for a parameter, a header or a JSON string. */
    public String text(Random random) {
        return text.next(random).value();
    }

    /** A hostile JSON value for a body field: text, a number out of every range, or a value of another type. */
    public JsonNode json(Random random) {
        return json.next(random).value();
    }

    /**
     * Percent-encoding to put into an address as it is: bytes that are not UTF-8, overlong forms, encoded
     * control characters and separators, and broken escapes.
     */
    public String rawPercentEncoded(Random random) {
        return rawEncoded.next(random).value();
    }

    public List<String> corpus() {
        return corpus;
    }

    private Arbitrary<String> text() {
        return Arbitraries.frequencyOf(
                of(8, Arbitraries.of(corpus)),
                // Any UTF-16 code unit, lone surrogates and NUL among them.
                of(4, Arbitraries.strings().all().ofMaxLength(40)),
                of(4, Arbitraries.strings().withCharRange('\u0000', '\u001f').withChars("\u007f\u0085\u200e\u200f\u202a\u202e\u2066\u2069\ufeff").ofMaxLength(12)),
                of(2, Arbitraries.strings().withChars("\ud83d\ude00\u200d\u0301").ofMinLength(1).ofMaxLength(30)),
                of(2, Arbitraries.strings().withChars("./\\%;:?#&=+ ").ofMaxLength(30)),
                of(2, Arbitraries.of("", " ", "\u00a0", "\u3000")),
                of(1, Arbitraries.integers().between(1, 3).map(HostileValues::longText)));
    }

    private Arbitrary<JsonNode> json() {
        Arbitrary<JsonNode> numbers = Arbitraries.frequencyOf(
                of(2, Arbitraries.longs().map(JSON::numberNode)),
                of(1, Arbitraries.integers().map(JSON::numberNode)),
                of(1, Arbitraries.doubles().map(JSON::numberNode)),
                of(1, Arbitraries.of(
                        JSON.numberNode(new BigInteger("9".repeat(400))),
                        JSON.numberNode(new BigInteger("-" + "9".repeat(400))),
                        JSON.numberNode(BigInteger.TWO.pow(63)),
                        JSON.numberNode(BigInteger.TWO.pow(64).negate()),
                        JSON.numberNode(new BigDecimal("1e309")),
                        JSON.numberNode(new BigDecimal("-1e-400")),
                        JSON.numberNode(new BigDecimal("0.5")),
                        JSON.numberNode(-1),
                        JSON.numberNode(0))));
        Arbitrary<JsonNode> otherTypes = Arbitraries.of(
                JSON.nullNode(), JSON.booleanNode(true), JSON.booleanNode(false),
                JSON.arrayNode(), JSON.arrayNode().add(1).add("x"), JSON.arrayNode().add(JSON.arrayNode()),
                JSON.objectNode(), JSON.objectNode().put("x", 1), JSON.objectNode().set("id", JSON.numberNode(1)));
        return Arbitraries.frequencyOf(
                of(5, text().map(JSON::textNode)),
                of(3, numbers),
                of(2, otherTypes),
                of(1, Arbitraries.strings().all().ofMaxLength(5)
                        .list().ofMaxSize(5).map(items -> {
                            var array = JSON.arrayNode();
                            items.forEach(array::add);
                            return array;
                        })));
    }

    private static Arbitrary<String> rawPercentEncoded() {
        Arbitrary<String> bytes = Arbitraries.integers().between(0, 255).map(b -> String.format("%%%02X", b))
                .list().ofMinSize(1).ofMaxSize(6).map(list -> String.join("", list));
        return Arbitraries.frequencyOf(
                of(3, bytes),
                of(2, Arbitraries.of("%C0%AF", "%C0%AE%C0%AE", "%ED%A0%80", "%EF%BF%BE", "%F4%90%80%80", "%FF%FE",
                        "%00", "%0D%0A", "%2F", "%2e%2e", "%2E%2E%2F", "%5C", "%3B", "%25", "%", "%Z", "%%41",
                        "%u002e", "a%", "%E2%80%AE", "%EF%BB%BF")));
    }

    /** A million and more characters, in one of the shapes that make a parser or a database work hardest. */
    private static String longText(int shape) {
        return switch (shape) {
            case 1 -> "a".repeat(MEGABYTE);
            case 2 -> "\ud83d\ude00".repeat(MEGABYTE / 2);
            default -> "<b>".repeat(MEGABYTE / 3);
        };
    }

    private static List<String> readCorpus() {
        try (InputStream in = HostileValues.class.getResourceAsStream("/hostile/corpus.txt")) {
            List<String> values = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(HostileValues::unescape)
                    .toList();
            for (String value : values) {
                if (LEAK_MARKERS.stream().anyMatch(value::contains)) {
                    throw new IllegalStateException("The corpus value '" + value + "' holds a leak marker");
                }
            }
            return values;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String unescape(String line) {
        StringBuilder value = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c != '\\' || i + 1 == line.length()) {
                value.append(c);
                continue;
            }
            char next = line.charAt(++i);
            switch (next) {
                case 'u' -> {
                    value.append((char) Integer.parseInt(line.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                case 'n' -> value.append('\n');
                case 'r' -> value.append('\r');
                case 't' -> value.append('\t');
                default -> value.append(next);
            }
        }
        return value.toString();
    }
}
