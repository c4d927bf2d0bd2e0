package org.noticeboard.demo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.noticeboard.common.Slugs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.get;
import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

/** The demo content reproduces the reference capture: nothing missing, nothing invented. */
@QuarkusTest
@TestProfile(DemoContentProfile.class)
class DemoContentTest {

    private static final ReferenceCapture CAPTURE = new ReferenceCapture();

    @Inject
    DemoContentLoader loader;

    @Test
    void mainMenuEqualsTheCapturedNavigation() {
        List<Map<String, Object>> items = get("/api/menus/main").then().statusCode(200)
                .extract().jsonPath().getList("items");

        assertThat(labels(items)).isEqualTo(CAPTURE.menu());
        assertThat(depth(items)).isEqualTo(4);
        assertThat(CAPTURE.menu()).hasSize(8);
    }

    @Test
    void everyMenuEntryThatIsAPageHasOneAtThePathOfItsLabels() {
        JsonPath menu = get("/api/menus/main").then().extract().jsonPath();
        assertThat(menu.getString("items.find { it.label == 'BPRCVS News' }.link.type")).isEqualTo("news");
        assertThat(menu.getString("items.find { it.label == 'BPRCVS News' }.link.path")).isEqualTo("/news");

        when().get("/api/pages/by-path/services/the-cvs-centre/room-hire/large-meetings").then().statusCode(200)
                .body("title", equalTo("Large Meetings"))
                .body("breadcrumbs.title", contains("Services", "The CVS Centre", "Room Hire"));
        when().get("/api/pages/by-path/services/community-networks/burnley-linked/activities-events-services")
                .then().statusCode(200).body("title", equalTo("Activities, Events & Services"));
        when().get("/api/pages/by-path/services/gannow-community-centre/whats-on")
                .then().statusCode(200).body("title", equalTo("What's On"));

        List<Map<String, Object>> pageLinks = new java.util.ArrayList<>();
        collectPageLinks(menu.getList("items"), pageLinks);
        for (Map<String, Object> link : pageLinks) {
            when().get("/api/pages/by-path" + link.get("path")).then().statusCode(200);
        }
        int pageEntries = countEntries(CAPTURE.menu()) - 1; // all but "BPRCVS News"
        assertThat(pageLinks).hasSize(pageEntries);
        when().get("/api/pages?perPage=1").then().body("total", equalTo(pageEntries));
    }

    /** Made by PageService as an editor's pages are: dense sibling order, paths from the parent's, slugs from titles. */
    @Test
    void demoPagesFollowThePageRules() {
        List<Map<String, Object>> all = get("/api/pages?perPage=100").then().statusCode(200)
                .body("total", lessThanOrEqualTo(100)).extract().jsonPath().getList("items");
        Map<Object, Map<String, Object>> byId = all.stream().collect(Collectors.toMap(page -> page.get("id"), page -> page));
        Map<Object, List<Integer>> positionsByParent = new HashMap<>();
        for (Map<String, Object> page : all) {
            assertThat(page.get("slug")).isEqualTo(Slugs.slugify((String) page.get("title")));
            Map<String, Object> parent = byId.get(page.get("parentId"));
            String parentPath = parent == null ? "" : (String) parent.get("path");
            assertThat(page.get("path")).isEqualTo(parentPath + "/" + page.get("slug"));
            positionsByParent.computeIfAbsent(String.valueOf(page.get("parentId")), key -> new ArrayList<>())
                    .add((Integer) page.get("position"));
        }
        positionsByParent.values().forEach(positions ->
                assertThat(positions).containsExactlyInAnyOrderElementsOf(IntStream.range(0, positions.size()).boxed().toList()));

        // Top-level pages in menu order; "BPRCVS News" links to the news, so its child pages sit at the top level.
        List<String> topLevel = all.stream().filter(page -> page.get("parentId") == null)
                .sorted(Comparator.comparing(page -> (Integer) page.get("position")))
                .map(page -> (String) page.get("title")).toList();
        assertThat(topLevel).containsExactly("Home", "About", "Services", "Our Impact", "VCFSE News",
                "Subscribe To Our Newsletters", "Jobs", "Local Lancashire", "Contact", "Privacy Policy");
    }

    @Test
    void categoriesAreTheCapturedSidebarList() {
        List<String> names = get("/api/categories").then().statusCode(200).extract().jsonPath().getList("name");
        assertThat(names).containsExactlyInAnyOrderElementsOf(CAPTURE.sidebarCategories());
        assertThat(names).contains("What's On In Pendle");
        when().get("/api/categories/whats-on-in-pendle").then().statusCode(200);
    }

    @Test
    void theCapturedPostIsPublishedWithCommentsClosed() {
        String slug = Slugs.slugify("DCMS Publish Research on Local Infrastructure");
        JsonPath post = get("/api/posts/slug/" + slug).then().statusCode(200).extract().jsonPath();

        assertThat(post.getString("title")).isEqualTo("DCMS Publish Research on Local Infrastructure");
        assertThat(CAPTURE.text()).contains("16/7/2025");
        assertThat(post.getString("publishedAt")).startsWith("2025-07-16");
        assertThat(post.getString("comments.status")).isEqualTo("closed");
        assertThat(post.getString("comments.reason")).isEqualTo("post-setting");
        String body = post.getString("bodyHtml");
        for (String sentence : List.of(
                "DCMS have published the findings of a 12 month research project",
                "Enabling strong LCSI is based on a combination of factors: funding, local knowledge, effective relationships and local buy-in.",
                "forging relationships to build bridges across and between sectors",
                "NAVCA will provide members with a series of briefings and resources to help you use the research to support your work.",
                "https://www.gov.uk/government/publications/local-civil-society-infrastructure-lcsi-rd-programme-final-reports")) {
            assertThat(CAPTURE.text()).contains(sentence);
            assertThat(body).contains(sentence);
        }
        assertThat(body.split("<li>", -1)).hasSize(1 + 12 + 4 + 2 + 3 + 4);
        when().get("/api/posts").then().body("total", equalTo(1));
        when().get("/api/archives").then().body("label", contains("July 2025")).body("count", contains(1));
    }

    @Test
    void siteCarriesTheCapturedNameAndAuthorBox() {
        when().get("/api/site").then().statusCode(200)
                .body("name", equalTo(CAPTURE.siteName()))
                .body("about", equalTo(CAPTURE.authorBox()))
                .body("about", containsString("Write something about yourself"));
    }

    @Test
    void loadingAgainChangesNothing() {
        String before = get("/api/menus").asString();
        long pages = get("/api/pages?perPage=1").jsonPath().getLong("total");

        assertThat(loader.loadIntoEmptyDatabase()).isFalse();

        assertThat(get("/api/menus").asString()).isEqualTo(before);
        assertThat(get("/api/pages?perPage=1").jsonPath().getLong("total")).isEqualTo(pages);
        assertThat(get("/api/categories").jsonPath().getList("$")).hasSize(CAPTURE.sidebarCategories().size());
    }

    @SuppressWarnings("unchecked")
    private static List<ReferenceCapture.MenuEntry> labels(List<Map<String, Object>> items) {
        return items.stream()
                .map(item -> new ReferenceCapture.MenuEntry((String) item.get("label"),
                        labels((List<Map<String, Object>>) item.get("children"))))
                .toList();
    }

    @SuppressWarnings("unchecked")
    private static int depth(List<Map<String, Object>> items) {
        return items.stream().mapToInt(item -> 1 + depth((List<Map<String, Object>>) item.get("children"))).max().orElse(0);
    }

    @SuppressWarnings("unchecked")
    private static void collectPageLinks(List<Map<String, Object>> items, List<Map<String, Object>> links) {
        for (Map<String, Object> item : items) {
            Map<String, Object> link = (Map<String, Object>) item.get("link");
            if ("page".equals(link.get("type"))) {
                links.add(link);
            }
            collectPageLinks((List<Map<String, Object>>) item.get("children"), links);
        }
    }

    private static int countEntries(List<ReferenceCapture.MenuEntry> entries) {
        return entries.stream().mapToInt(entry -> 1 + countEntries(entry.children())).sum();
    }
}
