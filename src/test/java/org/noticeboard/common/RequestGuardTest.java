package org.noticeboard.common;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.noticeboard.menu.Menu;
import org.noticeboard.support.RawHttp;
import org.noticeboard.support.TestData;
import org.noticeboard.user.Role;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** What the API refuses before any resource sees it, and that each refusal is a problem. */
@QuarkusTest
class RequestGuardTest {

    private static final String PROBLEM = "application/problem+json";

    @TestHTTPResource("/")
    URL server;

    @Inject
    TestData data;

    @ConfigProperty(name = "noticeboard.http.max-body-size")
    MemorySize maxBodySize;

    @ConfigProperty(name = "noticeboard.http.max-target-length")
    MemorySize maxTargetLength;

    @ConfigProperty(name = "noticeboard.http.max-header-size")
    MemorySize maxHeaderSize;

    private String admin;

    @BeforeEach
    void startEmpty() {
        data.reset();
        data.site(site -> site.name = "BPRCVS");
        admin = data.tokenFor(Role.ADMIN);
    }

    @Test
    void anEncodedDotSegmentCannotDeleteAWholeMenu() {
        Menu menu = data.menu("x");
        data.menuItem(menu, null, "Home", item -> { });
        String etag = given().auth().oauth2(admin).get("/api/menus/x").then().statusCode(200).extract().header("ETag");

        RawHttp.Response response = RawHttp.send(server, "DELETE /api/menus/x/items/%2e%2e HTTP/1.1",
                "Authorization: Bearer " + admin + "\nIf-Match: " + etag, null);

        assertInvalidPath(response);
        given().get("/api/menus/x").then().statusCode(200).body("items[0].label", equalTo("Home"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/pages/by-path/%2e%2e/%2e%2e/site", "/api/pages/by-path/%2E%2E/%2E%2E/site",
            "/api/pages/by-path/.%2e/.%2E/site", "/api/pages/by-path/../../site", "/api/pages/by-path/a/./b",
            "/api/pages/by-path/a/%2e/b", "/api/posts/%2e", "/api/posts/.."})
    void dotSegmentsAreRefusedWhateverTheirSpelling(String target) {
        assertInvalidPath(RawHttp.get(server, target));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api//posts", "/api/posts;a=b", "/api/posts/slug/summer-fair;v=1", "/api\\posts",
            "/api/posts/slug/a%5Cb", "/api/posts/slug/a%zz", "/api/posts/slug/a%2", "/api/posts/slug/a%C3%28",
            "/api/posts/slug/a%00b", "/api/posts/slug/a%1Fb", "/api/posts/slug/a%7Fb", "/api/posts/slug/a{b}"})
    void unsafeOrUndecodablePathsAreRefused(String target) {
        assertInvalidPath(RawHttp.get(server, target));
    }

    @Test
    void aTrailingSlashStillReadsTheList() {
        assertThat(RawHttp.get(server, "/api/posts/").status()).isEqualTo(200);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/api/posts?category=a%00b | control characters (U+0000)",
            "/embed/news?category=a%00b | control characters (U+0000)",
            "/api/feeds/posts.rss?category=a%00b | control characters (U+0000)",
            "/api/posts?category=a%0Ab | control characters (U+000A)",
            "/api/posts?category=%C3%28 | not valid UTF-8",
            "/api/posts?category=%FF | not valid UTF-8",
            "/api/posts?category=%ED%A0%80 | not valid UTF-8",
            "/api/posts?category=a%zz | bad percent-encoding"})
    void undecodableQueryValuesAreRefusedNamingTheParameter(String target, String why) {
        RawHttp.Response response = RawHttp.get(server, target);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).isEqualTo(PROBLEM);
        assertThat(response.body()).contains("\"type\":\"/problems/invalid-query\"").contains("\"field\":\"category\"")
                .contains(why);
    }

    @Test
    void aNulByteAnswersEveryReaderWithAProblemAndNoStackTrace() {
        given().urlEncodingEnabled(false).get("/api/posts/slug/a%00b").then().statusCode(400)
                .contentType(PROBLEM).body("type", equalTo("/problems/invalid-path"));
        given().urlEncodingEnabled(false).get("/api/posts?category=a%00b").then().statusCode(400)
                .contentType(PROBLEM).body("errors[0].field", equalTo("category"))
                .body("detail", containsString("control characters (U+0000)"));
        given().urlEncodingEnabled(false).get("/embed/news?category=a%00b").then().statusCode(400)
                .contentType(PROBLEM).body("errors[0].field", equalTo("category"));
    }

    @Test
    void textThatIsValidStillPasses() {
        given().urlEncodingEnabled(false).get("/api/posts/slug/caf%C3%A9").then().statusCode(404)
                .body("detail", containsString("café"));
        given().queryParam("title", "Latest news & events").get("/embed/news").then().statusCode(200);
    }

    @Test
    void anEmptyAcceptOnAFeedIsNotAcceptable() {
        RawHttp.Response response = RawHttp.send(server, "GET /api/feeds/posts.rss HTTP/1.1", "Accept:", null);

        assertThat(response.status()).isEqualTo(406);
        assertThat(response.header("Content-Type")).isEqualTo(PROBLEM);
        assertThat(response.body()).contains("/problems/not-acceptable");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/feeds/posts.rss", "/api/posts", "/embed/news"})
    void garbageInTheHeadersOfAPublicReadIsAProblemOrIgnored(String path) {
        given().header("Accept", ";;;/").get(path).then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("/problems/invalid-header")).body("errors[0].field", equalTo("Accept"));
        given().header("If-None-Match", "garbage").get(path).then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("If-None-Match"));
        given().header("Content-Type", ";;;/").get(path).then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("Content-Type"));
        // RFC 9110 says to ignore an If-Modified-Since that is not a date; the others are hints.
        given().header("If-Modified-Since", "garbage").get(path).then().statusCode(200);
        given().header("Accept-Encoding", ";;q=x, gzip;q=abc").get(path).then().statusCode(200);
        given().header("Accept-Language", ";;;q=x,@@").get(path).then().statusCode(200);
        given().header("Accept", "text/html, image/gif, image/jpeg, *; q=.2, */*; q=.2").get(path).then().statusCode(200);
    }

    @Test
    void garbageInTheHeadersOfAWriteIsAProblem() {
        RawHttp.Response garbage = RawHttp.send(server, "POST /api/auth/token HTTP/1.1",
                "Content-Type: ;;;/\nContent-Length: 2", "{}");
        assertThat(garbage.status()).isEqualTo(400);
        assertThat(garbage.header("Content-Type")).isEqualTo(PROBLEM);
        assertThat(garbage.body()).contains("/problems/invalid-header").contains("\"field\":\"Content-Type\"");
        RawHttp.Response empty = RawHttp.send(server, "POST /api/auth/token HTTP/1.1",
                "Content-Type:\nContent-Length: 2", "{}");
        assertThat(empty.status()).isEqualTo(415);
        assertThat(empty.body()).contains("/problems/unsupported-media-type");
        given().auth().oauth2(admin).header("If-Match", "not-a-tag").contentType(ContentType.JSON).body("{}")
                .put("/api/site").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("If-Match"));
        data.category("Newsletters");
        given().auth().oauth2(admin).header("If-Match", "W/\"a,b\", \"c\"")
                .delete("/api/categories/newsletters").then().statusCode(412);
        given().auth().oauth2(admin).accept(";;;/").contentType(ContentType.JSON).body("{}")
                .post("/api/categories").then().statusCode(400).body("errors[0].field", equalTo("Accept"));
        given().header("Accept-Language", "@@;q=x").contentType(ContentType.JSON).body("{}")
                .post("/api/auth/token").then().statusCode(422);
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST /api/posts", "PUT /api/site", "PATCH /api/posts/1"})
    void aBodyWithoutContentTypeIsRefused(String methodAndPath) {
        RawHttp.Response response = RawHttp.send(server, methodAndPath + " HTTP/1.1",
                "Authorization: Bearer " + admin + "\nIf-Match: \"x\"\nContent-Length: 17", "{\"title\": \"Fair\"}");

        assertThat(response.status()).isEqualTo(415);
        assertThat(response.header("Content-Type")).isEqualTo(PROBLEM);
        assertThat(response.body()).contains("/problems/unsupported-media-type").contains("no Content-Type");
    }

    @Test
    void aCompressedBodyIsRefusedSayingWhatIsAccepted() throws IOException {
        ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(gzipped)) {
            gzip.write("{\"name\": \"Newsletters\"}".getBytes());
        }

        given().auth().oauth2(admin).contentType(ContentType.JSON).header("Content-Encoding", "gzip")
                .body(gzipped.toByteArray()).post("/api/categories")
                .then().statusCode(415).contentType(PROBLEM)
                .header("Accept-Encoding", "identity")
                .body("type", equalTo("/problems/unsupported-media-type"))
                .body("detail", containsString("uncompressed"));
        assertThat(data.count(org.noticeboard.category.Category.class)).isZero();
    }

    @Test
    void aBodyOverTheLimitIsAProblem() {
        // Refused from its Content-Length, before the body is read: a client still writing it may see the
        // connection close, so only the start of the body is sent.
        RawHttp.Response response = RawHttp.send(server, "POST /api/posts HTTP/1.1", "Authorization: Bearer " + admin
                + "\nContent-Type: application/json\nContent-Length: " + (maxBodySize.asLongValue() + 1), "{\"title\": \"aaaa");

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.header("Content-Type")).startsWith(PROBLEM);
        assertThat(response.body()).contains("\"type\":\"/problems/payload-too-large\"",
                "The request body must not be larger than " + maxBodySize.asLongValue() + " bytes");
    }

    @Test
    void theLongestBodyAPostMayHaveFitsTheLimitHoweverItIsWritten() {
        String longest = "{\"title\": \"Long\", \"bodyHtml\": \"" + "\\u00e9".repeat(500_000) + "\"}";

        given().auth().oauth2(admin).contentType(ContentType.JSON).body(longest).post("/api/posts")
                .then().statusCode(201);
    }

    @Test
    void aChunkedBodyIsAskedForItsLength() {
        RawHttp.Response response = RawHttp.send(server, "POST /api/auth/token HTTP/1.1",
                "Content-Type: application/json\nTransfer-Encoding: chunked", "2\r\n{}\r\n0\r\n\r\n");

        assertThat(response.status()).isEqualTo(411);
        assertThat(response.body()).contains("/problems/length-required");
    }

    @Test
    void anAddressOverTheLimitIsAProblem() {
        RawHttp.Response response = RawHttp.get(server, "/api/posts?category=" + "a".repeat(9000));

        assertThat(response.status()).isEqualTo(414);
        assertThat(response.header("Content-Type")).isEqualTo(PROBLEM);
        assertThat(response.body()).contains("/problems/uri-too-long").contains("8192 characters");
    }

    @Test
    void headersOverTheLimitAreAProblem() {
        RawHttp.Response response = RawHttp.send(server, "GET /api/posts HTTP/1.1", "X-Big: " + "a".repeat(17_000), null);

        assertThat(response.status()).isEqualTo(431);
        assertThat(response.header("Content-Type")).isEqualTo(PROBLEM);
        assertThat(response.body()).contains("/problems/headers-too-large").contains("16384 bytes");
    }

    @Test
    void aRequestVertxRefusesBeforeRoutingIsAProblemToo() {
        RawHttp.Response response = RawHttp.exchange(server, "GET /api/posts HTTP/1.1\r\nConnection: close\r\n\r\n");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).isEqualTo(PROBLEM);
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.body()).contains("\"type\":\"/problems/http-error\"").doesNotContain("stack");
    }

    @Test
    void theLimitsAreTheOnesTheDocumentationStates() throws IOException {
        assertThat(maxBodySize.asLongValue()).isEqualTo(4 * 1024 * 1024);
        assertThat(maxTargetLength.asLongValue()).isEqualTo(8 * 1024);
        assertThat(maxHeaderSize.asLongValue()).isEqualTo(16 * 1024);
        String description = given().accept("application/json").get("/q/openapi").jsonPath().getString("info.description");
        assertThat(description).contains("bodies up to 4 MiB", "up to 8 KiB (414)", "up to 16 KiB in total (431)");
        assertThat(Files.readString(Path.of("docs/api.md")))
                .contains("| Request body | 4 MiB (4,194,304 bytes) |", "| Path and query | 8 KiB (8,192 characters) |",
                        "| All request headers | 16 KiB (16,384 bytes) |");
    }

    private static void assertInvalidPath(RawHttp.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.header("Content-Type")).isEqualTo(PROBLEM);
        assertThat(response.body()).contains("\"type\":\"/problems/invalid-path\"").contains("\"field\":\"(path)\"");
    }
}
