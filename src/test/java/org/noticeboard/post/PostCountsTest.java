package org.noticeboard.post;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.noticeboard.category.Category;
import org.noticeboard.support.TestData;
import org.noticeboard.user.Role;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The counts that totals, archives and categories read are kept by triggers (V17) and the far pages of a list are
 * read from the end: these tests hold them to what the lists themselves show, through every kind of change.
 */
@QuarkusTest
class PostCountsTest {

    @Inject
    TestData data;

    private String editor;

    @BeforeEach
    void signIn() {
        data.reset();
        editor = data.tokenFor(Role.EDITOR);
    }

    @Test
    void countsFollowCreationsChangesAndDeletions() {
        data.category("News");
        data.category("Events");
        int summer = create("""
                {"title":"Summer Fair","status":"published","publishedAt":"2025-07-16T09:00:00Z","categories":["news","events"]}""");
        int agm = create("""
                {"title":"AGM","status":"published","publishedAt":"2025-06-01T18:00:00Z","categories":["news"]}""");
        int draft = create("{\"title\":\"Draft\",\"categories\":[\"events\"]}");
        int now = create("{\"title\":\"Published Now\",\"status\":\"published\",\"categories\":[\"events\"]}");
        data.future("Next Year");
        assertCountsAgree(3);

        patch(summer, "{\"publishedAt\":\"2024-12-31T23:59:00Z\"}");
        assertCountsAgree(3);
        patch(agm, "{\"categories\":[\"events\"]}");
        assertCountsAgree(3);
        patch(agm, "{\"status\":\"draft\"}");
        assertCountsAgree(2);
        patch(draft, "{\"status\":\"published\",\"publishedAt\":\"2025-07-20T10:00:00Z\",\"categories\":[\"news\"]}");
        assertCountsAgree(3);
        patch(now, "{\"status\":\"scheduled\",\"publishedAt\":\"" + Instant.now().plus(Duration.ofDays(2)) + "\"}");
        assertCountsAgree(2);

        delete(summer);
        assertCountsAgree(1);
        data.delete(data.find(Category.class, 1));
        assertCountsAgree(1);
        assertThat(data.postCountFaults()).isEmpty();
    }

    @Test
    void aPostPublishedWithoutADateIsPublicAtOnceOnTheDatabaseClock() {
        int id = create("{\"title\":\"Breaking\",\"status\":\"published\"}");
        JsonPath post = when().get("/api/posts/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(post.getString("status")).isEqualTo("published");
        assertCountsAgree(1);
    }

    @Test
    void anArchiveMonthMovesWithTheSiteTimeZone() {
        Category news = data.category("News");
        // 00:30 on 1 August in London (BST), still 31 July in UTC.
        data.post("Late Night", Instant.parse("2025-07-31T23:30:00Z"), news);
        assertThat(when().get("/api/archives").jsonPath().getList("label")).containsExactly("August 2025");
        assertCountsAgree(1);

        data.site(site -> site.timezone = "UTC");
        assertThat(when().get("/api/archives").jsonPath().getList("label")).containsExactly("July 2025");
        assertThat(total("/api/posts?year=2025&month=7")).isEqualTo(1);
        assertThat(total("/api/posts?year=2025&month=8")).isZero();
        assertCountsAgree(1);
        assertThat(data.postCountFaults()).isEmpty();
    }

    @Test
    void aScheduledPostIsCountedWhenItsTimeComesWithNoWrite() {
        Category news = data.category("News");
        data.post("Earlier", Instant.parse("2025-07-01T09:00:00Z"), news);
        // Far enough ahead for the checks below to finish first on a busy machine.
        data.post("Soon", post -> {
            post.status = PostStatus.SCHEDULED;
            post.publishedAt = Instant.now().plusSeconds(5);
        }, news);
        assertCountsAgree(1);
        assertThat(when().get("/api/categories/news").jsonPath().getInt("postCount")).isEqualTo(1);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(total("/api/posts")).isEqualTo(2));
        assertCountsAgree(2);
        assertThat(when().get("/api/categories/news").jsonPath().getInt("postCount")).isEqualTo(2);
        assertThat(when().get("/api/posts").jsonPath().getList("items.status")).containsOnly("published");
    }

    @Test
    void pagesReadFromTheEndEqualTheForwardRead() {
        Category news = data.category("News");
        Instant tie = Instant.parse("2025-03-01T12:00:00Z");
        for (int i = 0; i < 23; i++) {
            Instant at = i % 4 == 0 ? tie : Instant.parse("2025-01-01T00:00:00Z").plus(Duration.ofHours(37L * i));
            if (i % 3 == 0) {
                data.post("Post " + i, at, news);
            } else {
                data.post("Post " + i, at);
            }
        }
        data.draft("Draft A", news);
        data.draft("Draft B");
        data.future("Later", news);

        assertPagesMatchWholeList("/api/posts", null);
        assertPagesMatchWholeList("/api/posts?category=news", null);
        assertPagesMatchWholeList("/api/posts?year=2025", null);
        assertPagesMatchWholeList("/api/posts?status=any", editor);
        assertPagesMatchWholeList("/api/posts?status=any&category=news", editor);
    }

    @Test
    void previousAndNextWalkEveryPublicPostInOrderThroughTies() {
        Instant tie = Instant.parse("2025-03-01T12:00:00Z");
        for (int i = 0; i < 7; i++) {
            data.post("Post " + i, i % 2 == 0 ? tie : tie.plus(Duration.ofDays(i - 3)));
        }
        data.future("Later");
        List<Object> newestFirst = when().get("/api/posts?perPage=100").jsonPath().getList("items.slug");
        List<Object> walked = new ArrayList<>();
        String slug = (String) newestFirst.get(0);
        while (slug != null) {
            walked.add(slug);
            slug = when().get("/api/posts/slug/" + slug).then().statusCode(200).extract().path("previous.slug");
        }
        assertThat(walked).isEqualTo(newestFirst);
        String last = (String) newestFirst.get(newestFirst.size() - 1);
        assertThat((String) when().get("/api/posts/slug/" + last).path("next.slug")).isEqualTo(newestFirst.get(newestFirst.size() - 2));
    }

    /** Every page at several sizes holds exactly its slice of the whole list, read in one page. */
    private void assertPagesMatchWholeList(String list, String token) {
        String separator = list.contains("?") ? "&" : "?";
        JsonPath whole = get(list + separator + "perPage=100", token);
        List<Object> all = whole.getList("items.id");
        assertThat(whole.getInt("total")).isEqualTo(all.size());
        for (int perPage : new int[] {1, 4, 5, 10}) {
            List<Object> paged = new ArrayList<>();
            int pages = (all.size() + perPage - 1) / perPage;
            for (int page = 1; page <= pages + 1; page++) {
                JsonPath read = get(list + separator + "perPage=" + perPage + "&page=" + page, token);
                assertThat(read.getInt("total")).isEqualTo(all.size());
                paged.addAll(read.getList("items.id"));
            }
            assertThat(paged).as("%s by %d", list, perPage).isEqualTo(all);
        }
    }

    /** The list's total, every category's count and every archive month's count agree with the posts listed. */
    private void assertCountsAgree(int publicPosts) {
        JsonPath all = when().get("/api/posts?perPage=100").jsonPath();
        assertThat(all.getInt("total")).isEqualTo(publicPosts).isEqualTo(all.getList("items").size());
        List<Map<String, Object>> months = when().get("/api/archives").jsonPath().getList("$");
        assertThat(months.stream().mapToInt(month -> (Integer) month.get("count")).sum()).isEqualTo(publicPosts);
        for (Map<String, Object> month : months) {
            String url = "/api/posts?perPage=100&year=" + month.get("year") + "&month=" + month.get("month");
            JsonPath listed = when().get(url).jsonPath();
            assertThat(listed.getInt("total")).as(url).isEqualTo(month.get("count")).isEqualTo(listed.getList("items").size());
        }
        for (Map<String, Object> category : when().get("/api/categories").jsonPath().<Map<String, Object>>getList("$")) {
            JsonPath listed = when().get("/api/posts?perPage=100&category=" + category.get("slug")).jsonPath();
            assertThat(listed.getInt("total")).as("category %s", category.get("slug"))
                    .isEqualTo(category.get("postCount")).isEqualTo(listed.getList("items").size());
        }
        assertThat(data.postCountFaults()).isEmpty();
    }

    private int total(String url) {
        return when().get(url).then().statusCode(200).extract().path("total");
    }

    private JsonPath get(String url, String token) {
        var request = token == null ? given() : given().auth().oauth2(token);
        return request.get(url).then().statusCode(200).extract().jsonPath();
    }

    private int create(String body) {
        return given().auth().oauth2(editor).contentType("application/json").body(body).post("/api/posts")
                .then().statusCode(201).extract().path("id");
    }

    private void patch(int id, String body) {
        String etag = given().auth().oauth2(editor).get("/api/posts/" + id).then().statusCode(200).extract().header("ETag");
        given().auth().oauth2(editor).header("If-Match", etag).contentType("application/merge-patch+json").body(body)
                .patch("/api/posts/" + id).then().statusCode(200);
    }

    private void delete(int id) {
        String etag = given().auth().oauth2(editor).get("/api/posts/" + id).then().statusCode(200).extract().header("ETag");
        Response deleted = given().auth().oauth2(editor).header("If-Match", etag).delete("/api/posts/" + id);
        deleted.then().statusCode(204);
    }
}
