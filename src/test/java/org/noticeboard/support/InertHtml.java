package org.noticeboard.support;

import java.util.Locale;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks shared by the sanitiser's unit tests and the tests of HTML stored through the API. */
public final class InertHtml {

    public static final Set<String> ALLOWED_CSS_PROPERTIES = Set.of(
            "text-align", "font-weight", "font-style", "text-decoration");

    private InertHtml() {
    }

    /** What a browser makes of a URL attribute's scheme: it ignores whitespace and control characters. */
    public static String browserNormalised(String value) {
        StringBuilder kept = new StringBuilder();
        value.codePoints()
                .filter(c -> !Character.isWhitespace(c) && !Character.isISOControl(c) && !Character.isSpaceChar(c))
                .forEach(kept::appendCodePoint);
        return kept.toString().toLowerCase(Locale.ROOT);
    }

    public static void assertOnlySafeCss(String style, String html) {
        String lower = style.toLowerCase(Locale.ROOT);
        assertThat(lower).as("style in %s", html)
                .doesNotContain("url(").doesNotContain("expression").doesNotContain("\\").doesNotContain("/*");
        for (String declaration : lower.split(";")) {
            if (declaration.isBlank()) {
                continue;
            }
            String property = declaration.substring(0, Math.max(declaration.indexOf(':'), 0)).strip();
            assertThat(ALLOWED_CSS_PROPERTIES).as("CSS %s in %s", declaration, html).contains(property);
        }
    }
}
