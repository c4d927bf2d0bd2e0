package org.noticeboard.common;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class SlugsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "What's On                     | whats-on",
            "  Café Opening Times & Prices | cafe-opening-times-prices",
            "Łódź: Polish Saturday school  | lodz-polish-saturday-school",
            "Straße, Øresund, Æbleskiver   | strasse-oresund-aebleskiver",
            "Επίπεδο 2 -Second Greek level | epipedo-2-second-greek-level",
            "Ελληνικά                      | ellenika",
            "Новости района                | novosti-rajona",
            "«Quotes» — and dashes…        | quotes-and-dashes",
            "🎉 Party 🎉                    | party",
            "🎉                            | ''",
    })
    void titlesInAnyScriptBecomeAsciiWords(String title, String slug) {
        assertThat(Slugs.slugify(title)).isEqualTo(slug);
    }
}
