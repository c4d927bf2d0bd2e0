package org.noticeboard.importing;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.noticeboard.support.DatabaseSnapshot;
import org.noticeboard.support.TestData;
import org.noticeboard.user.Role;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/**
 * POST /api/imports/wordpress with a WordPress 6 export of a community centre's site (written element by element as
 * wp-admin/includes/export.php writes them): posts, nested pages, nested categories, a three-level menu, comments.
 */
@QuarkusTest
class WordPressImportTest {

    private static final byte[] RIVERSIDE = resource("/importing/riverside.wordpress.xml");

    @Inject
    TestData data;
    @Inject
    DatabaseSnapshot snapshot;

    private String admin;

    @BeforeEach
    void startEmpty() {
        data.reset();
        admin = data.tokenFor(Role.ADMIN);
    }

    private ValidatableResponse send(byte[] file, String query) {
        return given().auth().oauth2(admin).contentType("application/xml")
                .body(file).post("/api/imports/wordpress" + query).then();
    }

    @Test
    void postsCategoriesAndCommentsArriveAsTheyWereOnWordPress() {
        data.post("Summer fair 2025", p -> { });

        JsonPath report = send(RIVERSIDE, "").statusCode(200)
                .body("source", equalTo("https://riverside.example.org"))
                .body("categoriesCreated", contains("groups-clubs", "news", "events", "fundraising"))
                .body("skipped.findAll { it.kind == 'category' }.externalId", contains("uncategorized"))
                .body("commentsCreated", equalTo(5))
                .extract().jsonPath();
        assertThat(report.getList("created.findAll { it.kind == 'post' }.slug")).containsExactly("summer-fair-2025-2",
                "trustees-wanted", "winter-lights", "minutes-awaiting-review", "private-notes", "hello-welcome",
                "cafe-opening-hours");
        assertThat(report.getList("created.findAll { it.kind == 'post' }.slugChanged"))
                .containsExactly(true, false, false, false, false, false, false);
        assertThat(report.getInt("created.find { it.externalId == '10' }.htmlRemovals")).isGreaterThanOrEqualTo(4);
        assertThat(mappings(report)).contains("post publish published 3", "post future scheduled 1",
                "post draft draft 1", "post pending draft 1", "post private draft 1", "post trash skipped 1",
                "page publish published 9", "page draft draft 1", "comment 1 approved 3", "comment 0 pending 1",
                "comment trash trash 1", "pingback 1 skipped 1", "tag any dropped 2");
        assertThat(report.getString("skipped.find { it.externalId == '15' }.reason")).contains("trash");

        given().auth().oauth2(admin).get("/api/posts/slug/summer-fair-2025-2").then().statusCode(200)
                .body("status", equalTo("published"))
                .body("publishedAt", equalTo("2025-07-01T09:00:00Z"))
                .body("author", equalTo("Jo Bloggs"))
                .body("excerpt", equalTo("Stalls, music and a raffle on the green."))
                .body("featuredImage.url", equalTo("https://riverside.example.org/wp-content/uploads/2025/06/fair.jpg"))
                .body("featuredImage.alt", equalTo("Stalls on the green"))
                .body("categories.slug", contains("events", "fundraising"))
                .body("bodyHtml", not(containsString("<script")))
                .body("bodyHtml", not(containsString("onerror")))
                .body("bodyHtml", not(containsString("javascript:")))
                .body("bodyHtml", not(containsString("<iframe")))
                .body("comments.status", equalTo("open"));
        given().auth().oauth2(admin).get("/api/posts/slug/winter-lights").then()
                .body("status", equalTo("scheduled")).body("publishedAt", equalTo("2027-01-15T18:00:00Z"));
        given().auth().oauth2(admin).get("/api/posts/slug/private-notes").then()
                .body("status", equalTo("draft")).body("publishedAt", nullValue());
        given().auth().oauth2(admin).get("/api/posts/slug/hello-welcome").then()
                .body("bodyHtml", containsString("<figure>")).body("bodyHtml", containsString("<p>"))
                .body("comments.status", equalTo("closed"));
        when().get("/api/posts/slug/cafe-opening-hours").then().statusCode(200)
                .body("categories.name", containsInAnyOrder("Groups & Clubs", "News"));
        when().get("/api/categories/fundraising").then().body("parentSlug", equalTo("events"));
        when().get("/api/categories/events").then().body("parentSlug", equalTo("news"));
        when().get("/api/categories/groups-clubs").then().body("description", equalTo("Weekly groups"));

        long fair = report.getLong("created.find { it.externalId == '10' }.id");
        when().get("/api/posts/" + fair + "/comments").then().statusCode(200)
                .body("items.authorName", contains("Ann Reader"))
                .body("items[0].replies.authorName", contains("Jo Bloggs"))
                .body("items[0].replies[0].replies.authorName", contains("Ann Reader"));
        given().auth().oauth2(admin).get("/api/comments?status=pending").then()
                .body("items.authorName", contains("New Person"));
        given().auth().oauth2(admin).get("/api/comments?status=trash").then()
                .body("items.createdAt", everyItem(containsString("2025-")));
    }

    @Test
    void pagesKeepTheirTreeAndOrderAndMenusTheirLinks() {
        send(RIVERSIDE, "").statusCode(200);

        assertThat(children(null)).containsExactly("about-us", "draft-plans", "room-hire", "visiting-us", "contact");
        when().get("/api/pages/by-path/about-us").then().statusCode(200)
                .body("children.path", contains("/about-us/trustees", "/about-us/our-history"));
        when().get("/api/pages/by-path/room-hire/large-meetings/main-hall").then().statusCode(200)
                .body("breadcrumbs.title", contains("Room hire", "Large meetings"));
        when().get("/api/pages/by-path/visiting-us/accessibility").then().statusCode(200);

        when().get("/api/menus/main-menu").then().statusCode(200)
                .body("name", equalTo("Main menu"))
                .body("items.label", contains("About us", "Events", "Donate", "Contact", "Hire a space"))
                .body("items[0].children.label", contains("Our trustees"))
                .body("items[0].children[0].children.label", contains("Our history"))
                .body("items[0].children[0].children[0].link.path", equalTo("/about-us/our-history"))
                .body("items[1].link.path", equalTo("/news/category/events"))
                .body("items[1].children.label", contains("Summer fair 2025"))
                .body("items[2].link.url", equalTo("https://www.justgiving.com/riverside"))
                .body("items[4].children.label", contains("Room hire"));
        given().auth().oauth2(admin).get("/api/menus/main-menu").then()
                .body("items.label", hasItem("Draft plans"));
        when().get("/api/menus/footer").then()
                .body("items.label", contains("Privacy", "Visiting us"))
                .body("items[0].link.url", equalTo("https://riverside.example.org/privacy/"));

        JsonPath redirects = when().get("/api/imports/redirects?perPage=100").then().statusCode(200).extract().jsonPath();
        Map<String, String> to = new java.util.HashMap<>();
        List<Map<String, String>> items = redirects.getList("items");
        items.forEach(item -> to.put(item.get("from"), item.get("to")));
        assertThat(to).containsEntry("/summer-fair-2025/", "/news/summer-fair-2025")
                .containsEntry("/?p=10", "/news/summer-fair-2025")
                .containsEntry("/?page_id=21", "/about-us/our-history")
                .containsEntry("/about-us/our-history/", "/about-us/our-history")
                .containsEntry("/category/news/events/", "/news/category/events")
                .doesNotContainKey("/?p=11");
    }

    @Test
    void importingTheSameFileAgainAddsNothing() {
        send(RIVERSIDE, "").statusCode(200);
        Map<String, String> before = snapshot.take();

        send(RIVERSIDE, "").statusCode(200)
                .body("created", empty())
                .body("commentsCreated", equalTo(0))
                .body("skipped.findAll { it.kind == 'menu' }.reason", everyItem(containsString("already")));

        assertThat(DatabaseSnapshot.differences(before, snapshot.take())).isEmpty();
    }

    @Test
    void aDryRunReportsExactlyWhatTheImportDoesAndWritesNothing() {
        Map<String, String> before = snapshot.take();
        JsonPath dry = send(RIVERSIDE, "?dryRun=true").statusCode(200).body("dryRun", equalTo(true))
                .body("created.id", everyItem(nullValue())).extract().jsonPath();
        assertThat(DatabaseSnapshot.differences(before, snapshot.take())).isEmpty();

        JsonPath real = send(RIVERSIDE, "").statusCode(200).extract().jsonPath();
        assertThat(dry.getList("created.slug")).isEqualTo(real.getList("created.slug"));
        assertThat(dry.getList("skipped")).isEqualTo(real.getList("skipped"));
        assertThat(dry.getList("statuses")).isEqualTo(real.getList("statuses"));
        assertThat(dry.getInt("commentsCreated")).isEqualTo(real.getInt("commentsCreated"));
        assertThat(dry.getInt("htmlRemovals")).isEqualTo(real.getInt("htmlRemovals"));
    }

    @Test
    void tagsBecomeCategoriesWhenAskedTo() {
        send(RIVERSIDE, "?tags=categories").statusCode(200)
                .body("categoriesCreated", hasItem("volunteering"));
        when().get("/api/posts/slug/summer-fair-2025").then()
                .body("categories.slug", contains("events", "fundraising", "summer", "volunteering"));
        send(RIVERSIDE, "?tags=some").statusCode(400);
    }

    @Test
    void aFileThatIsNotAWordPressExportIsRefusedAndNothingChanges() {
        Map<String, String> before = snapshot.take();
        String whole = new String(RIVERSIDE, StandardCharsets.UTF_8);
        List<String> broken = List.of(
                whole.substring(0, whole.length() / 2),
                whole.replace("<rss version", "<!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<rss version"),
                whole.replace("<wp:wxr_version>1.2</wp:wxr_version>", ""),
                "<html><body>Not this</body></html>",
                "{\"posts\": []}",
                "");
        for (String file : broken) {
            send(file.getBytes(StandardCharsets.UTF_8), "").statusCode(400)
                    .body("type", equalTo("/problems/invalid-wordpress-export"))
                    .body("detail", not(containsString("Exception")));
        }
        assertThat(DatabaseSnapshot.differences(before, snapshot.take())).isEmpty();
    }

    @Test
    void onlyAdminsImport() {
        given().auth().oauth2(data.tokenFor(Role.EDITOR)).contentType("application/xml").body(RIVERSIDE)
                .post("/api/imports/wordpress").then().statusCode(403);
        given().contentType("application/xml").body(RIVERSIDE).post("/api/imports/wordpress").then().statusCode(401);
    }

    private List<String> children(Long parentId) {
        return given().auth().oauth2(admin).get("/api/pages?status=any&perPage=100"
                        + "&parent=" + (parentId == null ? 0 : parentId))
                .then().statusCode(200).extract().jsonPath().getList("items.slug");
    }

    private static List<String> mappings(JsonPath report) {
        List<Map<String, Object>> statuses = report.getList("statuses");
        return statuses.stream().map(row -> row.get("type") + " " + row.get("status") + " " + row.get("becomes") + " "
                + row.get("count")).toList();
    }

    private static byte[] resource(String name) {
        try (InputStream in = WordPressImportTest.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
