package org.noticeboard.site;

import com.fasterxml.jackson.annotation.JsonValue;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.noticeboard.common.WireEnum;

/** The language of the site's text, which decides how search stems words (V25 has a configuration for each). */
@Schema(name = "SiteLanguage", description = "Search stems words by this language's rules (english: \"meetings\" "
        + "finds \"meeting\"); simple stems nothing, for a language without a stemmer here (Welsh) or a site in "
        + "several. Accents never matter. Changing it re-indexes every post and page at once.")
public enum SiteLanguage {
    ENGLISH, SIMPLE, DANISH, DUTCH, FINNISH, FRENCH, GERMAN, HUNGARIAN, IRISH, ITALIAN, NORWEGIAN, PORTUGUESE, ROMANIAN,
    RUSSIAN, SPANISH, SWEDISH, TURKISH;

    @JsonValue
    public String wireName() {
        return WireEnum.name(this);
    }

    @jakarta.persistence.Converter
    public static class Converter extends WireEnum.Converter<SiteLanguage> {
        public Converter() {
            super(SiteLanguage.class);
        }
    }
}
