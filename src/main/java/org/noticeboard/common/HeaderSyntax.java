package org.noticeboard.common;

/**
 * The RFC 9110 syntax of the request headers the API reads, so that a value RESTEasy cannot parse is refused
 * as the client's error instead of failing inside the server.
 */
final class HeaderSyntax {

    private static final String TOKEN_SYMBOLS = "!#$%&'*+-.^_`|~";

    private final String value;
    private int position;

    private HeaderSyntax(String value) {
        this.value = value;
    }

    /** {@code type/subtype *(OWS ";" OWS [parameter])}, as Content-Type holds. */
    static boolean isMediaType(String value) {
        HeaderSyntax parser = new HeaderSyntax(value);
        parser.skipSpaces();
        boolean valid = parser.mediaType(false);
        parser.skipSpaces();
        return valid && parser.atEnd();
    }

    /**
     * A list of media ranges, as Accept holds; a lone {@code *} is let through as Java's HttpURLConnection
     * sends it ({@code *; q=.2}) and RESTEasy reads it as {@code * /*}.
     */
    static boolean isMediaRangeList(String value) {
        HeaderSyntax parser = new HeaderSyntax(value);
        return parser.list(() -> parser.mediaType(true));
    }

    /** {@code *} or a list of entity tags, as If-Match and If-None-Match hold. */
    static boolean isEntityTagList(String value) {
        if (value.strip().equals("*")) {
            return true;
        }
        HeaderSyntax parser = new HeaderSyntax(value);
        return parser.list(parser::entityTag);
    }

    /** RFC 9110's {@code #element}: empty elements are allowed, but at least one element must be there. */
    private boolean list(Element element) {
        boolean any = false;
        while (true) {
            skipSpaces();
            if (peek() == ',') {
                position++;
                continue;
            }
            if (atEnd()) {
                return any;
            }
            if (!element.parse()) {
                return false;
            }
            any = true;
            skipSpaces();
            if (atEnd()) {
                return true;
            }
            if (peek() != ',') {
                return false;
            }
        }
    }

    private boolean mediaType(boolean range) {
        int start = position;
        if (!token()) {
            return false;
        }
        if (peek() == '/') {
            position++;
            if (!token()) {
                return false;
            }
        } else if (!range || !value.substring(start, position).equals("*")) {
            return false;
        }
        while (true) {
            int mark = position;
            skipSpaces();
            if (peek() != ';') {
                position = mark;
                return true;
            }
            position++;
            skipSpaces();
            if (peek() == ';' || peek() == ',' || atEnd()) {
                continue;
            }
            if (!token() || peek() != '=') {
                return false;
            }
            position++;
            if (!(peek() == '"' ? quotedString() : token())) {
                return false;
            }
        }
    }

    private boolean entityTag() {
        if (value.startsWith("W/", position)) {
            position += 2;
        }
        if (peek() != '"') {
            return false;
        }
        position++;
        while (!atEnd() && peek() != '"') {
            char c = peek();
            if (c < 0x21 || c == 0x7F) {
                return false;
            }
            position++;
        }
        if (atEnd()) {
            return false;
        }
        position++;
        return true;
    }

    private boolean token() {
        int start = position;
        while (!atEnd() && isTokenChar(peek())) {
            position++;
        }
        return position > start;
    }

    private boolean quotedString() {
        position++;
        while (!atEnd()) {
            char c = peek();
            if (c == '"') {
                position++;
                return true;
            }
            if (c == '\\') {
                position++;
                if (atEnd()) {
                    return false;
                }
            } else if (c < 0x20 && c != '\t' || c == 0x7F) {
                return false;
            }
            position++;
        }
        return false;
    }

    private static boolean isTokenChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || TOKEN_SYMBOLS.indexOf(c) >= 0;
    }

    private void skipSpaces() {
        while (!atEnd() && (peek() == ' ' || peek() == '\t')) {
            position++;
        }
    }

    private char peek() {
        return atEnd() ? 0 : value.charAt(position);
    }

    private boolean atEnd() {
        return position >= value.length();
    }

    @FunctionalInterface
    private interface Element {
        boolean parse();
    }
}
