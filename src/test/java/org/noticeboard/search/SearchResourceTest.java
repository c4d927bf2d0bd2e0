package org.noticeboard.search;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.noticeboard.category.Category;
import org.noticeboard.page.PageStatus;
import org.noticeboard.support.TestData;
import org.noticeboard.user.Role;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.oneOf;

@QuarkusTest
class SearchResourceTest {

    @Inject
    TestData data;

    @BeforeEach
    void startEmpty() {
        data.reset();
    }

    private static io.restassured.response.ValidatableResponse search(String q, Object... more) {
        var request = given().queryParam("q", q);
        for (int i = 0; i + 1 < more.length; i += 2) {
            request.queryParam((String) more[i], more[i + 1]);
        }
        return request.when().get("/api/search").then();
    }

    @Test
    void aTitleMatchRanksAboveAnExcerptMatchAboveABodyMatch() {
        data.post("Annual report", p -> { p.excerpt = "Nothing here"; p.bodyHtml = "<p>garden garden garden</p>"; });
        data.post("Garden party", p -> { p.excerpt = "Nothing"; p.bodyHtml = "<p>Nothing</p>"; });
        data.post("Summer news", p -> { p.excerpt = "The garden opens"; p.bodyHtml = "<p>Nothing</p>"; });

        search("garden").statusCode(200)
                .body("items.title", contains("Garden party", "Summer news", "Annual report"))
                .body("items.type", contains("post", "post", "post"))
                .body("items[0].path", equalTo("/news/garden-party"))
                .body("total", equalTo(3))
                .body("didYouMean", nullValue());
    }

    @Test
    void snippetsMarkTheMatchAndEscapeTheText() {
        data.post("Fish & chips", p -> p.bodyHtml = "<p>Bring &amp; share: a &lt; b lunch</p>");

        search("lunch").statusCode(200)
                .body("items[0].snippet", containsString("<mark>lunch</mark>"))
                .body("items[0].snippet", containsString("&amp;"))
                .body("items[0].snippet", containsString("a &lt; b"))
                .body("items[0].snippet", not(containsString("<script")));
    }

    @Test
    void stemmingAndAccentsDoNotMatter() {
        data.post("Committee meeting", p -> { });
        data.post("Café opening", p -> { });

        search("meetings").statusCode(200).body("items.title", contains("Committee meeting"));
        search("cafe").statusCode(200).body("items.title", contains("Café opening"));
        search("café").statusCode(200).body("items.title", contains("Café opening"));
    }

    @Test
    void webSearchSyntaxWorks() {
        data.post("Open garden day", p -> { });
        data.post("Garden open evening", p -> { });
        data.post("Choir practice", p -> { });

        search("\"open garden\"").statusCode(200).body("items.title", contains("Open garden day"));
        search("choir or evening").statusCode(200).body("total", equalTo(2));
        search("garden -evening").statusCode(200).body("items.title", contains("Open garden day"));
    }

    @Test
    void aMisspeltQueryIsCorrectedFromPublishedWords() {
        data.post("Volunteering days", p -> { });

        search("volunterring").statusCode(200).body("items.title", contains("Volunteering days"));
        search("volunteerign days").statusCode(200)
                .body("items.title", contains("Volunteering days"))
                .body("didYouMean", equalTo("volunteering days"));
    }

    @Test
    void draftsScheduledPostsAndUnpublishedPagesAreNeverFoundNorSuggested() {
        data.draft("Zanzibar draft");
        data.future("Zanzibar scheduled");
        data.page("Zanzibar page", null, p -> p.status = PageStatus.DRAFT);
        data.draft("Xylophonist");

        search("zanzibar").statusCode(200).body("items", empty()).body("total", equalTo(0));
        search("xylophonis").statusCode(200).body("items", empty()).body("didYouMean", nullValue());
    }

    @Test
    void aPostIsFoundFromTheMomentItIsPublishedUntilItIsDeleted() {
        long id = data.draft("Zebra crossing").id;
        search("zebra").statusCode(200).body("total", equalTo(0));
        String editor = data.tokenFor(Role.EDITOR);
        String etag = given().auth().oauth2(editor).get("/api/posts/" + id).then().statusCode(200).extract().header("ETag");
        given().auth().oauth2(editor).header("If-Match", etag).contentType("application/merge-patch+json")
                .body("{\"status\": \"published\"}").patch("/api/posts/" + id).then().statusCode(200);
        search("zebra").statusCode(200).body("items.title", contains("Zebra crossing"));
        given().queryParam("q", "zebra").get("/api/posts").then().statusCode(200).body("total", equalTo(1));

        etag = given().auth().oauth2(editor).get("/api/posts/" + id).then().statusCode(200).extract().header("ETag");
        given().auth().oauth2(editor).header("If-Match", etag).delete("/api/posts/" + id).then().statusCode(204);
        search("zebra").statusCode(200).body("total", equalTo(0));
    }

    @Test
    void typeAndCategoryNarrowTheSearch() {
        Category news = data.category("News");
        data.post("Library hours", p -> { }, news);
        data.post("Library cards", p -> { });
        data.page("Library", null);

        search("library", "type", "page").statusCode(200)
                .body("items.type", contains("page")).body("items[0].path", equalTo("/library"));
        search("library", "type", "post").statusCode(200).body("total", equalTo(2));
        search("library", "category", "news").statusCode(200).body("items.title", contains("Library hours"));
        search("library").statusCode(200).body("total", equalTo(3));
    }

    @Test
    void resultsArePaged() {
        for (int i = 1; i <= 3; i++) {
            data.post("Market " + i, p -> { });
        }
        search("market", "perPage", 2, "page", 2).statusCode(200)
                .header("Link", containsString("rel=\"first\""))
                .body("items.size()", equalTo(1)).body("total", equalTo(3)).body("totalPages", equalTo(2));
    }

    @Test
    void pagesFollowTheTiersAcrossTheirBoundsAndANegatedWordRulesOutATier() {
        // Newest first within each tier; each tier is read only as far as the page asked for.
        String[][] posts = {
                {"Garden open day", "", "2025-01-01"}, {"Garden party", "", "2025-03-01"},
                {"Summer news", "The garden opens", "2025-02-01"}, {"Autumn news", "Garden tools wanted", "2025-06-01"},
                {"Annual report", "", "2025-05-01"}, {"Spring report", "", "2025-04-01"}, {"Winter report", "", "2025-07-01"}};
        for (String[] post : posts) {
            data.post(post[0], p -> {
                p.excerpt = post[1].isEmpty() ? "Nothing" : post[1];
                p.bodyHtml = "<p>The garden, weeded.</p>";
                p.publishedAt = Instant.parse(post[2] + "T09:00:00Z");
            });
        }
        List<String> ranked = List.of("Garden party", "Garden open day", "Autumn news", "Summer news",
                "Winter report", "Annual report", "Spring report");
        List<String> searched = new ArrayList<>();
        List<String> listed = new ArrayList<>();
        for (int page = 1; page <= 4; page++) {
            searched.addAll(search("garden", "type", "post", "perPage", 2, "page", page).statusCode(200)
                    .body("total", equalTo(7)).extract().<List<String>>path("items.title"));
            listed.addAll(given().queryParam("q", "garden").queryParam("perPage", 2).queryParam("page", page)
                    .get("/api/posts").then().statusCode(200).body("total", equalTo(7))
                    .extract().<List<String>>path("items.title"));
        }
        assertThat(searched).containsExactlyElementsOf(ranked);
        assertThat(listed).containsExactlyElementsOf(ranked);
        search("garden", "perPage", 2, "page", 5).statusCode(200).body("items", empty()).body("total", equalTo(7));

        // A word ruled out anywhere rules the post out, even if its title alone holds the query.
        search("garden -weeded").statusCode(200).body("total", equalTo(0));
        search("garden -tools", "type", "post").statusCode(200).body("total", equalTo(6))
                .body("items.title", not(hasItem("Autumn news")));
    }

    /** Changes the site's language as an admin does, over the API. */
    private void language(String language, int expectedStatus) {
        String admin = data.tokenFor(Role.ADMIN);
        String etag = given().auth().oauth2(admin).get("/api/site").then().statusCode(200).extract().header("ETag");
        given().auth().oauth2(admin).header("If-Match", etag).contentType("application/merge-patch+json")
                .body("{\"language\": \"" + language + "\"}").patch("/api/site").then().statusCode(expectedStatus);
    }

    @Test
    void theSitesLanguageDecidesStemmingAndChangingItReindexesEverything() {
        data.post("Committee meeting", p -> { });
        data.post("Réunion du comité", p -> { });
        when().get("/api/site").then().body("language", equalTo("english"));

        language("simple", 200);
        when().get("/api/site").then().body("language", equalTo("simple"));
        // Not stemmed: "meetings" matches only as a correction to the word the post has.
        search("meetings").statusCode(200).body("didYouMean", equalTo("meeting"));
        search("meeting").statusCode(200).body("items.title", contains("Committee meeting")).body("didYouMean", nullValue());
        search("reunion").statusCode(200).body("items.title", contains("Réunion du comité"));

        language("french", 200);
        search("réunions").statusCode(200).body("items.title", contains("Réunion du comité"));
        data.post("Les réunions de juin", p -> { });
        search("reunion").statusCode(200).body("total", equalTo(2));

        language("english", 200);
        search("meetings").statusCode(200).body("items.title", contains("Committee meeting")).body("didYouMean", nullValue());
        language("klingon", 400);
    }

    @Test
    void aQueryThatFindsLittleIsCorrectedWhenItHasUnknownWords() {
        data.post("Gardening club", p -> { });
        for (int i = 1; i <= 3; i++) {
            data.post("Volunteering fair " + i, p -> { });
        }
        // One hit, but "volunteerign" is nobody's word (nor a stem of one): the corrected query finds four.
        search("gardening or volunteerign").statusCode(200)
                .body("total", equalTo(4)).body("didYouMean", equalTo("gardening or volunteering"));
        // A rare word that is really there is never swapped.
        search("gardening").statusCode(200).body("total", equalTo(1)).body("didYouMean", nullValue());
    }

    @Test
    void aCachedSearchIsEmptiedWhenContentChanges() {
        search("lantern").statusCode(200).body("total", equalTo(0));
        // The reset's own notification may arrive after the first search and clear it: ask until it is kept.
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> search("lantern").statusCode(200).header("X-Cache", "HIT").body("total", equalTo(0)));
        data.post("Lantern parade", p -> { });
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> search("lantern").statusCode(200).body("items.title", contains("Lantern parade")));
    }

    @Test
    void thePostListTakesASearchRankedByRelevanceOrByDate() {
        Category news = data.category("News");
        data.post("Annual report", Instant.parse("2025-03-01T09:00:00Z"), news);
        data.post("Garden party", Instant.parse("2025-01-01T09:00:00Z"), news);
        data.post("Bake sale", p -> { p.bodyHtml = "<p>Cakes in the garden</p>"; p.publishedAt = Instant.parse("2025-05-01T09:00:00Z"); }, news);
        data.post("Gardening tips", Instant.parse("2025-04-01T09:00:00Z"));
        data.draft("Garden draft");

        given().queryParam("q", "garden").get("/api/posts").then().statusCode(200)
                .body("items.title", contains("Gardening tips", "Garden party", "Bake sale"))
                .body("total", equalTo(3));
        given().queryParam("q", "garden").queryParam("orderBy", "publishedAt").get("/api/posts").then().statusCode(200)
                .body("items.title", contains("Bake sale", "Gardening tips", "Garden party"));
        given().queryParam("q", "garden").queryParam("category", "news").queryParam("perPage", 1).queryParam("page", 2)
                .get("/api/posts").then().statusCode(200)
                .body("items.title", contains("Bake sale")).body("total", equalTo(2))
                .header("Link", containsString("rel=\"prev\""));
        given().queryParam("q", "garden").queryParam("page", 9).get("/api/posts").then().statusCode(200)
                .body("items", empty()).body("total", equalTo(3));
        given().auth().oauth2(data.tokenFor(Role.EDITOR)).queryParam("q", "garden").queryParam("status", "draft")
                .get("/api/posts").then().statusCode(200).body("items.title", contains("Garden draft"));

        given().queryParam("q", "!!!").get("/api/posts").then().statusCode(200).body("items", empty());
        given().get("/api/posts?q=").then().statusCode(400).body("errors[0].field", equalTo("q"));
        given().queryParam("orderBy", "relevance").get("/api/posts").then().statusCode(400);
        given().queryParam("q", "garden").queryParam("orderBy", "title").get("/api/posts").then().statusCode(400);
    }

    @Test
    void hostileQueriesAreAnsweredOrRefusedNeverFailed() {
        data.post("Anything", p -> { });
        List<String> queries = List.of("", "   ", "!!!", "\"", "\"unbalanced", "-", "or", "a".repeat(201),
                "x".repeat(10_000), "'; drop table posts; --", "a\u0000b", "\u202Eevil", "😀", "e\u0301\u0301",
                "\uD800", "(((", "!&|:*", "\\", "%", "_", "\uFEFF", "\u200B\u200D", "ﬁnd", "ＧＡＲＤＥＮ", "İstanbul",
                "\uDBFF\uDFFF", "\u0085\u2028\u2029", "🏳️‍🌈", "a" + "\u0300".repeat(150), "𝔤𝔞𝔯𝔡𝔢𝔫", "\uFFFD", "<mark>x</mark>");
        for (String q : queries) {
            search(q).statusCode(oneOf(200, 400, 414));
            given().queryParam("q", q).get("/api/posts").then().statusCode(oneOf(200, 400, 414));
            given().queryParam("q", q).queryParam("orderBy", "publishedAt").get("/api/posts").then()
                    .statusCode(oneOf(200, 400, 414));
        }
        search("").statusCode(400);
        search("a".repeat(201)).statusCode(400);
    }
}
