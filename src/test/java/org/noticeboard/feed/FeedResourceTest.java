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

import org.jsoup.Jsoup;
import org.noticeboard.user.Role;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class FeedResourceTest {

    private static final String SITE = "https://www.bprcvs.example";
    private static final String DUBLIN_CORE = "http://purl.org/dc/elements/1.1/";
    private static final String MEDIA_RSS = "http://search.yahoo.com/mrss/";
    private static final String ATOM = "http://www.w3.org/2005/Atom";
    /** tag:noticeboard,2025:{the site's uuid}/post/{the post's id} */
    private static final Pattern POST_ID = Pattern.compile(
            "tag:noticeboard,2025:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/post/\\d+");

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
        assertThat(feed.getEntries()).extracting(SyndEntry::getUri).allMatch(id -> POST_ID.matcher(id).matches());
        assertThat(feed.getEntries()).extracting(SyndEntry::getLink)
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

    @Test
    void idsSurviveARenamedSlugAndANewSiteUrl() throws Exception {
        Map<String, List<String>> before = ids();
        int walk = when().get("/api/posts/slug/pendle-walk").then().statusCode(200).extract().path("id");
        assertThat(before.get("rss")).hasSize(3).allMatch(id -> POST_ID.matcher(id).matches())
                .containsExactlyElementsOf(before.get("json"));
        assertThat(before.get("rss").get(1)).endsWith("/post/" + walk);
        assertThat(before.get("atom")).containsExactlyElementsOf(before.get("json"));
        assertThat(before.get("atom feed").get(0)).startsWith("tag:noticeboard,2025:").endsWith("/posts");
        assertThat(before.get("category feed").get(0)).startsWith("tag:noticeboard,2025:").contains("/category/");

        String editor = data.tokenFor(Role.EDITOR);
        String postTag = given().auth().oauth2(editor).get("/api/posts/" + walk).then().statusCode(200).extract().header("ETag");
        given().auth().oauth2(editor).header("If-Match", postTag).contentType("application/merge-patch+json")
                .body("{\"slug\":\"pendle-hill-walk\"}").patch("/api/posts/" + walk).then().statusCode(200);
        String admin = data.tokenFor(Role.ADMIN);
        String siteTag = given().auth().oauth2(admin).get("/api/site").then().statusCode(200).extract().header("ETag");
        given().auth().oauth2(admin).header("If-Match", siteTag).contentType("application/merge-patch+json")
                .body("{\"url\":\"https://news.bprcvs.example\"}").patch("/api/site").then().statusCode(200);

        assertThat(parse(when().get("/api/feeds/posts.rss").asString()).getEntries().get(1).getLink())
                .as("the slug and the site URL did change").isEqualTo("https://news.bprcvs.example/news/pendle-hill-walk");
        assertThat(ids()).isEqualTo(before);
    }

    @Test
    void relativeUrlsInBodiesBecomeAbsoluteInEveryFormat() throws Exception {
        data.post("Annual Report", post -> {
            post.publishedAt = Instant.parse("2025-09-01T09:00:00Z");
            post.bodyHtml = "<p><a href=\"/files/report.pdf\">The report</a> <img src=\"images/chart.png\" alt=\"Chart\"> "
                    + "<a href=\"https://elsewhere.example/a\">elsewhere</a> <a href=\"mailto:news@bprcvs.example\">write</a> "
                    + "<a href=\"tel:+441282433740\">call</a> <a href=\"#minutes\">minutes</a></p>"
                    + "<blockquote cite=\"../quotes/1\">Well done</blockquote>";
        });
        List<String> expected = List.of(SITE + "/files/report.pdf", SITE + "/news/images/chart.png",
                "https://elsewhere.example/a", "mailto:news@bprcvs.example", "tel:+441282433740", "#minutes", SITE + "/quotes/1");

        assertThat(urls(bodies().get("rss"))).containsExactlyElementsOf(expected);
        assertThat(urls(bodies().get("atom"))).containsExactlyElementsOf(expected);
        assertThat(urls(bodies().get("json"))).containsExactlyElementsOf(expected);
        assertThat(bodies().get("json")).contains("<a href=\"" + SITE + "/files/report.pdf\">The report</a>");

        data.site(site -> site.siteUrl = null);
        for (String body : bodies().values()) {
            assertThat(urls(body).get(0)).matches("http://localhost:\\d+/files/report.pdf");
        }
    }

    @Test
    void theFeaturedImageIsInEveryFormat() throws Exception {
        data.post("Summer Fair", post -> {
            post.publishedAt = Instant.parse("2025-09-01T09:00:00Z");
            post.featuredImageUrl = "https://cdn.bprcvs.example/fair.jpg";
            post.featuredImageAlt = "Stalls on the green";
        });

        Document rss = xml("/api/feeds/posts.rss");
        List<Element> items = elements(rss, null, "item");
        List<Element> media = children(items.get(0), MEDIA_RSS, "content");
        assertThat(media).hasSize(1);
        assertThat(media.get(0).getAttribute("url")).isEqualTo("https://cdn.bprcvs.example/fair.jpg");
        assertThat(media.get(0).getAttribute("medium")).isEqualTo("image");
        assertThat(media.get(0).getAttribute("type")).isEqualTo("image/jpeg");
        assertThat(text(media.get(0), MEDIA_RSS, "description")).isEqualTo("Stalls on the green");
        assertThat(children(items.get(1), MEDIA_RSS, "content")).as("a post without an image").isEmpty();

        Document atom = xml("/api/feeds/posts.atom");
        List<Element> entries = elements(atom, ATOM, "entry");
        List<Element> enclosures = children(entries.get(0), ATOM, "link").stream()
                .filter(link -> link.getAttribute("rel").equals("enclosure")).toList();
        assertThat(enclosures).hasSize(1);
        assertThat(enclosures.get(0).getAttribute("href")).isEqualTo("https://cdn.bprcvs.example/fair.jpg");
        assertThat(enclosures.get(0).getAttribute("type")).isEqualTo("image/jpeg");
        assertThat(children(entries.get(1), ATOM, "link")).extracting(link -> link.getAttribute("rel")).containsExactly("alternate");

        JsonNode jsonFeed = json.readTree(when().get("/api/feeds/posts.json").asString());
        assertThat(jsonFeed.path("items").get(0).path("image").asText()).isEqualTo("https://cdn.bprcvs.example/fair.jpg");
        assertThat(jsonFeed.path("items").get(1).has("image")).isFalse();
    }

    @Test
    void rssItemsNameTheirAuthor() throws Exception {
        List<Element> items = elements(xml("/api/feeds/posts.rss"), null, "item");

        assertThat(text(items.get(1), DUBLIN_CORE, "creator")).isEqualTo("Ada");
        assertThat(children(items.get(1), null, "author")).as("RSS's own author holds an e-mail address").isEmpty();
        assertThat(children(items.get(0), DUBLIN_CORE, "creator")).as("a post without an author").isEmpty();
        assertThat(parse(when().get("/api/feeds/posts.rss").asString()).getEntries().get(1).getAuthor()).isEqualTo("Ada");
    }

    @Test
    void managingEditorIsTheSitesAddressOrAbsent() throws Exception {
        Element channel = elements(xml("/api/feeds/posts.rss"), null, "channel").get(0);
        assertThat(children(channel, null, "managingEditor")).as("a site without a contact address").isEmpty();

        data.site(site -> site.contactEmail = "news@bprcvs.example");

        channel = elements(xml("/api/feeds/posts.rss"), null, "channel").get(0);
        assertThat(text(channel, null, "managingEditor")).isEqualTo("news@bprcvs.example (BPRCVS)");
        Element atomAuthor = children(xml("/api/feeds/posts.atom").getDocumentElement(), ATOM, "author").get(0);
        assertThat(text(atomAuthor, ATOM, "email")).isEqualTo("news@bprcvs.example");
    }

    @Test
    void atomEntriesSayWhenTheyWerePublishedAndUpdatedAndNothingElse() throws Exception {
        data.post("Written Ahead", post -> post.publishedAt = Instant.now().plusSeconds(2));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(when().get("/api/feeds/posts.atom").asString()).contains("Written Ahead"));

        Document atom = xml("/api/feeds/posts.atom");

        assertThat(elements(atom, DUBLIN_CORE, "*")).as("no dc:date or other Dublin Core in Atom").isEmpty();
        List<Element> entries = elements(atom, ATOM, "entry");
        assertThat(entries).hasSize(4).allSatisfy(entry -> {
            assertThat(children(entry, ATOM, "published")).hasSize(1);
            assertThat(children(entry, ATOM, "updated")).hasSize(1);
            assertThat(Instant.parse(text(entry, ATOM, "updated"))).isAfterOrEqualTo(Instant.parse(text(entry, ATOM, "published")));
        });
        Element ahead = entries.get(0);
        assertThat(text(ahead, ATOM, "title")).isEqualTo("Written Ahead");
        assertThat(text(ahead, ATOM, "updated")).as("written before it came out: updated when it came out")
                .isEqualTo(text(ahead, ATOM, "published"));
        Element walk = entries.get(2);
        assertThat(Instant.parse(text(walk, ATOM, "published"))).isEqualTo(Instant.parse("2025-07-16T09:00:00Z"));
        assertThat(Instant.parse(text(walk, ATOM, "updated"))).as("written after its publication date")
                .isAfter(Instant.parse("2025-07-16T09:00:00Z"));
    }

    /** Every id a reader stores, by where it came from. */
    private Map<String, List<String>> ids() throws Exception {
        Map<String, List<String>> ids = new LinkedHashMap<>();
        List<Element> guids = elements(xml("/api/feeds/posts.rss"), null, "guid");
        assertThat(guids).allSatisfy(guid -> assertThat(guid.getAttribute("isPermaLink")).isEqualTo("false"));
        ids.put("rss", guids.stream().map(Element::getTextContent).toList());
        Document atom = xml("/api/feeds/posts.atom");
        ids.put("atom feed", List.of(text(atom.getDocumentElement(), ATOM, "id")));
        ids.put("atom", elements(atom, ATOM, "entry").stream().map(entry -> text(entry, ATOM, "id")).toList());
        ids.put("json", json.readTree(when().get("/api/feeds/posts.json").asString()).path("items").findValuesAsText("id"));
        ids.put("category feed", List.of(text(xml("/api/feeds/categories/whats-on-in-pendle.atom").getDocumentElement(), ATOM, "id")));
        return ids;
    }

    /** The newest post's HTML body in each format. */
    private Map<String, String> bodies() throws Exception {
        return Map.of(
                "rss", parse(when().get("/api/feeds/posts.rss").asString()).getEntries().get(0).getContents().get(0).getValue(),
                "atom", parse(when().get("/api/feeds/posts.atom").asString()).getEntries().get(0).getContents().get(0).getValue(),
                "json", json.readTree(when().get("/api/feeds/posts.json").asString()).path("items").get(0).path("content_html").asText());
    }

    /** The URL attributes of an HTML body, in document order. */
    private static List<String> urls(String html) {
        return Jsoup.parseBodyFragment(html).select("[href], [src], [cite]").stream()
                .map(element -> element.hasAttr("href") ? element.attr("href")
                        : element.hasAttr("src") ? element.attr("src") : element.attr("cite"))
                .toList();
    }

    private static SyndFeed parse(String xml) throws Exception {
        return new SyndFeedInput().build(new StringReader(xml));
    }

    /** The feed as a namespace-aware DOM, for what ROME's format-neutral model hides (namespaces, attributes). */
    private static Document xml(String address) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(
                when().get(address).then().statusCode(200).extract().asString())));
    }

    private static List<Element> children(Element parent, String namespace, String name) {
        List<Element> found = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && name.equals(element.getLocalName())
                    && Objects.equals(namespace, element.getNamespaceURI())) {
                found.add(element);
            }
        }
        return found;
    }

    private static List<Element> elements(Document document, String namespace, String name) {
        NodeList nodes = document.getElementsByTagNameNS(namespace, name);
        return IntStream.range(0, nodes.getLength()).mapToObj(i -> (Element) nodes.item(i)).toList();
    }

    private static String text(Element parent, String namespace, String name) {
        List<Element> found = children(parent, namespace, name);
        return found.isEmpty() ? null : found.get(0).getTextContent();
    }
}
