package org.noticeboard.post;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.noticeboard.category.Category;
import org.noticeboard.menu.Menu;
import org.noticeboard.support.TestData;
import org.noticeboard.user.Role;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class PostEditingTest {

    @Inject
    TestData data;

    private String editor;

    @BeforeEach
    void signIn() {
        data.reset();
        editor = data.tokenFor(Role.EDITOR);
    }

    @Test
    void aNewPostGetsItsSlugFromItsTitleAndStartsAsADraft() {
        create("{\"title\":\"What's On This Week\"}")
                .then().statusCode(201)
                .header("Location", endsWith("/api/posts/1"))
                .header("ETag", not(equalTo(null)))
                .body("slug", equalTo("whats-on-this-week"))
                .body("status", equalTo("draft"))
                .body("publishedAt", nullValue())
                .body("audit.createdBy.displayName", containsString("editor"));
        create("{\"title\":\"What's on this week!\"}").then().statusCode(201).body("slug", equalTo("whats-on-this-week-2"));

        when().get("/api/posts/1").then().statusCode(404);
        when().get("/api/posts/slug/whats-on-this-week").then().statusCode(404);
        when().get("/api/posts").then().body("items", empty());
        asEditor().get("/api/posts/1").then().statusCode(200).header("Cache-Control", "private, no-store");
        asEditor().get("/api/posts?status=draft").then().body("items.slug", contains("whats-on-this-week-2", "whats-on-this-week"));
    }

    @Test
    void anExplicitSlugThatIsTakenIsAConflictNamingThePost() {
        Post existing = data.post("Summer Fair", p -> { });

        create("{\"title\":\"Another\",\"slug\":\"summer-fair\"}")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/conflict"))
                .body("detail", containsString("summer-fair"))
                .body("conflicts[0].kind", equalTo("post"))
                .body("conflicts[0].id", equalTo(existing.id.intValue()))
                .body("conflicts[0].label", equalTo("Summer Fair"));
        assertThat(data.count(Post.class)).isEqualTo(1);
    }

    @Test
    void publishingAndUnpublishingShowAndHideThePostEverywhere() {
        Category news = data.category("News");
        data.post("Older", Instant.parse("2025-01-01T09:00:00Z"));
        Menu main = data.menu("main");
        int id = create("{\"title\":\"Fête\",\"categories\":[\"news\"],\"publishedAt\":\"2025-07-16T09:00:00Z\"}")
                .then().statusCode(201).extract().path("id");
        data.menuItem(main, null, "Fête", TestData.toPost(data.find(Post.class, (long) id)));
        assertPublic(false, id, news);

        patch(id, "{\"status\":\"published\"}").then().statusCode(200).body("status", equalTo("published"));
        assertPublic(true, id, news);

        patch(id, "{\"status\":\"draft\"}").then().statusCode(200);
        assertPublic(false, id, news);
    }

    private void assertPublic(boolean visible, int id, Category category) {
        when().get("/api/posts/" + id).then().statusCode(visible ? 200 : 404);
        when().get("/api/posts/slug/fete").then().statusCode(visible ? 200 : 404);
        when().get("/api/posts").then().body("items.slug", visible ? hasItem("fete") : not(hasItem("fete")));
        when().get("/api/categories/" + category.slug).then().body("postCount", equalTo(visible ? 1 : 0));
        when().get("/api/archives").then().body("label", visible ? hasItem("July 2025") : not(hasItem("July 2025")));
        when().get("/api/menus/main").then().body("items.label", visible ? contains("Fête") : empty());
        when().get("/api/posts/slug/older").then().body("next.slug", visible ? equalTo("fete") : nullValue());
    }

    @Test
    void aScheduledPostAppearsByItselfWhenItsTimeComes() {
        Instant soon = Instant.now().plusSeconds(3);
        int id = create("{\"title\":\"Coming Soon\",\"status\":\"scheduled\",\"publishedAt\":\"" + soon + "\"}")
                .then().statusCode(201).body("status", equalTo("scheduled")).extract().path("id");
        when().get("/api/posts/" + id).then().statusCode(404);
        asEditor().get("/api/posts?status=scheduled").then().body("items.id", contains(id));

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                when().get("/api/posts/" + id).then().statusCode(200).body("status", equalTo("published")));
    }

    @Test
    void updatesNeedTheCurrentEntityTag() {
        int id = create("{\"title\":\"Original\",\"bodyHtml\":\"<p>One</p>\"}").then().extract().path("id");
        String etag = asEditor().get("/api/posts/" + id).then().extract().header("ETag");

        asEditor().contentType("application/json").body("{\"title\":\"No precondition\"}")
                .put("/api/posts/" + id)
                .then().statusCode(428).contentType("application/problem+json")
                .body("type", equalTo("/problems/precondition-required"));
        asEditor().header("If-Match", etag).contentType("application/json").body("{\"title\":\"First change\"}")
                .put("/api/posts/" + id).then().statusCode(200);
        asEditor().header("If-Match", etag).contentType("application/json").body("{\"title\":\"Lost change\"}")
                .put("/api/posts/" + id)
                .then().statusCode(412).contentType("application/problem+json")
                .body("type", equalTo("/problems/precondition-failed"));

        asEditor().get("/api/posts/" + id).then().body("title", equalTo("First change"));
    }

    @Test
    void twoEditorsSavingTheSameVersionAtOnceCannotBothWin() throws Exception {
        String otherEditor = data.tokenFor(Role.EDITOR);
        int id = create("{\"title\":\"Shared\"}").then().extract().path("id");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                String etag = asEditor().get("/api/posts/" + id).then().extract().header("ETag");
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Response>> saves = new ArrayList<>();
                for (String[] client : new String[][]{{editor, "From A " + round}, {otherEditor, "From B " + round}}) {
                    saves.add(pool.submit(() -> {
                        start.await();
                        return given().auth().oauth2(client[0]).header("If-Match", etag).contentType("application/json")
                                .body("{\"title\":\"" + client[1] + "\"}").put("/api/posts/" + id);
                    }));
                }
                start.countDown();
                List<Integer> statuses = new ArrayList<>();
                String winner = null;
                for (Future<Response> save : saves) {
                    Response response = save.get();
                    statuses.add(response.statusCode());
                    if (response.statusCode() == 200) {
                        winner = response.path("title");
                    }
                }

                assertThat(statuses).as("round %d", round).containsExactlyInAnyOrder(200, 412);
                asEditor().get("/api/posts/" + id).then().body("title", equalTo(winner));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theEditingTagNamesThePostAndItsVersionAndEveryWriteAnswersWithTheNextOne() {
        ExtractableResponse<Response> created = create("{\"title\":\"Tagged\"}").then().statusCode(201).extract();
        int id = created.path("id");
        assertThat(created.header("ETag")).isEqualTo("\"post-" + id + "-v0\"");
        asEditor().get("/api/posts/" + id).then().header("ETag", "\"post-" + id + "-v0\"");

        String afterPut = asEditor().header("If-Match", "\"post-" + id + "-v0\"").contentType("application/json")
                .body("{\"title\":\"Tagged again\"}").put("/api/posts/" + id)
                .then().statusCode(200).extract().header("ETag");
        // a write may count more than one version (each flush of the row does), never none
        assertThat(afterPut).matches("\"post-" + id + "-v[1-9][0-9]*\"");
        String afterPatch = asEditor().header("If-Match", afterPut).contentType("application/merge-patch+json")
                .body("{\"excerpt\":\"Short\"}").patch("/api/posts/" + id)
                .then().statusCode(200).extract().header("ETag");
        assertThat(afterPatch).matches("\"post-" + id + "-v[1-9][0-9]*\"").isNotEqualTo(afterPut)
                .isEqualTo(asEditor().get("/api/posts/" + id).then().extract().header("ETag"))
                .isEqualTo(asEditor().get("/api/posts/slug/tagged").then().extract().header("ETag"));

        asEditor().delete("/api/posts/" + id).then().statusCode(428)
                .body("type", equalTo("/problems/precondition-required"));
        asEditor().header("If-Match", afterPut).delete("/api/posts/" + id).then().statusCode(412)
                .body("type", equalTo("/problems/precondition-failed"))
                .body("detail", containsString(afterPatch));
        // If-Match compares strong tags: the weak form of the current one does not match
        asEditor().header("If-Match", "W/" + afterPatch).delete("/api/posts/" + id).then().statusCode(412);
        // nor does another post's tag at the same version
        int other = create("{\"title\":\"Other\"}").then().statusCode(201).extract().path("id");
        asEditor().header("If-Match", "\"post-" + other + "-v0\"").contentType("application/merge-patch+json")
                .body("{\"title\":\"Lost\"}").patch("/api/posts/" + id).then().statusCode(412);
        // any of several tags may match
        asEditor().header("If-Match", afterPut + ", " + afterPatch).delete("/api/posts/" + id).then().statusCode(204);
    }

    @Test
    void publishingANeighbourLeavesAPostsEditingTagAsItWas() {
        Post older = data.post("Older", Instant.parse("2025-01-01T09:00:00Z"));
        String editingTag = asEditor().get("/api/posts/" + older.id).then().extract().header("ETag");
        String publicTag = when().get("/api/posts/" + older.id).then().body("next", nullValue()).extract().header("ETag");
        int newer = create("{\"title\":\"Newer\",\"publishedAt\":\"2025-02-01T09:00:00Z\"}")
                .then().statusCode(201).extract().path("id");
        patch(newer, "{\"status\":\"published\"}").then().statusCode(200);

        // what the public sees of the older post changed; the post itself did not
        assertThat(when().get("/api/posts/" + older.id).then().body("next.slug", equalTo("newer")).extract().header("ETag"))
                .isNotEqualTo(publicTag);
        asEditor().get("/api/posts/" + older.id).then().body("next.slug", equalTo("newer")).header("ETag", editingTag);
        asEditor().header("If-Match", editingTag).contentType("application/merge-patch+json")
                .body("{\"title\":\"Older, edited\"}").patch("/api/posts/" + older.id)
                .then().statusCode(200).body("title", equalTo("Older, edited"));
    }

    @Test
    void renamingACategoryLeavesItsPostsEditingTagAsItWas() {
        data.category("News");
        int id = create("{\"title\":\"Fete\",\"status\":\"published\",\"categories\":[\"news\"]}")
                .then().statusCode(201).extract().path("id");
        String editingTag = asEditor().get("/api/posts/" + id).then().extract().header("ETag");
        String publicTag = when().get("/api/posts/" + id).then().extract().header("ETag");
        String categoryTag = asEditor().get("/api/categories/news").then().extract().header("ETag");
        asEditor().header("If-Match", categoryTag).contentType("application/merge-patch+json")
                .body("{\"name\":\"Local News\"}").patch("/api/categories/news").then().statusCode(200);

        assertThat(when().get("/api/posts/" + id).then().body("categories[0].name", equalTo("Local News"))
                .extract().header("ETag")).isNotEqualTo(publicTag);
        asEditor().header("If-Match", editingTag).contentType("application/merge-patch+json")
                .body("{\"title\":\"Fete, edited\"}").patch("/api/posts/" + id)
                .then().statusCode(200).body("categories[0].name", equalTo("Local News"));
    }

    @Test
    void changingOnlyAPostsCategoriesIsAChangeToThePost() {
        data.category("News");
        data.category("Events");
        int id = create("{\"title\":\"Fete\",\"categories\":[\"news\"]}").then().statusCode(201).extract().path("id");
        String before = asEditor().get("/api/posts/" + id).then().extract().header("ETag");

        String after = patch(id, "{\"categories\":[\"events\"]}").then().statusCode(200).extract().header("ETag");

        assertThat(after).isNotEqualTo(before);
        asEditor().header("If-Match", before).contentType("application/merge-patch+json")
                .body("{\"categories\":[\"news\"]}").patch("/api/posts/" + id).then().statusCode(412);
        asEditor().get("/api/posts/" + id).then().body("categories.slug", contains("events"));
    }

    @Test
    void thePublicTagOfAnUnchangedPostIsRefusedWithWhereToGetTheEditingTag() {
        int id = create("{\"title\":\"Public\",\"status\":\"published\"}").then().statusCode(201).extract().path("id");
        String publicTag = when().get("/api/posts/" + id).then().statusCode(200).extract().header("ETag");

        asEditor().header("If-Match", publicTag).contentType("application/merge-patch+json")
                .body("{\"title\":\"Lost\"}").patch("/api/posts/" + id)
                .then().statusCode(412).contentType("application/problem+json")
                .body("type", equalTo("/problems/precondition-failed"))
                .body("detail", containsString("read the post signed in"));
        asEditor().header("If-Match", publicTag).delete("/api/posts/" + id).then().statusCode(412);
        when().get("/api/posts/" + id).then().statusCode(200).body("title", equalTo("Public"));
    }

    @Test
    void patchChangesOnlyTheFieldsItNames() {
        data.category("News");
        int id = create("{\"title\":\"Keep\",\"bodyHtml\":\"<p>Body stays</p>\",\"categories\":[\"news\"],"
                + "\"author\":\"Ada\",\"commentStatus\":\"closed\"}").then().extract().path("id");

        patch(id, "{\"title\":\"Renamed\",\"author\":null}")
                .then().statusCode(200)
                .body("title", equalTo("Renamed"))
                .body("bodyHtml", equalTo("<p>Body stays</p>"))
                .body("categories.slug", contains("news"))
                .body("comments.status", equalTo("closed"))
                .body("author", nullValue())
                .body("slug", equalTo("keep"));
    }

    @Test
    void aChangedSlugKeepsEveryOldAddressWorking() {
        int id = create("{\"title\":\"First Name\",\"status\":\"published\"}").then().extract().path("id");
        patch(id, "{\"slug\":\"second-name\"}").then().statusCode(200);
        patch(id, "{\"slug\":\"third-name\"}").then().statusCode(200);

        for (String old : List.of("first-name", "second-name")) {
            given().redirects().follow(false).when().get("/api/posts/slug/" + old)
                    .then().statusCode(301)
                    .header("Location", endsWith("/api/posts/slug/third-name"));
        }
        when().get("/api/posts/slug/first-name").then().statusCode(200).body("id", equalTo(id));
    }

    @Test
    void aFormerSlugCanBeTakenByANewPost() {
        int id = create("{\"title\":\"Old Name\",\"status\":\"published\"}").then().extract().path("id");
        patch(id, "{\"slug\":\"new-name\"}").then().statusCode(200);

        int newcomer = create("{\"title\":\"Old Name\",\"status\":\"published\"}")
                .then().statusCode(201).body("slug", equalTo("old-name")).extract().path("id");

        given().redirects().follow(false).when().get("/api/posts/slug/old-name")
                .then().statusCode(200).body("id", equalTo(newcomer));
    }

    @Test
    void htmlIsSanitisedAndTheExcerptDerivedFromIt() {
        create("{\"title\":\"Unsafe\",\"bodyHtml\":\"<p onclick=\\\"steal()\\\">Hello <script>alert(1)</script>"
                + "<a href=\\\"https://example.org/x\\\">there</a></p><p>More</p>\"}")
                .then().statusCode(201)
                .body("bodyHtml", equalTo("<p>Hello <a href=\"https://example.org/x\" rel=\"noopener noreferrer\">there</a></p><p>More</p>"))
                .body("excerpt", equalTo("Hello there"));
    }

    @Test
    void deletingAPostThatAMenuLinksToNeedsTheLinksRemovedToo() {
        Post post = data.post("Linked", p -> { });
        Menu main = data.menu("main");
        data.menuItem(main, null, "Linked post", TestData.toPost(post));
        String etag = asEditor().get("/api/posts/" + post.id).then().extract().header("ETag");

        asEditor().header("If-Match", etag).delete("/api/posts/" + post.id)
                .then().statusCode(409)
                .body("conflicts[0].kind", equalTo("menu-item"))
                .body("conflicts[0].label", equalTo("Linked post"))
                .body("conflicts[0].where", equalTo("menu main"));
        when().get("/api/posts/" + post.id).then().statusCode(200);

        asEditor().header("If-Match", etag).delete("/api/posts/" + post.id + "?removeMenuLinks=true")
                .then().statusCode(204);
        when().get("/api/posts/" + post.id).then().statusCode(404);
        when().get("/api/menus/main").then().body("items", empty());
    }

    @Test
    void theAuditTrailRecordsWhoChangedWhat() {
        int id = create("{\"title\":\"Audited\"}").then().extract().path("id");
        String other = data.tokenFor(Role.ADMIN);
        String etag = asEditor().get("/api/posts/" + id).then().extract().header("ETag");

        given().auth().oauth2(other).header("If-Match", etag).contentType("application/json")
                .body("{\"title\":\"Audited twice\"}").put("/api/posts/" + id)
                .then().statusCode(200)
                .body("audit.createdBy.displayName", containsString("editor"))
                .body("audit.updatedBy.displayName", containsString("admin"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "{}                                                           | 422 | title",
            "`{\"title\":\"  \"}`                                         | 422 | title",
            "`{\"title\":\"x\",\"slug\":\"Not A Slug\"}`                  | 422 | slug",
            "`{\"title\":\"x\",\"slug\":\"category\"}`                    | 422 | slug",
            "`{\"title\":\"x\",\"status\":\"live\"}`                      | 400 | status",
            "`{\"title\":\"x\",\"publishedAt\":\"yesterday\"}`            | 400 | publishedAt",
            "`{\"title\":\"x\",\"status\":\"scheduled\"}`                 | 422 | publishedAt",
            "`{\"title\":\"x\",\"categories\":[\"nowhere\"]}`             | 422 | categories[0]",
            "`{\"title\":\"x\",\"tittle\":\"typo\"}`                      | 400 | tittle",
            "`{\"title\":[1,2]}`                                          | 400 | title",
            "`{\"title\":\"x\",\"featuredImage\":{\"url\":\"javascript:alert(1)\"}}` | 422 | featuredImage.url",
            "`{\"title\":\"x\"`                                           | 400 | (body)",
            "`not json`                                                   | 400 | (body)",
    })
    void badInputIsRefusedNamingTheFieldAndNothingIsWritten(String body, int status, String field) {
        create(body).then().statusCode(status)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(field))
                .body(not(containsString("Exception")));
        assertThat(data.count(Post.class)).isZero();
    }

    @Test
    void oversizedFieldsAreRefused() {
        create("{\"title\":\"" + "x".repeat(301) + "\"}").then().statusCode(422).body("errors[0].field", equalTo("title"));
        create("{\"title\":\"x\",\"bodyHtml\":\"" + "y".repeat(500_001) + "\"}").then().statusCode(422)
                .body("errors[0].field", equalTo("bodyHtml"));
    }

    @Test
    void onlyJsonIsAccepted() {
        asEditor().contentType("text/plain").body("title=x").post("/api/posts").then().statusCode(415)
                .contentType("application/problem+json");
    }

    @Test
    void aTitleAtItsLimitMakesASlugCutAtAWordBoundaryWithinTheColumn() {
        String title = ("Community Grants Round Announced For Local Groups " .repeat(7)).substring(0, 300).strip();

        String slug = create("{\"title\":\"" + title + "\"}").then().statusCode(201).extract().path("slug");

        assertThat(slug.length()).isLessThanOrEqualTo(200);
        assertThat(title.toLowerCase().replace(' ', '-')).startsWith(slug + "-");
        String second = create("{\"title\":\"" + title + "\"}").then().statusCode(201).extract().path("slug");
        assertThat(second).isEqualTo(slug + "-2").hasSizeLessThanOrEqualTo(200);
    }

    private io.restassured.specification.RequestSpecification asEditor() {
        return given().auth().oauth2(editor);
    }

    private Response create(String body) {
        return asEditor().contentType("application/json").body(body).post("/api/posts");
    }

    private Response patch(int id, String body) {
        String etag = asEditor().get("/api/posts/" + id).then().statusCode(200).extract().header("ETag");
        return asEditor().header("If-Match", etag).contentType("application/merge-patch+json").body(body)
                .patch("/api/posts/" + id);
    }
}
