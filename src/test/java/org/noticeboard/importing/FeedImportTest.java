package org.noticeboard.importing;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.noticeboard.category.Category;
import org.noticeboard.post.Post;
import org.noticeboard.support.Race;
import org.noticeboard.support.TestData;
import org.noticeboard.user.Role;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** POST /api/imports/feed with the feeds other site builders publish. */
@QuarkusTest
class FeedImportTest {

    /** As a Weebly blog serves /blog/feed: RSS 2.0 with content:encoded and dc:creator. */
    private static final String RSS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
                 xmlns:dc="http://purl.org/dc/elements/1.1/">
              <channel>
                <title>Bridgeport CVS - News</title>
                <link>https://www.bprcvs.example/news</link>
                <description>News from Bridgeport CVS</description>
                <item>
                  <title><![CDATA[Volunteers' Week – thank you]]></title>
                  <link>https://www.bprcvs.example/news/volunteers-week</link>
                  <guid isPermaLink="false">weebly-101</guid>
                  <pubDate>Mon, 02 Jun 2025 09:00:00 +0100</pubDate>
                  <dc:creator>Sam Taylor</dc:creator>
                  <category>Volunteering</category>
                  <category>Events &amp; Training</category>
                  <description><![CDATA[<p>A week of thanks.</p>]]></description>
                  <content:encoded><![CDATA[<p onclick="steal()">Thank you, café owners!</p><script>alert(1)</script>]]></content:encoded>
                  <enclosure url="https://www.bprcvs.example/uploads/week.jpg" type="image/jpeg" length="1"/>
                </item>
                <item>
                  <title>Summer fair</title>
                  <link>https://www.bprcvs.example/news/summer-fair</link>
                  <guid>weebly-102</guid>
                  <pubDate>Tue, 01 Jul 2025 09:00:00 GMT</pubDate>
                  <description><![CDATA[<p>On the green, with <a href="javascript:alert(1)">stalls</a>.</p>]]></description>
                </item>
                <item>
                  <title>Summer fair</title>
                  <guid>weebly-102</guid>
                  <description>The same item twice</description>
                </item>
                <item>
                  <title>AGM 2099</title>
                  <guid>weebly-103</guid>
                  <pubDate>Thu, 01 Jan 2099 09:00:00 GMT</pubDate>
                  <description>Far ahead</description>
                </item>
              </channel>
            </rss>
            """;

    /** As Blogger or Ghost serve theirs: Atom 1.0. */
    private static final String ATOM = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom">
              <id>tag:blogger.com,1999:blog-42</id>
              <title>Hillcrest Community Centre</title>
              <updated>2025-05-01T10:00:00Z</updated>
              <entry>
                <id>tag:blogger.com,1999:blog-42.post-7</id>
                <title type="html">Hall &lt;em&gt;reopens&lt;/em&gt;</title>
                <link rel="alternate" href="https://hillcrest.example/2025/05/hall-reopens.html"/>
                <published>2025-05-01T10:00:00Z</published>
                <updated>2025-05-02T10:00:00Z</updated>
                <author><name>Priya Shah</name></author>
                <category term="Centre news"/>
                <summary>The hall is open again.</summary>
                <content type="html">&lt;p&gt;After the new roof, the hall is open again.&lt;/p&gt;</content>
              </entry>
            </feed>
            """;

    @Inject
    TestData data;

    private String admin;

    @BeforeEach
    void startEmpty() {
        data.reset();
        admin = data.tokenFor(Role.ADMIN);
    }

    private ValidatableResponse send(String feed, String type, String query) {
        return given().auth().oauth2(admin).contentType(type + "; charset=UTF-8")
                .body(feed.getBytes(StandardCharsets.UTF_8)).post("/api/imports/feed" + query).then();
    }

    @Test
    void anRssFeedBecomesPublishedPostsThroughTheUsualRules() {
        data.post("Summer fair", p -> { });
        Category volunteering = data.category("Volunteering");

        send(RSS, "application/rss+xml", "").statusCode(200)
                .body("source", equalTo("https://www.bprcvs.example/news"))
                .body("dryRun", equalTo(false))
                .body("created.externalId", contains("weebly-101", "weebly-102", "weebly-103"))
                .body("created.slug", contains("volunteers-week-thank-you", "summer-fair-2", "agm-2099"))
                .body("created.slugChanged", contains(false, true, false))
                .body("created[0].htmlRemovals", greaterThan(1))
                .body("skipped.reason", contains("The item appears twice in the feed"))
                .body("categoriesCreated", contains("events-training"));

        Post week = data.find(Post.class, postId("volunteers-week-thank-you"));
        assertThat(week.bodyHtml).contains("Thank you, café owners!").doesNotContain("script", "onclick");
        assertThat(week.excerpt).isEqualTo("A week of thanks.");
        assertThat(week.authorName).isEqualTo("Sam Taylor");
        assertThat(week.featuredImageUrl).isEqualTo("https://www.bprcvs.example/uploads/week.jpg");
        assertThat(week.publishedAt).isEqualTo(java.time.Instant.parse("2025-06-02T08:00:00Z"));
        when().get("/api/posts/slug/volunteers-week-thank-you").then().statusCode(200)
                .body("categories.slug", contains("events-training", volunteering.slug));
        when().get("/api/posts/slug/summer-fair-2").then().statusCode(200)
                .body("bodyHtml", not(containsString("javascript")));
        // Dated ahead: scheduled, not public yet.
        when().get("/api/posts/slug/agm-2099").then().statusCode(404);
        given().auth().oauth2(admin).get("/api/posts/slug/agm-2099").then().statusCode(200)
                .body("status", equalTo("scheduled"));
    }

    @Test
    void itemsWithoutATitleAreNamedByTheirTextAndLongTitlesAreCut() {
        String longTitle = "Volunteering ".repeat(30).strip();
        String microblog = """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>@bprcvs</title><link>https://social.example/@bprcvs</link>
                <item><guid>https://social.example/@bprcvs/1</guid><pubDate>Mon, 02 Jun 2025 08:00:00 GMT</pubDate>
                <description>&lt;p&gt;Our &lt;b&gt;trustees&lt;/b&gt; meet on Tuesday at the CVS centre, all welcome to come along and
                hear about the year&lt;/p&gt;</description></item>
                <item><guid>https://social.example/@bprcvs/2</guid><pubDate>Tue, 03 Jun 2025 08:00:00 GMT</pubDate>
                <title>%s</title><description>Long</description></item>
                <item><guid>https://social.example/@bprcvs/3</guid><pubDate>Wed, 04 Jun 2025 08:00:00 GMT</pubDate></item>
                </channel></rss>""".formatted(longTitle);

        List<String> titles = send(microblog, "application/rss+xml", "").statusCode(200)
                .body("skipped", empty()).extract().jsonPath().getList("created.title", String.class);
        assertThat(titles).hasSize(3);
        assertThat(titles.get(0)).startsWith("Our trustees meet on Tuesday at the CVS centre").endsWith("…")
                .hasSizeLessThanOrEqualTo(80);
        assertThat(titles.get(1)).startsWith("Volunteering Volunteering").hasSizeLessThanOrEqualTo(300);
        assertThat(titles.get(2)).isEqualTo("Untitled");
    }

    @Test
    void aBloggerBackupBringsItsPostsAndLeavesItsSettingsTemplateAndCommentsOut() {
        String classic = """
                <?xml version='1.0' encoding='UTF-8'?>
                <feed xmlns='http://www.w3.org/2005/Atom' xmlns:thr='http://purl.org/syndication/thread/1.0'>
                <id>tag:blogger.com,1999:blog-123</id><updated>2025-07-01T09:00:00.000+01:00</updated>
                <title type='text'>Riverside Centre</title>
                <link rel='alternate' type='text/html' href='https://riverside.blogspot.com/'/>
                <entry><id>tag:blogger.com,1999:blog-123.settings.BLOG_NAME</id><updated>2025-07-01T09:00:00.000+01:00</updated>
                <category scheme='http://schemas.google.com/g/2005#kind' term='http://schemas.google.com/blogger/2008/kind#settings'/>
                <title type='text'></title><content type='text'>Riverside Centre</content></entry>
                <entry><id>tag:blogger.com,1999:blog-123.layout</id><updated>2025-07-01T09:00:00.000+01:00</updated>
                <category scheme='http://schemas.google.com/g/2005#kind' term='http://schemas.google.com/blogger/2008/kind#template'/>
                <title type='text'>Template: Riverside</title><content type='text'>&lt;html&gt;&lt;/html&gt;</content></entry>
                <entry><id>tag:blogger.com,1999:blog-123.post-1</id><published>2025-06-01T09:00:00.000+01:00</published>
                <updated>2025-06-01T09:00:00.000+01:00</updated>
                <category scheme='http://schemas.google.com/g/2005#kind' term='http://schemas.google.com/blogger/2008/kind#post'/>
                <category scheme='http://www.blogger.com/atom/ns#' term='Events'/>
                <title type='text'>Summer fair</title><content type='html'>&lt;p&gt;On the green.&lt;/p&gt;</content>
                <link rel='alternate' type='text/html' href='https://riverside.blogspot.com/2025/06/summer-fair.html'/>
                <author><name>Sam</name></author></entry>
                <entry xmlns:app='http://purl.org/atom/app#'><id>tag:blogger.com,1999:blog-123.post-2</id>
                <published>2025-06-01T10:00:00.000+01:00</published><updated>2025-06-01T10:00:00.000+01:00</updated>
                <app:control><app:draft>yes</app:draft></app:control>
                <category scheme='http://schemas.google.com/g/2005#kind' term='http://schemas.google.com/blogger/2008/kind#post'/>
                <title type='text'>Unfinished</title><content type='html'>&lt;p&gt;Notes&lt;/p&gt;</content></entry>
                <entry><id>tag:blogger.com,1999:blog-123.post-9</id><published>2025-06-02T09:00:00.000+01:00</published>
                <updated>2025-06-02T09:00:00.000+01:00</updated>
                <category scheme='http://schemas.google.com/g/2005#kind' term='http://schemas.google.com/blogger/2008/kind#comment'/>
                <title type='text'>Lovely</title><content type='html'>Lovely day</content>
                <thr:in-reply-to ref='tag:blogger.com,1999:blog-123.post-1'/></entry>
                </feed>""";
        send(classic, "application/atom+xml", "").statusCode(200)
                .body("created.title", contains("Summer fair", "Unfinished"))
                .body("skipped.reason", containsInAnyOrder("A Blogger backup's settings entry, not a post",
                        "A Blogger backup's template entry, not a post", "A Blogger backup's comment entry, not a post"))
                .body("categoriesCreated", contains("events"));

        String takeout = """
                <?xml version='1.0' encoding='utf-8'?>
                <feed xmlns='http://www.w3.org/2005/Atom' xmlns:blogger='http://schemas.google.com/blogger/2018'>
                <id>tag:blogger.com,1999:blog-456</id><title>Riverside News</title><updated>2025-07-01T09:00:00Z</updated>
                %s
                </feed>""".formatted(String.join("\n",
                bloggerEntry(1, "POST", "LIVE", "Open day"), bloggerEntry(2, "POST", "DRAFT", "Draft notes"),
                bloggerEntry(3, "POST", "SOFT_TRASHED", "Old notice"), bloggerEntry(4, "COMMENT", "LIVE", "Nice"),
                bloggerEntry(5, "PAGE", "LIVE", "About us")));
        send(takeout, "application/atom+xml", "").statusCode(200)
                .body("created.title", contains("Open day", "Draft notes"))
                .body("skipped.reason", contains("Blogger's status SOFT_TRASHED: in its trash, not published",
                        "A Blogger backup's comment entry, not a post", "A Blogger backup's page entry, not a post"));
        given().auth().oauth2(admin).get("/api/posts/slug/draft-notes").then().body("status", equalTo("draft"));
        given().auth().oauth2(admin).get("/api/posts/slug/unfinished").then().body("status", equalTo("draft"));
        when().get("/api/posts/slug/open-day").then().statusCode(200);
    }

    private static String bloggerEntry(int id, String type, String status, String title) {
        return """
                <entry><id>tag:blogger.com,1999:blog-456.post-%d</id><blogger:type>%s</blogger:type>
                <blogger:status>%s</blogger:status><author><name>Sam</name></author><title>%s</title>
                <content type='html'>&lt;p&gt;Text&lt;/p&gt;</content><published>2025-05-0%dT09:00:00Z</published>
                <updated>2025-05-0%dT09:00:00Z</updated></entry>""".formatted(id, type, status, title, id, id);
    }

    private long postId(String slug) {
        return ((Number) given().auth().oauth2(admin).get("/api/posts/slug/" + slug).then().statusCode(200)
                .extract().path("id")).longValue();
    }

    @Test
    void importingTheSameFeedAgainAddsOnlyWhatIsNewAndNeverBringsBackADeletedPost() {
        send(RSS, "application/rss+xml", "").statusCode(200);
        data.delete(data.find(Post.class, postId("agm-2099")));
        String newer = RSS.replaceFirst("<item>", """
                <item>
                  <title>Winter coats appeal</title>
                  <guid>weebly-104</guid>
                  <pubDate>Mon, 01 Dec 2025 09:00:00 GMT</pubDate>
                  <description>Coats wanted</description>
                </item>
                <item>""");
        send(newer, "application/rss+xml", "").statusCode(200)
                .body("created.externalId", contains("weebly-104"))
                .body("skipped.reason", hasItem("Imported before"))
                .body("skipped.size()", equalTo(4));
        when().get("/api/posts?perPage=50").then().body("total", equalTo(3));
    }

    @Test
    void theOldAddressesOfPublicImportedPostsAreListedForTheFrontEndsRedirects() {
        send(RSS, "application/rss+xml", "").statusCode(200);
        // The scheduled item has no link; the others go to their new paths, by old address.
        when().get("/api/imports/redirects").then().statusCode(200)
                .header("Link", containsString("rel=\"first\""))
                .body("total", equalTo(2))
                .body("items.from", contains("/news/summer-fair", "/news/volunteers-week"))
                .body("items.fromUrl", hasItem("https://www.bprcvs.example/news/summer-fair"))
                .body("items.to", contains("/news/summer-fair", "/news/volunteers-week-thank-you"));
        data.delete(data.find(Post.class, postId("summer-fair")));
        when().get("/api/imports/redirects?perPage=1").then().statusCode(200)
                .body("total", equalTo(1)).body("items.to", contains("/news/volunteers-week-thank-you"));
    }

    @Test
    void twoImportsOfTheSameFeedAtOnceImportEachItemOnce() {
        for (int round = 0; round < 3; round++) {
            data.reset();
            admin = data.tokenFor(Role.ADMIN);
            List<List<String>> created = Race.run(Collections.<Callable<List<String>>>nCopies(2,
                    () -> send(RSS, "application/rss+xml", "").statusCode(200).extract().path("created.externalId")));
            assertThat(created).as("round %d", round)
                    .containsExactlyInAnyOrder(List.of("weebly-101", "weebly-102", "weebly-103"), List.of());
            given().auth().oauth2(admin).get("/api/posts?status=any").then().body("total", equalTo(3));
        }
    }

    @Test
    void anAtomFeedIsReadAsWell() {
        send(ATOM, "application/atom+xml", "").statusCode(200)
                .body("source", equalTo("tag:blogger.com,1999:blog-42"))
                .body("created.slug", contains("hall-reopens"))
                .body("created.title", contains("Hall reopens"));
        when().get("/api/posts/slug/hall-reopens").then().statusCode(200)
                .body("author", equalTo("Priya Shah"))
                .body("excerpt", equalTo("The hall is open again."))
                .body("publishedAt", equalTo("2025-05-01T10:00:00Z"))
                .body("categories.slug", contains("centre-news"));
    }

    @Test
    void aDryRunReportsExactlyWhatAnImportWouldDoAndWritesNothing() {
        data.post("Summer fair", p -> { });
        List<String> wouldBe = send(RSS, "application/xml", "?dryRun=true").statusCode(200)
                .body("dryRun", equalTo(true))
                .body("created.id", contains(nullValue(), nullValue(), nullValue()))
                .body("categoriesCreated", contains("volunteering", "events-training"))
                .extract().path("created.slug");
        when().get("/api/posts").then().body("total", equalTo(1));
        when().get("/api/categories").then().body("items", org.hamcrest.Matchers.empty());
        send(RSS, "application/rss+xml", "").statusCode(200).body("created.slug", equalTo(wouldBe));
    }

    @Test
    void whatIsNotAReadableFeedIsRefusedAndNothingIsWritten() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <rss version="2.0"><channel><title>x</title><link>https://x.example</link>
                <item><title>&secret;</title><guid>1</guid></item></channel></rss>
                """;
        for (String body : List.of(xxe, RSS.substring(0, RSS.length() / 2), "<html><body>Hello</body></html>",
                "not xml at all", "")) {
            send(body, "application/rss+xml", "").statusCode(400).contentType("application/problem+json")
                    .body("type", equalTo("/problems/invalid-feed"));
        }
        when().get("/api/posts").then().body("total", equalTo(0));
        given().auth().oauth2(data.tokenFor(Role.EDITOR)).contentType("application/rss+xml").body(RSS)
                .post("/api/imports/feed").then().statusCode(403);
        given().auth().oauth2(admin).contentType("application/json").body("{}").post("/api/imports/feed").then()
                .statusCode(415);
    }
}
