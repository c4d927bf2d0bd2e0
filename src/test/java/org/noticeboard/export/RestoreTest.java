package org.noticeboard.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.noticeboard.category.Category;
import org.noticeboard.comment.CommentFixtures;
import org.noticeboard.demo.DemoContentLoader;
import org.noticeboard.menu.LinkType;
import org.noticeboard.menu.Menu;
import org.noticeboard.menu.MenuItem;
import org.noticeboard.page.Page;
import org.noticeboard.post.Post;
import org.noticeboard.site.CommentModeration;
import org.noticeboard.site.SiteLanguage;
import org.noticeboard.support.TestData;
import org.noticeboard.user.Role;
import org.noticeboard.user.User;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Consumer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.noticeboard.comment.CommentFixtures.comment;

/** POST /api/imports/export: an export comes back whole into an empty site, and exporting again gives its bytes. */
@QuarkusTest
class RestoreTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OWNER = "owner@example.org";

    @Inject
    TestData data;
    @Inject
    CommentFixtures comments;
    @Inject
    DemoContentLoader demo;

    // --- Round trips ----------------------------------------------------------------------------------------------

    @Test
    void theDemoSiteComesBackByteForByte() {
        data.reset();
        String owner = data.tokenFor(data.user(OWNER, Role.ADMIN));
        assertThat(demo.loadIntoEmptyDatabase()).isTrue();
        byte[] original = export(owner);

        String restorer = emptySiteWithAnotherAdmin();
        restore(restorer, original, "").statusCode(200).body("dryRun", equalTo(false))
                .body("restored.posts", equalTo(1)).body("bodiesSanitized", equalTo(0));

        // The user rows are the document's: the owner signs in with its own password, the restorer no longer can.
        assertArrayEquals(original, export(signIn(OWNER)));
        given().auth().oauth2(restorer).get("/api/export").then().statusCode(401);
    }

    @Test
    void aSiteUsingEveryFeatureComesBackByteForByteAndWorks() throws Exception {
        Site site = everyFeature();
        byte[] original = export(site.owner());
        JsonNode document = JSON.readTree(original);

        String restorer = emptySiteWithAnotherAdmin();
        restore(restorer, original, "").statusCode(200)
                .body("restored.users", equalTo(document.get("users").size()))
                .body("restored.categories", equalTo(5)).body("restored.pages", equalTo(7))
                .body("restored.posts", equalTo(document.get("posts").size()))
                .body("restored.menus", equalTo(2)).body("restored.menuItems", equalTo(document.at("/menus/0/items").size()
                        + document.at("/menus/1/items").size()))
                .body("restored.comments", equalTo(5)).body("restored.blocklistWords", equalTo(1))
                .body("restored.importedItems", equalTo(3)).body("restored.importedPages", equalTo(1))
                .body("restored.importRedirects", equalTo(3))
                .body("restored.formerSlugs", equalTo(1)).body("restored.formerPaths", equalTo(3))
                .body("bodiesSanitized", equalTo(0)).body("passwordsKept", equalTo(0))
                .body("usersWithoutPassword", equalTo(0));

        String owner = signIn(OWNER);
        assertArrayEquals(original, export(owner));

        // Public reads, old addresses and creates work on the restored site.
        given().get("/api/pages/by-path/who-we-are/about/history").then().statusCode(200)
                .body("title", equalTo("History"));
        given().redirects().follow(false).get("/api/pages/by-path/about/history").then().statusCode(301)
                .header("Location", containsString("/api/pages/by-path/who-we-are/about/history"));
        given().get("/api/posts/slug/the-summer-fair").then().statusCode(200);
        given().redirects().follow(false).get("/api/posts/slug/summer-fair").then().statusCode(301)
                .header("Location", containsString("/api/posts/slug/the-summer-fair"));
        given().get("/api/menus/main").then().statusCode(200);
        signIn("editor@example.org");
        long largestPost = document.get("posts").get(document.get("posts").size() - 1).get("id").asLong();
        long created = ((Number) given().auth().oauth2(owner).contentType("application/json")
                .body("{\"title\":\"After the restore\"}").post("/api/posts").then().statusCode(201)
                .extract().path("id")).longValue();
        assertThat(created).isGreaterThan(largestPost);
        long largestComment = document.get("comments").get(4).get("id").asLong();
        long comment = ((Number) comments.send(site.fair(), comment("new@example.net", "After the move"))
                .statusCode(201).extract().path("id")).longValue();
        assertThat(comment).isGreaterThan(largestComment);
        given().auth().oauth2(owner).contentType("application/json")
                .body("{\"name\":\"After\"}").post("/api/categories").then().statusCode(201);
    }

    @Test
    void aPlainExportKeepsThePasswordOfTheRestoringAdmin() throws Exception {
        everyFeature();
        byte[] plain = export(signIn(OWNER), "");
        data.reset();
        User restorer = data.user(OWNER, Role.ADMIN);
        restore(data.tokenFor(restorer), plain, "").statusCode(200)
                .body("passwordsKept", equalTo(1)).body("usersWithoutPassword", equalTo(2));
        signIn(OWNER);
        // An editor whose hash was not in the document cannot sign in until an admin gives them a password.
        given().contentType("application/json").body(Map.of("email", "editor@example.org", "password", TestData.PASSWORD))
                .post("/api/auth/token").then().statusCode(401);
    }

    @Test
    void aPlainExportThatWouldLeaveNoAdminAbleToSignInIsRefused() {
        everyFeature();
        byte[] plain = export(signIn(OWNER), "");
        String stranger = emptySiteWithAnotherAdmin();
        byte[] before = export(stranger);
        restore(stranger, plain, "").statusCode(400).body("type", equalTo("/problems/invalid-export"))
                .body("detail", containsString("users: no admin could sign in after the restore"));
        assertArrayEquals(before, export(stranger));
    }

    @Test
    void aBodyTheSanitiserWouldChangeIsStoredCleanAndCounted() throws Exception {
        everyFeature();
        ObjectNode document = (ObjectNode) JSON.readTree(export(signIn(OWNER)));
        ((ObjectNode) document.at("/posts/0")).put("bodyHtml", "<p onclick=\"steal()\">Fair</p><script>x()</script>");
        String restorer = emptySiteWithAnotherAdmin();
        restore(restorer, JSON.writeValueAsBytes(document), "").statusCode(200).body("bodiesSanitized", equalTo(1));
        given().auth().oauth2(signIn(OWNER)).get("/api/posts/" + document.at("/posts/0/id").asLong()).then()
                .statusCode(200).body("bodyHtml", equalTo("<p>Fair</p>"));
    }

    // --- Refusals -------------------------------------------------------------------------------------------------

    @Test
    void aSiteWithContentIsRefusedAndNothingChanges() {
        Site site = everyFeature();
        byte[] before = export(site.owner());
        restore(site.owner(), before, "").statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("/problems/site-not-empty"))
                .body("detail", containsString("5 categories, 7 pages"))
                .body("detail", containsString("1 blocklist word, 3 imported items, 1 imported page, 3 imported addresses"));
        assertArrayEquals(before, export(site.owner()));
        // A broken document is called broken there too.
        restore(site.owner(), "{\"format\":\"noticeboard-export\",\"version\":2}".getBytes(StandardCharsets.UTF_8), "")
                .statusCode(400).body("type", equalTo("/problems/invalid-export"));
    }

    @Test
    void brokenDocumentsAreRefusedWhereTheyBreakAndNothingChanges() throws Exception {
        everyFeature();
        String text = new String(export(signIn(OWNER)), StandardCharsets.UTF_8);
        JsonNode document = JSON.readTree(text);
        String admin = emptySiteWithAnotherAdmin();
        byte[] before = export(admin);

        refused(admin, text.substring(0, text.length() / 2), "");
        refused(admin, text + " {}", "document: has more content after its end");
        refused(admin, text.replaceFirst("\"slug\":\"the-summer-fair\"",
                "\"slug\":\"the-summer-fair\",\"slug\":\"the-summer-fair\""), "posts[0].slug: appears more than once");
        refused(admin, changed(document, d -> ((ObjectNode) d.at("/posts/1")).put("surprise", 1)),
                "posts[1].surprise: is not a known property");
        refused(admin, changed(document, d -> ((ObjectNode) d.at("/posts/1")).remove("title")),
                "posts[1].title: is missing");
        refused(admin, changed(document, d -> ((ObjectNode) d).put("format", "wordpress-wxr")), "format: must be");
        refused(admin, changed(document, d -> ((ObjectNode) d).put("version", 2)), "version: must be 1");
        refused(admin, changed(document, d -> ((ArrayNode) d.at("/posts/0/categoryIds")).add(99)),
                "posts[0].categoryIds[2]: no category 99 in the document");
        refused(admin, changed(document, d -> ((ObjectNode) d.at("/pages/2")).put("path", "services/hire-a-room")),
                "pages[2].path: is 'services/hire-a-room', but a page's path is its parent's path and its slug");
        refused(admin, changed(document, d -> ((ObjectNode) d.at("/menus/0/items/0")).put("pageId", 999)),
                "menus[0].items[0].pageId: no page 999 in the document");
        refused(admin, changed(document, d -> ((ObjectNode) d.at("/categories/0")).put("parentId", 2)),
                "or it is its own ancestor");
        // The last comment: everything before it was written, and is undone.
        int last = document.get("comments").size() - 1;
        refused(admin, changed(document, d -> ((ObjectNode) d.at("/comments/" + last)).put("postId", 999999)),
                "comments[" + last + "].postId: no post 999999 in the document");
        // One only the database refuses, named all the same and answered 400, not 500.
        refused(admin, changed(document, d -> ((ObjectNode) d.at("/comments/" + last)).put("authorEmail", "Not@Lower")),
                "comments[" + last + "]: the database refuses it");
        refused(admin, changed(document, d -> ((ObjectNode) d.at("/posts/1")).put("slug", document.at("/posts/0/slug")
                .asText())), "posts[1]: the database refuses it: duplicate key value violates unique constraint");

        assertArrayEquals(before, export(admin));
    }

    @Test
    void aDryRunChangesNothingAndReportsWhatTheRestoreDoes() {
        Site site = everyFeature();
        byte[] original = export(site.owner());
        String admin = emptySiteWithAnotherAdmin();
        byte[] empty = export(admin);

        Map<String, Object> dry = restore(admin, original, "?dryRun=true").statusCode(200).body("dryRun", equalTo(true))
                .extract().jsonPath().getMap("");
        assertArrayEquals(empty, export(admin));
        Map<String, Object> real = restore(admin, original, "?dryRun=false").statusCode(200)
                .body("dryRun", equalTo(false)).extract().jsonPath().getMap("");
        dry.remove("dryRun");
        real.remove("dryRun");
        assertThat(real).isEqualTo(dry);
        assertThat(real.get("restored")).isNotEqualTo(Map.of());
    }

    @Test
    void onlyAdminsMayRestore() {
        data.reset();
        byte[] document = export(data.tokenFor(Role.ADMIN));
        given().contentType("application/json").body(document).post("/api/imports/export").then().statusCode(401)
                .contentType("application/problem+json");
        given().auth().oauth2(data.tokenFor(Role.EDITOR)).contentType("application/json").body(document)
                .post("/api/imports/export").then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(data.tokenFor(Role.ADMIN)).contentType("application/json").body(document)
                .post("/api/imports/export?dryRun=yes").then().statusCode(400).body("errors[0].field", equalTo("dryRun"));
    }

    // --- The site -------------------------------------------------------------------------------------------------

    private record Site(String owner, long fair) {
    }

    /** Every kind of row, made the way the API makes them where it can, with moves and renames that leave redirects. */
    private Site everyFeature() {
        data.reset();
        data.site(s -> s.siteUrl = "https://www.example.org");
        String owner = data.tokenFor(data.user(OWNER, Role.ADMIN));
        data.user("editor@example.org", Role.EDITOR);
        given().auth().oauth2(owner).contentType("application/json")
                .body(Map.of("email", "second@example.org", "displayName", "Second", "role", "editor",
                        "password", TestData.PASSWORD))
                .post("/api/users").then().statusCode(201);

        Category news = data.category("News");
        Category grants = data.category("Grants", news);
        data.category("Events");
        data.category("Whats on");
        change(owner, "/api/categories/events", "{\"parentSlug\":\"whats-on\"}");

        Page services = data.page("Services", null);
        Page centre = data.page("The CVS centre", services);
        Page hire = data.page("Room hire", centre, p -> p.summary = "Rooms by the hour");
        Page about = data.page("About", null);
        data.page("History", about);
        Page team = data.page("Who we are", null);
        change(owner, "/api/pages/" + hire.id, "{\"slug\":\"hire-a-room\"}");
        change(owner, "/api/pages/" + about.id, "{\"parentId\":" + team.id + "}");

        Post fair = data.post("Summer fair", p -> p.excerpt = "On the green", grants, news);
        data.draft("Plans");
        data.future("Winter fair");
        given().auth().oauth2(owner).contentType("application/json").body("""
                {"title":"Open day","bodyHtml":"<p>See <a href=\\"https://other.example/x\\">them</a> and \
                <a href=\\"https://www.example.org/y\\">us</a></p>","status":"published",
                 "featuredImage":{"url":"https://www.example.org/hall.jpg","alt":"The hall"},"author":"Jo",
                 "commentStatus":"closed","categories":["news"]}""").post("/api/posts").then().statusCode(201);
        change(owner, "/api/posts/" + fair.id, "{\"slug\":\"the-summer-fair\"}");

        Menu main = data.menu("main");
        MenuItem top = data.menuItem(main, null, "Services", TestData.toPage(services));
        MenuItem second = data.menuItem(main, top, "The CVS centre", TestData.toPage(centre));
        data.menuItem(main, second, "Room hire", TestData.toPage(hire));
        data.menuItem(main, top, "Fair", TestData.toPost(fair));
        data.menuItem(main, null, "News", link(LinkType.CATEGORY, i -> i.category = news));
        data.menuItem(main, null, "July", link(LinkType.ARCHIVE, i -> {
            i.archiveYear = 2025;
            i.archiveMonth = 7;
        }));
        data.menuItem(main, null, "All news", link(LinkType.NEWS, i -> { }));
        data.menuItem(main, null, "Partner", link(LinkType.URL, i -> i.url = "https://partner.example/"));
        data.menuItem(main, null, "Heading", link(LinkType.NONE, i -> { }));
        Menu footer = data.menu("footer");
        MenuItem contact = data.menuItem(footer, null, "Contact", link(LinkType.URL, i -> i.url = "mailto:info@example.org"));
        MenuItem more = data.menuItem(footer, null, "More", link(LinkType.NONE, i -> { }));
        String tag = given().auth().oauth2(owner).get("/api/menus/footer").then().statusCode(200).extract().header("ETag");
        given().auth().oauth2(owner).header("If-Match", tag).contentType("application/merge-patch+json")
                .body("{\"parentId\":" + more.id + "}").patch("/api/menus/footer/items/" + contact.id)
                .then().statusCode(200);

        long first = comments.sendApproved(fair.id, comment("reader@example.net", "Count me in"));
        Map<String, Object> answer = comment("other@example.net", "Me too");
        answer.put("parentId", first);
        comments.send(fair.id, answer).statusCode(201);
        long spam = id(comments.send(fair.id, comment("spam@example.net", "Cheap pills")));
        given().auth().oauth2(owner).post("/api/comments/" + spam + "/spam").then().statusCode(200);
        long trash = id(comments.send(fair.id, comment("third@example.net", "Off topic")));
        given().auth().oauth2(owner).post("/api/comments/" + trash + "/trash").then().statusCode(200);
        comments.send(fair.id, comment("fourth@example.net", "Waiting")).statusCode(201);
        String commentTag = given().auth().oauth2(owner).get("/api/comments/" + first).then().statusCode(200)
                .extract().header("ETag");
        given().auth().oauth2(owner).header("If-Match", commentTag).contentType("application/merge-patch+json")
                .body("{\"body\":\"Count me in, all day\"}").patch("/api/comments/" + first).then().statusCode(200);
        comments.block("casino");

        given().auth().oauth2(owner).contentType("application/rss+xml").body("""
                <rss version="2.0"><channel><title>Old site</title><link>https://old.example/news</link>
                <item><title>From the old site</title><guid>old-1</guid><link>https://old.example/news/1</link>
                <description>Moved in</description></item>
                <item><title>Deleted since</title><guid>old-2</guid><description>Gone</description></item>
                </channel></rss>""").post("/api/imports/feed").then().statusCode(200);
        given().auth().oauth2(owner).contentType("application/xml").body("""
                <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
                     xmlns:wp="http://wordpress.org/export/1.2/"><channel><title>Old WordPress site</title>
                <wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>https://wp.example</wp:base_site_url>
                <wp:category><wp:term_id>7</wp:term_id><wp:category_nicename>old-news</wp:category_nicename>
                <wp:category_parent></wp:category_parent><wp:cat_name>Old news</wp:cat_name></wp:category>
                <item><title>A WordPress post</title><link>https://wp.example/a-wordpress-post/</link>
                <content:encoded><![CDATA[<p>Moved in</p>]]></content:encoded><wp:post_id>5</wp:post_id>
                <wp:post_date_gmt>2024-01-02 10:00:00</wp:post_date_gmt><wp:post_name>a-wordpress-post</wp:post_name>
                <wp:status>publish</wp:status><wp:post_type>post</wp:post_type>
                <category domain="category" nicename="old-news">Old news</category></item>
                <item><title>A WordPress page</title><link>https://wp.example/a-wordpress-page/</link>
                <content:encoded><![CDATA[<p>Here</p>]]></content:encoded><wp:post_id>6</wp:post_id>
                <wp:post_name>a-wordpress-page</wp:post_name><wp:status>publish</wp:status>
                <wp:post_parent>0</wp:post_parent><wp:menu_order>9</wp:menu_order><wp:post_type>page</wp:post_type></item>
                </channel></rss>""").post("/api/imports/wordpress").then().statusCode(200);
        long gone = ((Number) given().get("/api/posts/slug/deleted-since").then().statusCode(200).extract().path("id"))
                .longValue();
        String postTag = given().auth().oauth2(owner).get("/api/posts/" + gone).then().statusCode(200)
                .extract().header("ETag");
        given().auth().oauth2(owner).header("If-Match", postTag).delete("/api/posts/" + gone).then().statusCode(204);

        data.site(s -> {
            s.tagline = "Helping groups help others";
            s.about = "Who we are";
            s.contactEmail = "info@example.org";
            s.contactPhone = "01282 433740";
            s.contactAddress = "62-64 Yorkshire Street, Burnley";
            s.timezone = "Europe/Paris";
            s.language = SiteLanguage.SIMPLE;
            s.commentsOpenByDefault = false;
            s.commentsAutoCloseDays = 30;
            s.commentModeration = CommentModeration.FIRST_TIME_HELD;
            s.commentMaxLinks = 5;
            s.commentThreadDepth = 3;
        });
        return new Site(owner, fair.id);
    }

    private static Consumer<MenuItem> link(LinkType type, Consumer<MenuItem> target) {
        return item -> {
            item.linkType = type;
            target.accept(item);
        };
    }

    private static long id(ValidatableResponse response) {
        return ((Number) response.statusCode(201).extract().path("id")).longValue();
    }

    private void change(String token, String path, String patch) {
        String tag = given().auth().oauth2(token).get(path).then().statusCode(200).extract().header("ETag");
        given().auth().oauth2(token).header("If-Match", tag).contentType("application/merge-patch+json").body(patch)
                .patch(path).then().statusCode(200);
    }

    // --- Helpers --------------------------------------------------------------------------------------------------

    /** An empty site, as a new server has it: one admin (not in any document), who restores. */
    private String emptySiteWithAnotherAdmin() {
        data.reset();
        return data.tokenFor(data.user("restorer@example.org", Role.ADMIN));
    }

    private static byte[] export(String token) {
        return export(token, "?full=true");
    }

    private static byte[] export(String token, String query) {
        return given().auth().oauth2(token).get("/api/export" + query).then().statusCode(200).extract().asByteArray();
    }

    private static ValidatableResponse restore(String token, byte[] document, String query) {
        return given().auth().oauth2(token).contentType("application/json").body(document)
                .post("/api/imports/export" + query).then();
    }

    private static void refused(String token, String document, String detail) {
        restore(token, document.getBytes(StandardCharsets.UTF_8), "").statusCode(400)
                .contentType("application/problem+json").body("type", equalTo("/problems/invalid-export"))
                .body("detail", containsString(detail));
    }

    private static String changed(JsonNode document, Consumer<JsonNode> change) throws Exception {
        JsonNode copy = document.deepCopy();
        change.accept(copy);
        return JSON.writeValueAsString(copy);
    }

    private static String signIn(String email) {
        return given().contentType("application/json").body(Map.of("email", email, "password", TestData.PASSWORD))
                .post("/api/auth/token").then().statusCode(200).extract().path("access_token");
    }
}
