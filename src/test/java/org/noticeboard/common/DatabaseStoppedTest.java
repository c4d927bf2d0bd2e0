package org.noticeboard.common;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.noticeboard.post.Post;
import org.noticeboard.support.GeneratedWxr;
import org.noticeboard.support.Race;
import org.noticeboard.support.StoppablePostgres;
import org.noticeboard.support.TestData;
import org.noticeboard.user.Role;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.concurrent.Callable;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;

/**
 * PostgreSQL stopped for real under the running application, then started again. The profile runs on a
 * server of its own, so that nothing this test does can leave the database of the other tests down.
 */
@QuarkusTest
@TestProfile(DatabaseStoppedTest.OwnServer.class)
class DatabaseStoppedTest {

    /** Well above the pool's 3 s acquisition timeout, well below the 10 s a client would give up after. */
    private static final Duration BOUND = Duration.ofSeconds(6);

    public static class OwnServer implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(StoppablePostgres.class));
        }
    }

    @Inject
    TestData data;

    @Test
    void whileTheDatabaseIsDownEveryAnswerIs503ThenReadsRecoverWithoutARestart() {
        data.reset();
        data.user("editor@example.org", Role.EDITOR);
        String token = data.tokenFor(Role.ADMIN);
        Post post = data.post("Before the outage", p -> { });
        when().get("/api/posts/" + post.id).then().statusCode(200);

        StoppablePostgres.Control database = StoppablePostgres.control();
        List<LogRecord> logged = new CopyOnWriteArrayList<>();
        Handler recorder = recorder(logged);
        Logger problemLog = Logger.getLogger(ProblemMappers.class.getName());
        problemLog.addHandler(recorder);
        database.stop();
        try {
            assertUnavailable(() -> when().get("/api/posts/" + post.id));
            assertUnavailable(() -> given().contentType("application/json")
                    .body("{\"email\":\"editor@example.org\",\"password\":\"" + TestData.PASSWORD + "\"}")
                    .when().post("/api/auth/token"));
            assertUnavailable(() -> given().auth().oauth2(token).contentType("application/json")
                    .body("{\"title\":\"During the outage\",\"status\":\"published\"}")
                    .when().post("/api/posts"));
            assertBounded(() -> when().get("/q/health/ready")).then().statusCode(503).body("status", equalTo("DOWN"));
        } finally {
            problemLog.removeHandler(recorder);
            database.start();
        }

        assertThat(logged).hasSize(3).allSatisfy(record -> {
            assertThat(record.getLevel()).isEqualTo(Level.WARNING);
            assertThat(record.getThrown()).isNull();
        });
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP")));
        when().get("/api/posts/" + post.id).then().statusCode(200).body("title", equalTo("Before the outage"));
        when().get("/api/posts/slug/during-the-outage").then().statusCode(404);
        given().auth().oauth2(token).contentType("application/json")
                .body("{\"title\":\"After the outage\",\"status\":\"published\"}")
                .when().post("/api/posts").then().statusCode(201);
    }

    @Test
    void aRestartThatNoRequestSawLeavesNoDeadConnectionsBehind() throws InterruptedException {
        data.reset();
        Post post = data.post("Quiet site", p -> { });
        // Several requests at once, so that the pool holds several connections for the restart to kill.
        Race.run(Collections.<Callable<Integer>>nCopies(8, () -> when().get("/api/posts/" + post.id).statusCode()));

        StoppablePostgres.Control database = StoppablePostgres.control();
        database.stop();
        database.start();
        Thread.sleep(6_000); // longer than the pool's foreground-validation interval: the connections look idle

        for (int read = 0; read < 10; read++) {
            when().get("/api/posts/" + post.id).then().statusCode(200);
        }
    }

    /**
     * A partner page opened during an outage still gets the widget's script, written from the settings last read,
     * so it can show its link to the news (the script's own fallback) instead of an empty box.
     */
    @Test
    void whileTheDatabaseIsDownTheWidgetScriptIsStillServedWithTheLinkToTheNews() {
        data.reset();
        data.site(site -> {
            site.name = "BPRCVS";
            site.siteUrl = "https://www.bprcvs.example";
        });
        when().get("/embed/news.js").then().statusCode(200);

        StoppablePostgres.Control database = StoppablePostgres.control();
        database.stop();
        try {
            assertBounded(() -> when().get("/embed/news.js")).then().statusCode(200)
                    .contentType(org.hamcrest.Matchers.startsWith("text/javascript"))
                    .body(org.hamcrest.Matchers.containsString(
                            "var SITE = {\"name\":\"BPRCVS\",\"newsUrl\":\"https://www.bprcvs.example/news\"};"));
            assertUnavailable(() -> when().get("/api/site"));
        } finally {
            database.start();
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP")));
    }

    @Test
    void anImportCutOffByTheDatabaseSaysSoOnceTheDatabaseIsBackAndImportedNothing(@TempDir Path dir) throws IOException {
        data.reset();
        String token = data.tokenFor(Role.ADMIN);
        // Minutes of work, so that the database stops while it runs.
        byte[] file = Files.readAllBytes(GeneratedWxr.write(dir.resolve("site.xml"), 20_000, 1_000));
        String job = given().auth().oauth2(token).contentType("application/octet-stream").body(file)
                .post("/api/imports?kind=wordpress").then().statusCode(202).extract().header("Location");
        // Writing, past the first reading of the file (which needs no database).
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(token).get(job).then()
                .body("status", equalTo("running")).body("itemsDone", greaterThan(0)));

        StoppablePostgres.Control database = StoppablePostgres.control();
        database.stop();
        try {
            assertUnavailable(() -> given().auth().oauth2(token).get(job));
        } finally {
            database.start();
        }
        // Well within the two minutes after which a silent job reads as abandoned: the failure itself is recorded.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(token).get(job).then()
                .statusCode(200).body("status", equalTo("failed"))
                .body("problem.detail", equalTo("The import stopped on an error the server logged; nothing was imported")));
        given().auth().oauth2(token).get("/api/posts").then().statusCode(200).body("total", equalTo(0));
    }

    private static void assertUnavailable(Supplier<Response> request) {
        assertBounded(request).then().statusCode(503)
                .contentType(Problem.MEDIA_TYPE)
                .header("Retry-After", "5")
                .body("type", equalTo("/problems/service-unavailable"))
                .body("status", equalTo(503));
    }

    private static Response assertBounded(Supplier<Response> request) {
        long started = System.nanoTime();
        Response response = request.get();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(BOUND);
        return response;
    }

    private static Handler recorder(List<LogRecord> records) {
        return new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
    }
}
