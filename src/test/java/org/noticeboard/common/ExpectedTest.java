package org.noticeboard.common;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

/** The version a write expects, as code outside HTTP states it and as a resource reads it from If-Match. */
class ExpectedTest {

    private static final EditingTag CURRENT = new EditingTag("post", 42, 3);

    @Test
    void anyVersionSkipsTheComparison() {
        assertThatCode(() -> Expected.ANY.requireMatch(CURRENT)).doesNotThrowAnyException();
        assertThatCode(() -> Expected.ANY.requireMatch(new EditingTag("menu", 1, 99))).doesNotThrowAnyException();
    }

    @Test
    void theVersionReadIsAcceptedWhileItIsCurrent() {
        assertThatCode(() -> Expected.version(CURRENT).requireMatch(CURRENT)).doesNotThrowAnyException();
    }

    @Test
    void aStaleVersionIsRefusedWithTheCurrentTag() {
        assertThatThrownBy(() -> Expected.version(new EditingTag("post", 42, 2)).requireMatch(CURRENT))
                .asInstanceOf(type(ProblemException.class))
                .satisfies(refused -> {
                    assertThat(refused.status()).isEqualTo(412);
                    assertThat(refused.type()).isEqualTo(ProblemType.PRECONDITION_FAILED);
                    assertThat(refused.getMessage()).isEqualTo("The resource has changed since you read it "
                            + "(its ETag is now \"post-42-v3\"); nothing was changed");
                });
    }

    @Test
    void anotherResourcesTagIsRefusedEvenAtTheSameVersion() {
        assertThatThrownBy(() -> Expected.version(new EditingTag("page", 42, 3)).requireMatch(CURRENT))
                .asInstanceOf(type(ProblemException.class))
                .extracting(ProblemException::status).isEqualTo(412);
    }

    @Test
    void missingIfMatchIsRequired() {
        for (String header : new String[] {null, "", "  "}) {
            assertThatThrownBy(() -> Preconditions.fromIfMatch(header).requireMatch(CURRENT))
                    .asInstanceOf(type(ProblemException.class))
                    .satisfies(refused -> {
                        assertThat(refused.status()).isEqualTo(428);
                        assertThat(refused.getMessage())
                                .isEqualTo("Send If-Match with the ETag of a signed-in read of this resource");
                    });
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"*", "\"post-42-v3\"", "\"post-42-v2\", \"post-42-v3\"", "\"abc\" , *"})
    void ifMatchNamingTheCurrentTagOrAnyIsAccepted(String header) {
        assertThatCode(() -> Preconditions.fromIfMatch(header).requireMatch(CURRENT)).doesNotThrowAnyException();
    }

    @Test
    void aPublicReadsTagIsRefusedAsNoEditingTag() {
        assertThatThrownBy(() -> Preconditions.fromIfMatch("\"k3yQ0bH9dS1fZ2xW8pL4mN6vR7t\"").requireMatch(CURRENT))
                .asInstanceOf(type(ProblemException.class))
                .satisfies(refused -> {
                    assertThat(refused.status()).isEqualTo(412);
                    assertThat(refused.getMessage()).isEqualTo("If-Match names no editing tag (a public read's ETag "
                            + "is not one): read the post signed in and send the ETag that read gives; nothing was changed");
                });
    }

    /** Only the exact spelling of the current tag matches, as when the header was compared as text. */
    @ParameterizedTest
    @ValueSource(strings = {"\"post-42-v2\"", "\"post-042-v3\"", "\"post-42-v03\"", "\"post-99999999999999999999-v3\"",
            "\"public-hash\", \"post-42-v2\""})
    void ifMatchNamingOnlyOtherEditingTagsIsStale(String header) {
        assertThatThrownBy(() -> Preconditions.fromIfMatch(header).requireMatch(CURRENT))
                .asInstanceOf(type(ProblemException.class))
                .satisfies(refused -> {
                    assertThat(refused.status()).isEqualTo(412);
                    assertThat(refused.getMessage()).startsWith("The resource has changed since you read it");
                });
    }
}
