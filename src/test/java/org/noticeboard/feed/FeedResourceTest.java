package org.noticeboard.feed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.noticeboard.category.Category;
import org.noticeboard.post.Post;
import org.noticeboard.support.TestData;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class FeedResourceTest {

    private static final String SITE = "https://www.bprcvs.example";

    @Inject
    TestData data;

    @Inject
    ObjectMapper json;

    private Category pendle;

    @BeforeEach
    void publishSomeNews() {
        data.reset();
        data.site(site -> {
            site.name = "BPRCVS";
            site.siteUrl = SITE;
        });
        pendle = data.category("What's On In Pendle");
        Category burnley = data.category("What's On In Burnley");
        data.post("Pendle Walk", post -> {
            post.publishedAt = Instant.parse("2025-07-16T09:00:00Z");
            post.bodyHtml = "<p>Walk <strong>with us</strong> &amp; friends</p>";
            post.excerpt = "Walk with us";
            post.authorName = "Ada";
        }, pendle);
        data.post("Burnley Fair", Instant.parse("2025-08-01T10:30:00Z"), burnley);
        data.post("Both Towns", Instant.parse("2025-06-01T08:00:00Z"), pendle, burnley);
        data.draft("Draft News", pendle);
        data.future("Future News", pendle);
    }

    @Test
    void rssListsPublishedPostsNewestFirstWithAbsoluteLinksAndDates() throws Exception {
        SyndFeed feed = parse(given().get("/api/feeds/posts.rss").then().statusCode(200)
                .contentType(startsWith("application/rss+xml")).extract().asString());

        assertThat(feed.getFeedType()).isEqualTo("rss_2.0");
        assertThat(feed.getTitle()).isEqualTo("BPRCVS");
        assertThat(feed.getLink()).isEqualTo(SITE + "/news");
        assertThat(feed.getEntries()).extracting(SyndEntry::getTitle).containsExactly("Burnley Fair", "Pendle Walk", "Both Towns");
        SyndEntry walk = feed.getEntries().get(1);
        assertThat(walk.getLink()).isEqualTo(SITE + "/news/pendle-walk");
        assertThat(walk.getPublishedDate()).isEqualTo(Date.from(Instant.parse("2025-07-16T09:00:00Z")));
        assertThat(walk.getDescription().getValue()).isEqualTo("Walk with us");
        assertThat(walk.getContents().get(0).getValue()).isEqualTo("<p>Walk <strong>with us</strong> &amp; friends</p>");
        assertThat(walk.getCategories()).extracting(category -> category.getName()).containsExactly("What's On In Pendle");
    }

    @Test
    void atomCarriesTheSameEntriesWithIdsAndUpdateTimes() throws Exception {
        SyndFeed feed = parse(given().get("/api/feeds/posts.atom").then().statusCode(200)
                .contentType(startsWith("application/atom+xml")).extract().asString());

        assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
        assertThat(feed.getEntries()).extracting(SyndEntry::getUri)
                .containsExactly(SITE + "/news/burnley-fair", SITE + "/news/pendle-walk", SITE + "/news/both-towns");
        SyndEntry walk = feed.getEntries().get(1);
        assertThat(walk.getPublishedDate()).isEqualTo(Date.from(Instant.parse("2025-07-16T09:00:00Z")));
        assertThat(walk.getUpdatedDate()).isNotNull();
        assertThat(walk.getAuthor()).isEqualTo("Ada");
        assertThat(walk.getContents().get(0).getValue()).contains("<strong>with us</strong>");
        assertThat(feed.getLinks()).anySatisfy(link -> {
            assertThat(link.getRel()).isEqualTo("self");
            assertThat(link.getHref()).endsWith("/api/feeds/posts.atom");
        });
        assertThat(feed.getAuthors()).extracting(author -> author.getName()).containsExactly("BPRCVS");
    }

    @Test
    void atomEntriesWithoutAnAuthorFallBackToTheOrganisation() {
        String atom = when().get("/api/feeds/posts.atom").asString();
        assertThat(atom).doesNotContain("<name />").doesNotContain("<name></name>");
    }

    @Test
    void jsonFeedFollowsVersionOnePointOne() throws Exception {
        JsonNode feed = json.readTree(given().get("/api/feeds/posts.json").then().statusCode(200)
                .contentType(startsWith("application/feed+json")).extract().asString());

        assertThat(feed.path("version").asText()).isEqualTo("https://jsonfeed.org/version/1.1");
        assertThat(feed.path("home_page_url").asText()).isEqualTo(SITE + "/news");
        assertThat(feed.path("feed_url").asText()).endsWith("/api/feeds/posts.json");
        assertThat(feed.path("items").findValuesAsText("title")).containsExactly("Burnley Fair", "Pendle Walk", "Both Towns");
        JsonNode walk = feed.path("items").get(1);
        assertThat(walk.path("url").asText()).isEqualTo(SITE + "/news/pendle-walk");
        assertThat(Instant.parse(walk.path("date_published").asText())).isEqualTo(Instant.parse("2025-07-16T09:00:00Z"));
        assertThat(walk.path("content_html").asText()).isEqualTo("<p>Walk <strong>with us</strong> &amp; friends</p>");
        assertThat(walk.path("summary").asText()).isEqualTo("Walk with us");
        assertThat(walk.path("tags").get(0).asText()).isEqualTo("What's On In Pendle");
        assertThat(walk.path("authors").get(0).path("name").asText()).isEqualTo("Ada");
    }

    @Test
    void aCategoryFeedHoldsThatCategoryAlone() throws Exception {
        for (String format : List.of("rss", "atom")) {
            SyndFeed feed = parse(when().get("/api/feeds/categories/whats-on-in-pendle." + format).then()
                    .statusCode(200).extract().asString());
            assertThat(feed.getTitle()).isEqualTo("BPRCVS: What's On In Pendle");
            assertThat(feed.getEntries()).extracting(SyndEntry::getTitle).containsExactly("Pendle Walk", "Both Towns");
        }
        JsonNode jsonFeed = json.readTree(when().get("/api/feeds/categories/whats-on-in-pendle.json").asString());
        assertThat(jsonFeed.path("home_page_url").asText()).isEqualTo(SITE + "/news/category/whats-on-in-pendle");
        assertThat(jsonFeed.path("items").findValuesAsText("title")).containsExactly("Pendle Walk", "Both Towns");
    }

    @Test
    void draftsAndFuturePostsNeverAppear() {
        for (String address : List.of("/api/feeds/posts.rss", "/api/feeds/posts.atom", "/api/feeds/posts.json",
                "/api/feeds/categories/whats-on-in-pendle.rss")) {
            String feed = when().get(address).then().statusCode(200).extract().asString();
            assertThat(feed).doesNotContain("Draft News").doesNotContain("Future News").doesNotContain("draft-news");
        }
    }

    @Test
    void aScheduledPostJoinsTheFeedWhenItsTimeComes() throws Exception {
        data.post("Just In", post -> post.publishedAt = Instant.now().plusSeconds(2));
        assertThat(when().get("/api/feeds/posts.rss").asString()).doesNotContain("Just In");

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(parse(when().get("/api/feeds/posts.rss").asString()).getEntries().get(0).getTitle())
                        .isEqualTo("Just In"));
    }

    @Test
    void feedsHoldTheNewestTwentyPosts() throws Exception {
        for (int day = 1; day <= 25; day++) {
            data.post("Day " + day, Instant.parse(String.format("2024-01-%02dT09:00:00Z", day)));
        }
        SyndFeed feed = parse(when().get("/api/feeds/posts.rss").asString());
        assertThat(feed.getEntries()).hasSize(20);
        assertThat(feed.getEntries().get(0).getTitle()).isEqualTo("Burnley Fair");
    }

    @Test
    void withoutASiteUrlLinksUseTheApiHost() throws Exception {
        data.site(site -> site.siteUrl = null);
        SyndFeed feed = parse(when().get("/api/feeds/posts.rss").asString());
        assertThat(feed.getEntries().get(0).getLink()).matches("http://localhost:\\d+/news/burnley-fair");
    }

    @Test
    void feedsAreCacheableAndRevalidate() {
        var first = when().get("/api/feeds/posts.rss").then().statusCode(200)
                .header("ETag", notNullValue())
                .header("Last-Modified", notNullValue())
                .header("Cache-Control", startsWith("public"))
                .extract();
        given().header("If-None-Match", first.header("ETag")).get("/api/feeds/posts.rss").then().statusCode(304);
        given().header("If-Modified-Since", first.header("Last-Modified")).get("/api/feeds/posts.rss").then().statusCode(304);

        Post deleted = data.find(Post.class, 2L);
        data.delete(deleted);

        var after = when().get("/api/feeds/posts.rss").then().statusCode(200).extract();
        assertThat(after.header("ETag")).isNotEqualTo(first.header("ETag"));
        assertThat(after.asString()).doesNotContain("Burnley Fair");
    }

    @Test
    void unknownCategoriesAndFormatsAreNotFound() {
        when().get("/api/feeds/categories/nowhere.rss").then().statusCode(404).contentType("application/problem+json");
        when().get("/api/feeds/posts.xml").then().statusCode(404)
                .body("detail", equalTo("There is no 'xml' feed; use rss, atom or json"));
    }

    @Test
    void theSiteListsItsFeeds() {
        when().get("/api/site").then().statusCode(200)
                .body("feeds.rss", org.hamcrest.Matchers.matchesPattern("http://localhost:\\d+/api/feeds/posts.rss"))
                .body("feeds.atom", org.hamcrest.Matchers.endsWith("/api/feeds/posts.atom"))
                .body("feeds.json", org.hamcrest.Matchers.endsWith("/api/feeds/posts.json"))
                .body("feeds.categoryRss", org.hamcrest.Matchers.endsWith("/api/feeds/categories/{slug}.rss"));
    }

    private static SyndFeed parse(String xml) throws Exception {
        return new SyndFeedInput().build(new StringReader(xml));
    }
}
