package org.noticeboard.common;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Checks the path and query of a request as the client sent them, before Vert.x normalises the path
 * (it resolves {@code .} and {@code ..} segments, percent-encoded ones included, and collapses {@code //})
 * and before anything decodes a value. A request that passes reaches the resource its path spells, and every
 * path and query value it carries decodes to UTF-8 text without control characters.
 */
final class RequestTarget {

    private RequestTarget() {
    }

    /**
     * @param path  the path as sent, still percent-encoded
     * @param query the query as sent, or null
     * @param uri   the whole request target
     * @throws ProblemException 400 naming the path or the query parameter at fault
     */
    static void check(String path, String query, String uri) {
        checkPath(path == null ? "" : path);
        if (query != null) {
            checkQuery(query);
        }
        try {
            // What these checks let through, java.net.URI (and so UriInfo) must be able to read too.
            new URI(uri);
        } catch (URISyntaxException e) {
            String message = "is not a valid URI: " + e.getReason() + " at index " + e.getIndex();
            throw new ProblemException(ProblemType.INVALID_PATH, 400, "The request target " + message,
                    List.of(new Problem.FieldError("(path)", message)), null, Map.of());
        }
    }

    private static void checkPath(String path) {
        if (path.isEmpty() || path.charAt(0) != '/') {
            throw invalidPath("must start with '/'");
        }
        if (path.indexOf('\\') >= 0) {
            // Some proxies and servers take a backslash for '/': refused, so that no one reads this path differently.
            throw invalidPath("must not contain a backslash");
        }
        if (path.indexOf(';') >= 0) {
            // RESTEasy would drop ";..." from a segment (matrix parameters), so /posts/slug/a;b would read post a.
            throw invalidPath("must not contain ';' (this API has no matrix parameters)");
        }
        String[] segments = path.split("/", -1);
        for (int i = 1; i < segments.length; i++) {
            String segment = segments[i];
            if (segment.isEmpty() && i < segments.length - 1) {
                throw invalidPath("must not contain an empty segment ('//')");
            }
            String decoded;
            try {
                decoded = decode(segment, false);
            } catch (Malformed e) {
                throw invalidPath(e.getMessage());
            }
            if (decoded.equals(".") || decoded.equals("..")) {
                throw invalidPath("must not contain a '.' or '..' segment, written or percent-encoded");
            }
            if (decoded.indexOf('\\') >= 0) {
                throw invalidPath("must not contain a backslash, written or percent-encoded");
            }
        }
    }

    private static void checkQuery(String query) {
        for (String pair : query.split("&", -1)) {
            int equals = pair.indexOf('=');
            String rawName = equals < 0 ? pair : pair.substring(0, equals);
            String name;
            try {
                name = decode(rawName, true);
            } catch (Malformed e) {
                throw ProblemException.invalidQuery(QueryParameters.abbreviate(rawName), "has a name that " + e.getMessage());
            }
            if (equals < 0) {
                continue;
            }
            try {
                decode(pair.substring(equals + 1), true);
            } catch (Malformed e) {
                throw ProblemException.invalidQuery(QueryParameters.abbreviate(name), e.getMessage());
            }
        }
    }

    /** Percent-decodes strictly, as UTF-8, refusing control characters. */
    private static String decode(String raw, boolean plusIsSpace) throws Malformed {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                int high = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
                int low = high < 0 ? -1 : Character.digit(raw.charAt(i + 2), 16);
                if (low < 0) {
                    throw new Malformed("has bad percent-encoding: '%' must be followed by two hexadecimal digits");
                }
                bytes.write(high << 4 | low);
                i += 2;
            } else if (c > 0x7E || c < 0x21) {
                throw new Malformed("must be percent-encoded ASCII, not contain " + describe(c) + " as sent");
            } else {
                bytes.write(plusIsSpace && c == '+' ? ' ' : c);
            }
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw new Malformed("is not valid UTF-8 once percent-decoded");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7F) {
                throw new Malformed("must not contain control characters (" + describe(c) + ")");
            }
        }
        return text;
    }

    private static String describe(char c) {
        return String.format("U+%04X", (int) c);
    }

    private static ProblemException invalidPath(String message) {
        return new ProblemException(ProblemType.INVALID_PATH, 400, "The path " + message,
                List.of(new Problem.FieldError("(path)", message)), null, Map.of());
    }

    /** Why a part of the target cannot be decoded; cheap, as it is thrown for bad input only. */
    private static final class Malformed extends Exception {
        Malformed(String message) {
            super(message, null, false, false);
        }
    }
}
