package org.noticeboard.importing;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.noticeboard.support.TestData;
import org.noticeboard.user.Role;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;

/**
 * Exports that WordPress itself wrote (src/test/resources/importing/wordpress-org/README.md): the Theme Unit Test
 * content, with WordPress.com's https namespace, a stray character between fields and an eleven-level menu.
 */
@QuarkusTest
class RealWordPressExportsTest {

    @Inject
    TestData data;

    private String admin;

    @BeforeEach
    void startEmpty() {
        data.reset();
        admin = data.tokenFor(Role.ADMIN);
    }

    private JsonPath importing(String file) {
        return given().auth().oauth2(admin).contentType("application/xml").body(resource(file))
                .post("/api/imports/wordpress").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void theThemeUnitTestContentArrivesWhole() {
        JsonPath report = importing("theme-unit-test-data.xml");
        assertThat(report.getString("source")).isEqualTo("https://wpthemetestdata.wordpress.com");
        assertThat(report.getList("created.findAll { it.kind == 'post' }")).hasSize(58);
        assertThat(report.getList("created.findAll { it.kind == 'page' }")).hasSize(21);
        assertThat(report.getList("created.findAll { it.kind == 'menu' }.slug"))
                .containsExactlyInAnyOrder("all-pages", "all-pages-flat", "short", "social-menu", "testing-menu");
        assertThat(report.getInt("commentsCreated")).isEqualTo(24);
        assertThat(report.getList("skipped.kind")).containsExactly("category");

        // The item with a stray "'" between its fields, and the page tree three levels down.
        when().get("/api/posts/slug/edge-case-many-tags").then().statusCode(200);
        when().get("/api/pages/by-path/level-1/level-2/level-3").then().statusCode(200)
                .body("breadcrumbs.title", equalTo(List.of("Level 1", "Level 2")));
        // WordPress's percent-encoded Greek slugs, in Latin letters.
        when().get("/api/pages/by-path/greek/epipedo-2/epipedo-3").then().statusCode(200).body("title", equalTo("Επίπεδο 3"));
        when().get("/api/posts").then().body("items.slug", not(hasItem("scheduled")));
        given().auth().oauth2(admin).get("/api/posts/slug/scheduled").then().body("status", equalTo("scheduled"));
        // Threads deeper than the site's depth (2) join the deepest level.
        List<Map<String, Object>> thread = when().get("/api/posts/slug/template-comments/comments?perPage=100").then()
                .statusCode(200).extract().jsonPath().getList("items");
        assertThat(levels(thread, "replies")).isEqualTo(3);

        // Eleven levels in WordPress; here the eleventh joins the tenth, under the same ancestor.
        List<List<String>> paths = paths(when().get("/api/menus/testing-menu").then().statusCode(200)
                .extract().jsonPath().getList("items"), List.of());
        assertThat(paths.stream().mapToInt(List::size).max()).hasValue(10);
        assertThat(paths).contains(
                List.of("Depth", "Level 01", "Level 02", "Level 03", "Level 04", "Level 05", "Level 06", "Level 07",
                        "Level 08", "Level 09"),
                List.of("Depth", "Level 01", "Level 02", "Level 03", "Level 04", "Level 05", "Level 06", "Level 07",
                        "Level 08", "Level 10"));

        // A second import of the same file finds everything there already.
        JsonPath again = importing("theme-unit-test-data.xml");
        assertThat(again.getList("created.findAll { it.kind == 'post' || it.kind == 'page' }")).isEmpty();
        assertThat(again.getInt("commentsCreated")).isZero();
    }

    @Test
    void theAccessibilityTestContentKeepsEveryMenuItemItCanLinkTo() {
        JsonPath report = importing("a11y-unit-test-data.xml");
        assertThat(report.getList("created.findAll { it.kind == 'post' }")).hasSize(47);
        assertThat(report.getList("created.findAll { it.kind == 'page' }")).hasSize(17);
        // Two items link to a page the export does not hold: reported, their children moved up.
        assertThat(report.getList("skipped.findAll { it.kind == 'menu-item' }.reason", String.class))
                .hasSize(2).allMatch(reason -> reason.contains("page 155, which was not imported"));
        List<List<String>> paths = paths(when().get("/api/menus/testing-menu").then().statusCode(200)
                .extract().jsonPath().getList("items"), List.of());
        assertThat(paths.stream().mapToInt(List::size).max()).hasValue(10);
    }

    @SuppressWarnings("unchecked")
    private static int levels(List<Map<String, Object>> items, String below) {
        return items.stream().mapToInt(item -> 1 + levels((List<Map<String, Object>>) item.get(below), below))
                .max().orElse(0);
    }

    /** Every item's labels from the top, depth first. */
    @SuppressWarnings("unchecked")
    private static List<List<String>> paths(List<Map<String, Object>> items, List<String> above) {
        List<List<String>> paths = new ArrayList<>();
        for (Map<String, Object> item : items) {
            List<String> path = new ArrayList<>(above);
            path.add((String) item.get("label"));
            paths.add(path);
            paths.addAll(paths((List<Map<String, Object>>) item.get("children"), path));
        }
        return paths;
    }

    private static byte[] resource(String name) {
        try (InputStream in = RealWordPressExportsTest.class.getResourceAsStream("/importing/wordpress-org/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
