package org.noticeboard.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.noticeboard.support.DatabaseSnapshot;
import org.noticeboard.support.TestData;
import org.noticeboard.user.Role;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The command line's imports, restore and export, as an operator runs them against the configured database. */
@QuarkusTest
class CommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Commands commands;
    @Inject
    TestData data;
    @Inject
    DatabaseSnapshot snapshot;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void capture() {
        data.reset();
        commands.printTo(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void release() {
        commands.printTo(System.out, System.err);
    }

    @Test
    void importsAWordPressExportShowingProgressAndPrintingTheReport(@TempDir Path dir) throws IOException {
        Path file = riverside(dir);
        assertThat(commands.run("import", "wordpress", file.toString(), "--dry-run")).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("31 of 31 items", "Dry run");
        given().get("/api/posts/slug/summer-fair-2025").then().statusCode(404);
        out.reset();

        assertThat(commands.run("import", "wordpress", file.toString(), "--tags=categories")).isZero();
        JsonNode report = JSON.readTree(out.toByteArray());
        assertThat(report.get("dryRun").asBoolean()).isFalse();
        assertThat(report.get("categoriesCreated").toString()).contains("volunteering");
        given().get("/api/posts/slug/summer-fair-2025").then().statusCode(200);
    }

    @Test
    void exportsAndRestoresTheSameBytes(@TempDir Path dir) throws IOException {
        data.tokenFor(Role.ADMIN);
        assertThat(commands.run("import", "wordpress", riverside(dir).toString())).isZero();
        Path first = dir.resolve("first.json");
        assertThat(commands.run("export", "--full", "--output=" + first)).isZero();

        data.reset();
        assertThat(commands.run("restore", first.toString())).isZero();
        out.reset();
        assertThat(commands.run("export", "--full")).isZero();
        assertThat(out.toByteArray()).isEqualTo(Files.readAllBytes(first));
    }

    @Test
    void aRefusedFileSaysWhyAndChangesNothing(@TempDir Path dir) throws IOException {
        Path broken = Files.writeString(dir.resolve("broken.xml"), "<rss><channel><item>");
        Map<String, String> before = snapshot.take();

        assertThat(commands.run("import", "wordpress", broken.toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("invalid-wordpress-export", "Nothing was changed");
        assertThat(commands.run("restore", broken.toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("invalid-export");
        assertThat(DatabaseSnapshot.differences(before, snapshot.take())).isEmpty();
    }

    @Test
    void aWrongCommandLineShowsTheUsage() {
        assertThat(commands.run("import", "csv", "x.csv")).isEqualTo(2);
        assertThat(commands.run("import", "wordpress")).isEqualTo(2);
        assertThat(commands.run("import", "wordpress", "/no/such/file.xml")).isEqualTo(2);
        assertThat(commands.run("import", "wordpress", "/etc/hostname", "--tags=all")).isEqualTo(2);
        assertThat(commands.run("launch")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Usage: java -jar quarkus-run.jar COMMAND",
                "Unknown command 'launch'", "Cannot read /no/such/file.xml");
    }

    private static Path riverside(Path dir) throws IOException {
        try (InputStream in = CommandsTest.class.getResourceAsStream("/importing/riverside.wordpress.xml")) {
            return Files.write(dir.resolve("riverside.xml"), in.readAllBytes());
        }
    }
}
