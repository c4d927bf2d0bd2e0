package org.noticeboard;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.noticeboard.support.PackagedServer;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two packaged instances on one database, each with its own response cache: what is written through one is
 * served by the other within a second, and a scheduled post goes live on both on time, with no write at all.
 */
class TwoInstancesIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WITHIN = Duration.ofSeconds(1);
    private static EmbeddedPostgres postgres;
    private static PackagedServer writer;
    private static PackagedServer reader;

    @BeforeAll
    static void startTwoInstances() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("create database shared");
        }
        Map<String, String> settings = Map.of(
                "QUARKUS_DATASOURCE_JDBC_URL", postgres.getJdbcUrl("postgres", "shared"),
                "QUARKUS_DATASOURCE_USERNAME", "postgres",
                "NOTICEBOARD_ADMIN_EMAIL", "admin@example.org",
                "NOTICEBOARD_ADMIN_PASSWORD", "an admin password");
        writer = PackagedServer.start("two-instances-writer", settings);
        writer.awaitReady(Duration.ofSeconds(120));
        reader = PackagedServer.start("two-instances-reader", settings);
        reader.awaitReady(Duration.ofSeconds(120));
    }

    @AfterAll
    static void stop() throws Exception {
        for (PackagedServer server : new PackagedServer[]{writer, reader}) {
            if (server != null) {
                server.close();
            }
        }
        postgres.close();
    }

    @Test
    void aWriteThroughOneInstanceIsServedByTheOtherWithinASecond() throws Exception {
        assertCachedWithout(reader, "/api/posts", "Written on the other instance");
        createPost("{\"title\":\"Written on the other instance\",\"status\":\"published\"}");
        Instant written = Instant.now();
        Instant seen = awaitContaining(reader, "/api/posts", "Written on the other instance", written.plusSeconds(10));
        assertThat(Duration.between(written, seen)).isLessThanOrEqualTo(WITHIN);
    }

    @Test
    void aScheduledPostGoesLiveOnBothInstancesOnTime() throws Exception {
        Instant goesLive = Instant.now().plusSeconds(3).truncatedTo(ChronoUnit.MILLIS);
        createPost("{\"title\":\"Goes live soon\",\"status\":\"scheduled\",\"publishedAt\":\"" + goesLive + "\"}");
        for (PackagedServer server : List.of(writer, reader)) {
            assertCachedWithout(server, "/api/posts", "Goes live soon");
        }
        for (PackagedServer server : List.of(writer, reader)) {
            Instant seen = awaitContaining(server, "/api/posts", "Goes live soon", goesLive.plusSeconds(10));
            assertThat(seen).isAfterOrEqualTo(goesLive).isBeforeOrEqualTo(goesLive.plus(WITHIN));
        }
    }

    /**
     * Read until the answer comes from the cache that must then let go of it. The write's own notification may
     * reach the instance after the first read and clear what it kept, so one miss more is no failure.
     */
    private static void assertCachedWithout(PackagedServer server, String path, String text) throws Exception {
        Instant giveUp = Instant.now().plusSeconds(2);
        HttpResponse<String> cached = server.get(path);
        while (!"HIT".equals(cached.headers().firstValue("X-Cache").orElse(null)) && Instant.now().isBefore(giveUp)) {
            cached = server.get(path);
        }
        assertThat(cached.headers().firstValue("X-Cache")).hasValue("HIT");
        assertThat(cached.body()).doesNotContain(text);
    }

    private static Instant awaitContaining(PackagedServer server, String path, String text, Instant giveUp) throws Exception {
        while (Instant.now().isBefore(giveUp)) {
            if (server.get(path).body().contains(text)) {
                return Instant.now();
            }
            Thread.sleep(10);
        }
        throw new AssertionError(server.baseUri() + path + " never showed " + text);
    }

    private static void createPost(String json) throws Exception {
        HttpResponse<String> signIn = writer.send(HttpRequest.newBuilder(URI.create(writer.baseUri() + "/api/auth/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"admin@example.org\",\"password\":\"an admin password\"}")));
        String token = JSON.readTree(signIn.body()).path("access_token").asText();
        HttpResponse<String> created = writer.send(HttpRequest.newBuilder(URI.create(writer.baseUri() + "/api/posts"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }
}
