package org.noticeboard.importing;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.noticeboard.support.DatabaseSnapshot;
import org.noticeboard.support.GeneratedWxr;
import org.noticeboard.support.TestData;
import org.noticeboard.user.Role;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.equalTo;

/** POST /api/imports: files of any size, imported in the background, followed at GET /api/imports/{id}. */
@QuarkusTest
class ImportJobTest {

    @Inject
    TestData data;
    @Inject
    DatabaseSnapshot snapshot;
    @Inject
    ImportJobs jobs;

    private String admin;

    @BeforeEach
    void startEmpty() {
        data.reset();
        admin = data.tokenFor(Role.ADMIN);
    }

    /** A job left running would hold the write locks while the next test empties the database. */
    @AfterEach
    void noImportLeftRunning() {
        await().atMost(Duration.ofSeconds(60)).until(jobs::idle);
    }

    private JsonPath finished(long id) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(
                () -> given().auth().oauth2(admin).get("/api/imports/" + id).then().statusCode(200).extract().jsonPath(),
                job -> !job.getString("status").equals("queued") && !job.getString("status").equals("running"));
    }

    @Test
    void aWordPressExportIsImportedInTheBackground() throws IOException {
        long id = given().auth().oauth2(admin).contentType("application/xml").body(riverside())
                .post("/api/imports?kind=wordpress").then().statusCode(202)
                .header("Location", matchesPattern(".*/api/imports/[0-9]+")).body("kind", equalTo("wordpress"))
                .extract().jsonPath().getLong("id");

        JsonPath job = finished(id);
        assertThat(job.getString("status")).isEqualTo("succeeded");
        assertThat(job.getLong("itemsDone")).isEqualTo(job.getLong("itemsTotal")).isEqualTo(31);
        assertThat(job.getList("report.created.findAll { it.kind == 'page' }")).hasSize(10);
        assertThat(job.getString("problem")).isNull();
        given().get("/api/posts/slug/summer-fair-2025").then().statusCode(200);
    }

    @Test
    void aFileLargerThanARequestBodyGoesThrough(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        byte[] large = Files.readAllBytes(GeneratedWxr.write(dir.resolve("large.xml"), 250, 20_000));
        assertThat(large.length).isGreaterThan(4 * 1024 * 1024);

        long id = given().auth().oauth2(admin).contentType("application/octet-stream").body(large)
                .post("/api/imports?kind=wordpress").then().statusCode(202).extract().jsonPath().getLong("id");

        JsonPath job = finished(id);
        assertThat(job.getString("status")).isEqualTo("succeeded");
        assertThat(job.getInt("report.commentsCreated")).isEqualTo(250);
        given().get("/api/posts?perPage=1").then().body("total", equalTo(250));
    }

    @Test
    void aFileThatCannotBeImportedFailsTheJobAndChangesNothing() throws IOException {
        Map<String, String> before = snapshot.take();
        byte[] whole = riverside();
        byte[] truncated = java.util.Arrays.copyOf(whole, whole.length - 2000);
        long id = given().auth().oauth2(admin).contentType("application/xml").body(truncated)
                .post("/api/imports?kind=wordpress").then().statusCode(202).extract().jsonPath().getLong("id");

        JsonPath job = finished(id);
        assertThat(job.getString("status")).isEqualTo("failed");
        assertThat(job.getString("problem.type")).isEqualTo("/problems/invalid-wordpress-export");
        assertThat(job.getString("report")).isNull();
        assertThat(DatabaseSnapshot.differences(before, snapshot.take())).isEqualTo("import_jobs");
    }

    @Test
    void aFeedIsImportedInTheBackgroundToo() {
        String feed = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>News</title><link>https://a.example</link>"
                + "<item><title>Fair</title><guid>1</guid><description>On the green</description></item></channel></rss>";
        long id = given().auth().oauth2(admin).contentType("application/rss+xml").body(feed)
                .post("/api/imports?kind=feed&dryRun=true").then().statusCode(202).extract().jsonPath().getLong("id");
        JsonPath job = finished(id);
        assertThat(job.getString("status")).isEqualTo("succeeded");
        assertThat(job.getBoolean("dryRun")).isTrue();
        assertThat(job.getList("report.created.slug")).containsExactly("fair");
        given().get("/api/posts/slug/fair").then().statusCode(404);
    }

    @Test
    void anExportIsRestoredInTheBackground() {
        byte[] export = given().auth().oauth2(admin).get("/api/export?full=true").then().statusCode(200)
                .extract().asByteArray();
        long id = given().auth().oauth2(admin).contentType("application/octet-stream").body(export)
                .post("/api/imports?kind=noticeboard-export").then().statusCode(202).extract().jsonPath().getLong("id");
        await().atMost(Duration.ofSeconds(60)).until(jobs::idle);
        // A restore ends every session: the restored admin signs in anew.
        admin = data.tokenFor(Role.ADMIN);
        JsonPath job = finished(id);
        assertThat(job.getString("status")).isEqualTo("succeeded");
        assertThat(job.getInt("restore.restored.users")).isEqualTo(1);
        assertThat(job.getString("report")).isNull();
    }

    @Test
    void theKindIsRequiredAndOnlyAdminsImport() throws IOException {
        given().auth().oauth2(admin).contentType("application/xml").body(riverside())
                .post("/api/imports").then().statusCode(400).body("errors[0].field", equalTo("kind"));
        given().auth().oauth2(admin).contentType("application/xml").body(riverside())
                .post("/api/imports?kind=csv").then().statusCode(400);
        given().auth().oauth2(data.tokenFor(Role.EDITOR)).contentType("application/xml").body(riverside())
                .post("/api/imports?kind=wordpress").then().statusCode(403);
        given().auth().oauth2(data.tokenFor(Role.EDITOR)).get("/api/imports/1").then().statusCode(403);
        given().auth().oauth2(admin).get("/api/imports/999999").then().statusCode(404)
                .body("detail", equalTo("No import has the id 999999"));
    }

    private static byte[] riverside() throws IOException {
        try (InputStream in = ImportJobTest.class.getResourceAsStream("/importing/riverside.wordpress.xml")) {
            return in.readAllBytes();
        }
    }
}
