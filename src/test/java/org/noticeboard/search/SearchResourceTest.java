package org.noticeboard.search;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.noticeboard.category.Category;
import org.noticeboard.page.PageStatus;
import org.noticeboard.support.TestData;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
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
    void hostileQueriesAreAnsweredOrRefusedNeverFailed() {
        data.post("Anything", p -> { });
        List<String> queries = List.of("", "   ", "!!!", "\"", "\"unbalanced", "-", "or", "a".repeat(201),
                "x".repeat(10_000), "'; drop table posts; --", "a\u0000b", "\u202Eevil", "😀", "e\u0301\u0301",
                "\uD800", "(((", "!&|:*", "\\", "%", "_");
        for (String q : queries) {
            search(q).statusCode(oneOf(200, 400, 414));
        }
        search("").statusCode(400);
        search("a".repeat(201)).statusCode(400);
    }
}
