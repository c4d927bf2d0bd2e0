package org.noticeboard.post;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.noticeboard.category.Category;
import org.noticeboard.support.TestData;

import java.time.Duration;
import java.time.Instant;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class PostResourceTest {

    @Inject
    TestData data;

    @BeforeEach
    void startEmpty() {
        data.reset();
    }

    @Test
    void publishedPostsAreListedNewestFirst() {
        data.post("Oldest", Instant.parse("2025-04-01T09:00:00Z"));
        data.post("Newest", Instant.parse("2025-08-01T09:00:00Z"));
        data.post("Middle", Instant.parse("2025-07-16T09:00:00Z"));

        when().get("/api/posts")
                .then().statusCode(200)
                .contentType("application/json")
                .body("items.title", contains("Newest", "Middle", "Oldest"))
                .body("items[0].slug", equalTo("newest"))
                .body("items[0].path", equalTo("/news/newest"))
                .body("items[0].publishedAt", equalTo("2025-08-01T09:00:00Z"))
                .body("items[0].excerpt", equalTo("Excerpt of Newest"))
                .body("items[0]", not(org.hamcrest.Matchers.hasKey("bodyHtml")))
                .body("page", equalTo(1))
                .body("perPage", equalTo(10))
                .body("total", equalTo(3))
                .body("totalPages", equalTo(1));
    }

    @Test
    void draftsAndFuturePostsAreInvisibleEverywhere() {
        Category news = data.category("News");
        data.post("Visible", Instant.parse("2025-07-01T09:00:00Z"), news);
        Post draft = data.draft("Draft", news);
        Post future = data.future("Future", news);

        when().get("/api/posts").then().statusCode(200)
                .body("items.title", contains("Visible"))
                .body("total", equalTo(1));
        when().get("/api/posts?category=news").then().body("items.title", contains("Visible"));
        when().get("/api/posts/slug/draft").then().statusCode(404);
        when().get("/api/posts/slug/future").then().statusCode(404);
        when().get("/api/posts/" + draft.id).then().statusCode(404);
        when().get("/api/posts/" + future.id).then().statusCode(404);
        when().get("/api/posts/slug/visible").then().statusCode(200)
                .body("previous", nullValue())
                .body("next", nullValue());
    }

    @Test
    void aScheduledPostAppearsOnceItsTimeHasCome() {
        data.post("Scheduled", post -> {
            post.status = PostStatus.SCHEDULED;
            post.publishedAt = Instant.now().plusSeconds(2);
        });
        when().get("/api/posts/slug/scheduled").then().statusCode(404);

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                when().get("/api/posts/slug/scheduled").then().statusCode(200));
    }

    @Test
    void postBySlugAndByIdCarryBodyCategoriesAndNeighbours() {
        Category newsletters = data.category("Newsletters");
        Category pendle = data.category("What's On In Pendle");
        Post older = data.post("Older", Instant.parse("2025-06-01T09:00:00Z"));
        data.draft("Unfinished");
        Post post = data.post("DCMS Publish Research", Instant.parse("2025-07-16T09:00:00Z"), pendle, newsletters);
        data.future("Coming Soon");
        Post newer = data.post("Newer", Instant.parse("2025-08-01T09:00:00Z"));

        for (String address : new String[]{"/api/posts/slug/dcms-publish-research", "/api/posts/" + post.id}) {
            when().get(address).then().statusCode(200)
                    .body("id", equalTo(post.id.intValue()))
                    .body("title", equalTo("DCMS Publish Research"))
                    .body("bodyHtml", equalTo("<p>Body of DCMS Publish Research</p>"))
                    .body("categories.name", contains("Newsletters", "What's On In Pendle"))
                    .body("categories.path", contains("/news/category/newsletters", "/news/category/whats-on-in-pendle"))
                    .body("previous.slug", equalTo(older.slug))
                    .body("previous.path", equalTo("/news/older"))
                    .body("next.slug", equalTo(newer.slug))
                    .body("next.publishedAt", equalTo("2025-08-01T09:00:00Z"));
        }
    }

    @Test
    void commentsClosedOnThePostSayWhy() {
        data.post("Closed", post -> post.commentStatus = CommentStatus.CLOSED);

        when().get("/api/posts/slug/closed").then().statusCode(200)
                .body("comments.status", equalTo("closed"))
                .body("comments.reason", equalTo("post-setting"))
                .body("comments.autoCloseAt", nullValue())
                .body("comments.moderated", equalTo(true));
    }

    @Test
    void theSiteRuleClosesCommentsAfterItsNumberOfDays() {
        data.site(site -> {
            site.commentsAutoCloseDays = 30;
            site.commentModeration = org.noticeboard.site.CommentModeration.NONE;
        });
        data.post("Old News", Instant.parse("2025-01-01T09:00:00Z"));
        Instant recent = Instant.now().minus(Duration.ofDays(2)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        data.post("Fresh News", recent);

        when().get("/api/posts/slug/old-news").then()
                .body("comments.status", equalTo("closed"))
                .body("comments.reason", equalTo("auto-closed"))
                .body("comments.autoCloseAt", equalTo("2025-01-31T09:00:00Z"))
                .body("comments.moderated", equalTo(false));
        when().get("/api/posts/slug/fresh-news").then()
                .body("comments.status", equalTo("open"))
                .body("comments.reason", equalTo("post-setting"))
                .body("comments.autoCloseAt", equalTo(recent.plus(Duration.ofDays(30)).toString()));
    }

    @Test
    void postsFilterByCategory() {
        Category burnley = data.category("What's On In Burnley");
        Category pendle = data.category("What's On In Pendle");
        data.post("Burnley Fair", Instant.parse("2025-05-01T09:00:00Z"), burnley);
        data.post("Pendle Walk", Instant.parse("2025-05-02T09:00:00Z"), pendle);
        data.post("Both", Instant.parse("2025-05-03T09:00:00Z"), burnley, pendle);

        when().get("/api/posts?category=whats-on-in-burnley").then().statusCode(200)
                .body("items.title", contains("Both", "Burnley Fair"))
                .body("total", equalTo(2));
    }

    @Test
    void monthFilterUsesTheSiteTimeZone() {
        // 23:30 UTC on 31 July is 00:30 on 1 August in London (BST).
        data.post("Late July UTC", Instant.parse("2025-07-31T23:30:00Z"));
        data.post("Mid July", Instant.parse("2025-07-16T09:00:00Z"));
        data.post("June", Instant.parse("2025-06-30T12:00:00Z"));
        data.post("Other Year", Instant.parse("2024-07-10T12:00:00Z"));

        when().get("/api/posts?year=2025&month=7").then().statusCode(200)
                .body("items.title", contains("Mid July"));
        when().get("/api/posts?year=2025&month=8").then().body("items.title", contains("Late July UTC"));
        when().get("/api/posts?year=2025").then().body("items.title", contains("Late July UTC", "Mid July", "June"));
    }

    @Test
    void pagingHasBoundsAndLinkHeaders() {
        for (int day = 1; day <= 25; day++) {
            data.post("Post " + day, Instant.parse(String.format("2025-03-%02dT09:00:00Z", day)));
        }

        given().queryParam("perPage", 10).queryParam("page", 2)
                .when().get("/api/posts")
                .then().statusCode(200)
                .body("items.title", contains("Post 15", "Post 14", "Post 13", "Post 12", "Post 11",
                        "Post 10", "Post 9", "Post 8", "Post 7", "Post 6"))
                .body("page", equalTo(2))
                .body("total", equalTo(25))
                .body("totalPages", equalTo(3))
                .header("Link", containsString("</api/posts?perPage=10&page=3>; rel=\"next\""))
                .header("Link", containsString("</api/posts?perPage=10&page=1>; rel=\"prev\""))
                .header("Link", containsString("</api/posts?perPage=10&page=1>; rel=\"first\""))
                .header("Link", containsString("</api/posts?perPage=10&page=3>; rel=\"last\""));

        when().get("/api/posts?perPage=10&page=3").then()
                .body("items.title", contains("Post 5", "Post 4", "Post 3", "Post 2", "Post 1"))
                .header("Link", not(containsString("rel=\"next\"")));
        when().get("/api/posts?perPage=10&page=9").then().statusCode(200)
                .body("items", empty())
                .header("Link", containsString("page=3>; rel=\"prev\""));
        when().get("/api/posts?perPage=100").then().body("items.size()", equalTo(25));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "perPage=0          | perPage  | from 1 to 100",
            "perPage=101        | perPage  | from 1 to 100",
            "perPage=ten        | perPage  | from 1 to 100",
            "page=0             | page     | from 1 to",
            "page=-1            | page     | from 1 to",
            "year=abc           | year     | from 1 to 9999",
            "year=2025&month=13 | month    | from 1 to 12",
            "year=2025&month=0  | month    | from 1 to 12",
            "month=7            | month    | needs a year",
            "category=nowhere   | category | known categories: newsletters",
            "sort=title         | sort     | supported parameters: category, month, orderBy, page, perPage, q, status, year",
            "orderBy=title      | orderBy  | must be relevance or publishedAt",
            "perPage=5&perPage=1 | perPage | is given 2 times; give it once",
            "category=newsletters&category=newsletters | category | is given 2 times; give it once",
    })
    void badQueriesAreRefusedSayingWhatIsAllowed(String query, String field, String allowed) {
        data.category("Newsletters");

        when().get("/api/posts?" + query)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/invalid-query"))
                .body("title", equalTo("Invalid query parameter"))
                .body("status", equalTo(400))
                .body("detail", containsString(allowed))
                .body("instance", equalTo("/api/posts"))
                .body("errors.field", hasItem(field))
                .body(not(containsString("Exception")));
    }

    @Test
    void unknownPostsAreNotFoundProblems() {
        when().get("/api/posts/slug/no-such-post")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/not-found"))
                .body("detail", equalTo("No published post has the slug 'no-such-post'"));
        when().get("/api/posts/123456").then().statusCode(404).contentType("application/problem+json");
        when().get("/api/posts/not-a-number").then().statusCode(404).contentType("application/problem+json");
    }
}
