package org.noticeboard.common;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.noticeboard.post.Post;
import org.noticeboard.post.PostStatus;
import org.noticeboard.support.TestData;
import org.noticeboard.user.Role;

import com.aayushatharva.brotli4j.decoder.Decoder;

import javax.sql.DataSource;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** The response cache answers public reads as the resources would, and never with what has changed since. */
@QuarkusTest
class ResponseCacheTest {

    private static final String CACHE = CachedResponses.CACHE_STATUS;

    @Inject
    TestData data;

    @Inject
    DataSource dataSource;

    @io.quarkus.test.common.http.TestHTTPResource("/")
    URI api;

    @Inject
    ContentChangeListener listener;

    @BeforeEach
    void onePost() throws SQLException {
        data.reset();
        data.post("Hello", post -> { }, data.category("News"));
        settle();
    }

    /**
     * Waits until the notifications of the writes so far have been heard: each clears the cache once more, which
     * would make a read the test expects to be a hit a miss.
     */
    private void settle() throws SQLException {
        String marker = "settled-" + java.util.UUID.randomUUID();
        execute("select pg_notify('" + ContentChangeListener.CHANNEL + "', '" + marker + "')");
        await().atMost(Duration.ofSeconds(10)).until(() -> marker.equals(listener.lastHeard()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/site", "/api/menus", "/api/pages", "/api/posts", "/api/posts/slug/hello",
            "/api/categories", "/api/categories/news", "/api/archives", "/api/feeds/posts.rss", "/api/feeds/posts.atom",
            "/api/feeds/posts.json", "/embed/news.js", "/embed/news"})
    void aSecondReadIsAnsweredFromTheCacheWithTheSameBytesAndHeaders(String address) {
        Response miss = when().get(address).then().statusCode(200).header(CACHE, "MISS").extract().response();
        Response hit = when().get(address).then().statusCode(200).header(CACHE, "HIT").extract().response();
        assertThat(hit.asByteArray()).isEqualTo(miss.asByteArray());
        for (String header : new String[]{"Content-Type", "ETag", "Cache-Control", "Vary", "Content-Security-Policy"}) {
            assertThat(hit.header(header)).as(header).isEqualTo(miss.header(header));
        }
    }

    @Test
    void aConditionalReadIsAnsweredFromTheCachedEntityTag() {
        String tag = when().get("/api/posts").then().extract().header("ETag");
        given().header("If-None-Match", tag).when().get("/api/posts").then()
                .statusCode(304).header(CACHE, "HIT").header("ETag", tag).body(emptyString());
        given().header("If-None-Match", "\"something-else\"").when().get("/api/posts").then()
                .statusCode(200).header(CACHE, "HIT").body(containsString("Hello"));
    }

    @Test
    void aRevalidationThatMissesFillsTheCacheForEveryone() throws SQLException {
        Response first = when().get("/api/posts").then().header(CACHE, "MISS").extract().response();
        settle(); // a change notification, heard: the cache is empty, the content the same
        // A client that revalidates what it holds is the first to ask again: its 304 is kept as the whole answer.
        given().header("If-None-Match", first.header("ETag")).when().get("/api/posts").then()
                .statusCode(304).header(CACHE, "MISS");
        Response hit = when().get("/api/posts").then().statusCode(200).header(CACHE, "HIT").extract().response();
        assertThat(hit.asByteArray()).isEqualTo(first.asByteArray());
        for (String header : new String[]{"Content-Type", "ETag", "Cache-Control", "Vary", "Link"}) {
            assertThat(hit.header(header)).as(header).isEqualTo(first.header(header));
        }
    }

    @Test
    void headIsAnsweredFromTheEntryOfGet() {
        when().get("/api/archives").then().header(CACHE, "MISS");
        String length = when().get("/api/archives").then().header(CACHE, "HIT").extract().header("Content-Length");
        when().head("/api/archives").then().statusCode(200).header(CACHE, "HIT")
                .header("Content-Length", length).body(emptyString());
    }

    @Test
    void compressedFormsAreKeptAndChosenByAcceptEncoding() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<byte[]> identity = client.send(HttpRequest.newBuilder(api.resolve("api/feeds/posts.rss")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(identity.headers().firstValue(CACHE)).hasValue("MISS");
        assertThat(identity.headers().firstValue("Content-Encoding")).isEmpty();
        byte[] plain = identity.body();
        assertThat(new String(plain, StandardCharsets.UTF_8)).contains("<title>Hello</title>");
        for (String encoding : new String[]{"br", "gzip"}) {
            HttpResponse<byte[]> compressed = client.send(HttpRequest.newBuilder(api.resolve("api/feeds/posts.rss"))
                    .header("Accept-Encoding", encoding).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(compressed.headers().firstValue(CACHE)).hasValue("HIT");
            assertThat(compressed.headers().firstValue("Content-Encoding")).hasValue(encoding);
            byte[] decoded = encoding.equals("gzip")
                    ? new GZIPInputStream(new ByteArrayInputStream(compressed.body())).readAllBytes()
                    : Decoder.decompress(compressed.body()).getDecompressedData();
            assertThat(decoded).isEqualTo(plain);
        }
        // HTTP/2 compresses as it sends, so the kept forms must not be sent there.
        HttpResponse<byte[]> http2 = HttpClient.newHttpClient().send(HttpRequest.newBuilder(api.resolve("api/feeds/posts.rss"))
                .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(http2.headers().firstValue(CACHE)).hasValue("HIT");
        assertThat(new GZIPInputStream(new ByteArrayInputStream(http2.body())).readAllBytes()).isEqualTo(plain);
    }

    @Test
    void aWriteThroughTheApiIsSeenByTheVeryNextRead() {
        when().get("/api/posts").then().body(not(containsString("Second")));
        given().auth().oauth2(data.tokenFor(Role.EDITOR)).contentType("application/json")
                .body("{\"title\":\"Second\",\"status\":\"published\"}")
                .when().post("/api/posts").then().statusCode(201);
        when().get("/api/posts").then().header(CACHE, "MISS").body(containsString("Second"));
    }

    @Test
    void aWriteInTheApplicationIsSeenByTheVeryNextRead() {
        when().get("/api/categories").then().body(not(containsString("Events")));
        when().get("/api/categories").then().header(CACHE, "HIT");
        data.category("Events");
        when().get("/api/categories").then().header(CACHE, "MISS").body(containsString("Events"));
    }

    @Test
    void aChangeMadeOutsideThisApplicationIsSeenOnceItsNotificationArrives() throws SQLException {
        when().get("/api/posts/slug/hello").then().header(CACHE, "MISS");
        when().get("/api/posts/slug/hello").then().header(CACHE, "HIT");
        // As another instance or psql would: past this application's statements, heard only through the notification.
        execute("update posts set title = 'Changed elsewhere' where slug = 'hello'");
        // Within a second on a quiet machine (TwoInstancesIT); here the bound only stops a test that would hang.
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20)).untilAsserted(() ->
                when().get("/api/posts/slug/hello").then().body("title", equalTo("Changed elsewhere")));
    }

    @Test
    void whileChangesCannotBeHeardNothingIsKeptAndWhatChangedMeanwhileIsSeenAfter() throws SQLException {
        when().get("/api/posts/slug/hello").then().header(CACHE, "MISS");
        when().get("/api/posts/slug/hello").then().header(CACHE, "HIT");
        execute("select pg_terminate_backend(pid) from pg_stat_activity where application_name = '"
                + ContentChangeListener.APPLICATION_NAME + "'");
        execute("update posts set title = 'Changed while deaf' where slug = 'hello'");
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
            when().get("/api/posts/slug/hello");
            when().get("/api/posts/slug/hello").then().header(CACHE, "HIT").body("title", equalTo("Changed while deaf"));
        });
    }

    @Test
    void aScheduledPostAppearsOnTimeThoughNothingWasWritten() throws SQLException {
        Instant goesLive = Instant.now().plusSeconds(5).truncatedTo(ChronoUnit.MICROS);
        data.post("Scheduled", post -> {
            post.status = PostStatus.SCHEDULED;
            post.publishedAt = goesLive;
        });
        settle();
        when().get("/api/posts").then().body(not(containsString("Scheduled")));
        when().get("/api/posts").then().header(CACHE, "HIT").body(not(containsString("Scheduled")));
        await().atMost(Duration.ofSeconds(8)).pollInterval(Duration.ofMillis(20)).untilAsserted(() ->
                when().get("/api/posts").then().body(containsString("Scheduled")));
        assertThat(Instant.now()).isAfterOrEqualTo(goesLive);
    }

    @Test
    void aSignedInReadIsNeverAnsweredFromTheCache() {
        when().get("/api/posts").then().header(CACHE, "MISS");
        when().get("/api/posts").then().header(CACHE, "HIT");
        given().auth().oauth2(data.tokenFor(Role.EDITOR)).when().get("/api/posts").then().statusCode(200)
                .header(CACHE, nullValue()).header("Cache-Control", "private, no-store");
    }

    @Test
    void aSignedInReadIsNeverKept() {
        Post draft = data.draft("Not for readers");
        String token = data.tokenFor(Role.EDITOR);
        given().auth().oauth2(token).when().get("/api/posts/" + draft.id).then().statusCode(200)
                .header(CACHE, nullValue());
        given().auth().oauth2(token).when().get("/api/posts?status=draft").then().statusCode(200)
                .body(containsString("Not for readers"));
        when().get("/api/posts/" + draft.id).then().statusCode(404);
        when().get("/api/posts/slug/hello").then().header(CACHE, "MISS");
        given().auth().oauth2(token).when().get("/api/posts/slug/hello").then().header(CACHE, nullValue());
        given().auth().oauth2(token).when().get("/api/posts").then().header(CACHE, nullValue());
        when().get("/api/posts").then().header(CACHE, "MISS");
    }

    @Test
    void responsesBuiltFromTheHostAreKeptApart() {
        String direct = when().get("/api/feeds/posts.rss").then().extract().asString();
        String otherHost = given().header("Host", "news.example.org")
                .when().get("/api/feeds/posts.rss").then().header(CACHE, "MISS").extract().asString();
        assertThat(otherHost).contains("http://news.example.org/").isNotEqualTo(direct);
        when().get("/api/feeds/posts.rss").then().header(CACHE, "HIT").body(equalTo(direct));
    }

    @Test
    void crossOriginHeadersBelongToEachRequestNotToTheEntry() {
        given().header("Origin", "https://partner.example.org").when().get("/api/posts").then()
                .header("Access-Control-Allow-Origin", "*");
        when().get("/api/posts").then().header(CACHE, "HIT").header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void errorsAreNotKept() {
        when().get("/api/posts/slug/nothing").then().statusCode(404);
        when().get("/api/posts/slug/nothing").then().statusCode(404).header(CACHE, "MISS");
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            statement.execute(sql);
        }
    }
}
