package org.noticeboard.common;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.noticeboard.support.RawHttp;
import org.noticeboard.support.TestData;

import java.net.URL;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class SecurityHeadersTest {

    private static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    @TestHTTPResource("/")
    URL server;

    @Inject
    TestData data;

    @BeforeEach
    void aPost() {
        data.reset();
        data.post("Summer Fair", post -> { });
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/posts", "/api/posts/slug/summer-fair", "/api/no-such-thing", "/api/posts?perPage=0",
            "/api/feeds/posts.rss", "/api/feeds/posts.json", "/embed/news.js", "/problems/not-found", "/q/openapi",
            "/q/health", "/api/auth/me"})
    void everyResponseForbidsSniffingFramingAndLoadingAnything(String path) {
        assertApiHeaders(given().get(path).then());
    }

    @Test
    void refusalsBeforeAnyResourceCarryThemToo() {
        assertApiHeaders(given().header("Origin", "https://elsewhere.example").body("{}").contentType("application/json")
                .post("/api/posts").then().statusCode(403));
        assertApiHeaders(given().header("Accept", ";;;/").get("/api/posts").then().statusCode(400));
        RawHttp.Response dots = RawHttp.get(server, "/api/pages/by-path/%2e%2e/site");
        assertThat(dots.status()).isEqualTo(400);
        assertThat(dots.header("Content-Security-Policy")).isEqualTo(API_POLICY);
        assertThat(dots.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(dots.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/embed/news", "/embed/news/"})
    void theEmbedPageMayBeFramedByAnySiteButRunsNothing(String path) {
        given().get(path).then().statusCode(200)
                .header("Content-Security-Policy", equalTo("default-src 'none'; style-src 'unsafe-inline'; "
                        + "base-uri 'none'; form-action 'none'; frame-ancestors *"))
                .header("X-Frame-Options", nullValue())
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "strict-origin-when-cross-origin");
    }

    @Test
    void swaggerUiMayRunOnlyItsOwnScriptsAndShowsNoFrameworkVersion() {
        given().get("/q/swagger-ui/").then().statusCode(200)
                .header("Content-Security-Policy", matchesPattern("default-src 'none'; script-src 'self'( 'sha256-[A-Za-z0-9+/=]+')+; "
                        + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; "
                        + "base-uri 'none'; form-action 'self'"))
                .header("X-Frame-Options", "DENY")
                .body(containsString("<title>Noticeboard API</title>"))
                .body(not(containsString("Quarkus")));
    }

    @Test
    void plainHttpIsNeverToldToStayOnHttps() {
        given().get("/api/posts").then().header("Strict-Transport-Security", nullValue());
        // Without proxy-address-forwarding, anyone could send this header: it is not believed.
        given().header("X-Forwarded-Proto", "https").get("/api/posts").then().header("Strict-Transport-Security", nullValue());
    }

    private static void assertApiHeaders(ValidatableResponse response) {
        response.header("Content-Security-Policy", API_POLICY)
                .header("X-Frame-Options", "DENY")
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "strict-origin-when-cross-origin");
    }
}
