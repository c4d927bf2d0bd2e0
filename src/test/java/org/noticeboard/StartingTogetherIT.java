package org.noticeboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.noticeboard.support.PackagedServer;

import java.net.URI;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replicas of one deployment start at the same moment on an empty database: every one must start, and the
 * start-up work (migrations, the first admin, the demo content) must happen exactly once.
 */
class StartingTogetherIT {

    private static final int ROUNDS = 3;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        postgres.close();
    }

    @Test
    void twoInstancesStartedAtOnceOnAnEmptyDatabaseBothServeOneSite() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String database = "fresh" + round;
            try (Connection connection = postgres.getPostgresDatabase().getConnection();
                 Statement statement = connection.createStatement()) {
                statement.execute("create database " + database);
            }
            Map<String, String> settings = Map.of(
                    "QUARKUS_DATASOURCE_JDBC_URL", postgres.getJdbcUrl("postgres", database),
                    "QUARKUS_DATASOURCE_USERNAME", "postgres",
                    "NOTICEBOARD_DEMO_CONTENT", "true",
                    "NOTICEBOARD_ADMIN_EMAIL", "first-admin@example.org",
                    "NOTICEBOARD_ADMIN_PASSWORD", "a first admin password");
            List<PackagedServer> servers = new ArrayList<>();
            try {
                servers.add(PackagedServer.start("starting-together-" + round + "-a", settings));
                servers.add(PackagedServer.start("starting-together-" + round + "-b", settings));
                for (PackagedServer server : servers) {
                    server.awaitReady(Duration.ofSeconds(120));
                }

                for (PackagedServer server : servers) {
                    String token = signIn(server);
                    JsonNode users = JSON.readTree(server.send(HttpRequest.newBuilder(URI.create(server.baseUri() + "/api/users"))
                            .header("Authorization", "Bearer " + token)).body());
                    assertThat(users).as("round %d: users", round).hasSize(1);
                    assertThat(JSON.readTree(server.get("/api/menus").body())).as("round %d: menus", round).hasSize(1);
                    assertThat(JSON.readTree(server.get("/api/posts").body()).path("total").asInt())
                            .as("round %d: demo posts", round).isEqualTo(1);
                    assertThat(JSON.readTree(server.get("/api/categories").body())).as("round %d: categories", round).hasSize(6);
                }
            } finally {
                for (PackagedServer server : servers) {
                    server.close();
                }
            }
        }
    }

    private static String signIn(PackagedServer server) throws Exception {
        var response = server.send(HttpRequest.newBuilder(URI.create(server.baseUri() + "/api/auth/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"email\":\"first-admin@example.org\",\"password\":\"a first admin password\"}")));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).path("access_token").asText();
    }
}
