package org.noticeboard.menu;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.noticeboard.category.Category;
import org.noticeboard.page.Page;
import org.noticeboard.page.PageStatus;
import org.noticeboard.post.Post;
import org.noticeboard.support.TestData;

import static io.restassured.RestAssured.when;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.noticeboard.support.TestData.toPage;
import static org.noticeboard.support.TestData.toPost;

@QuarkusTest
class MenuResourceTest {

    @Inject
    TestData data;

    @BeforeEach
    void startEmpty() {
        data.reset();
    }

    @Test
    void menuIsOneNestedTreeWithEveryLinkResolved() {
        Page services = data.page("Services", null);
        Page centre = data.page("The CVS Centre", services);
        Page roomHire = data.page("Room Hire", centre);
        Page large = data.page("Large Meetings", roomHire);
        Post post = data.post("Summer Fair", p -> { });
        Category newsletters = data.category("Newsletters");
        Menu main = data.menu("main");

        MenuItem servicesItem = data.menuItem(main, null, "Services", toPage(services));
        MenuItem centreItem = data.menuItem(main, servicesItem, "The CVS Centre", toPage(centre));
        MenuItem roomHireItem = data.menuItem(main, centreItem, "Room Hire", toPage(roomHire));
        data.menuItem(main, roomHireItem, "Large Meetings", toPage(large));
        MenuItem news = data.menuItem(main, null, "BPRCVS News", item -> item.linkType = LinkType.NEWS);
        data.menuItem(main, news, "Summer Fair", toPost(post));
        data.menuItem(main, news, "Newsletters", item -> {
            item.linkType = LinkType.CATEGORY;
            item.category = newsletters;
        });
        data.menuItem(main, news, "July 2025", item -> {
            item.linkType = LinkType.ARCHIVE;
            item.archiveYear = 2025;
            item.archiveMonth = 7;
        });
        data.menuItem(main, null, "Local Lancashire", item -> {
            item.linkType = LinkType.URL;
            item.url = "https://example.org/lancashire";
        });
        data.menuItem(main, null, "Find Us", item -> item.linkType = LinkType.NONE);

        when().get("/api/menus/main").then().statusCode(200)
                .body("slug", equalTo("main"))
                .body("items.label", contains("Services", "BPRCVS News", "Local Lancashire", "Find Us"))
                .body("items[0].link.type", equalTo("page"))
                .body("items[0].link.path", equalTo("/services"))
                .body("items[0].children[0].children[0].children[0].label", equalTo("Large Meetings"))
                .body("items[0].children[0].children[0].children[0].link.path",
                        equalTo("/services/the-cvs-centre/room-hire/large-meetings"))
                .body("items[0].children[0].children[0].children[0].children", empty())
                .body("items[1].link.type", equalTo("news"))
                .body("items[1].link.path", equalTo("/news"))
                .body("items[1].children.link.type", contains("post", "category", "archive"))
                .body("items[1].children.link.path", contains("/news/summer-fair", "/news/category/newsletters", "/news/archive/2025/07"))
                .body("items[2].link.type", equalTo("url"))
                .body("items[2].link.url", equalTo("https://example.org/lancashire"))
                .body("items[2].link.path", nullValue())
                .body("items[3].link.type", equalTo("none"))
                .body("items[3].link.path", nullValue());
    }

    @Test
    void itemsLinkingToUnpublishedContentAreHiddenWithTheirSubtrees() {
        Page about = data.page("About", null);
        Page draftSection = data.page("Draft Section", null, page -> page.status = PageStatus.DRAFT);
        Page underDraft = data.page("Under Draft", draftSection);
        Post draftPost = data.draft("Draft Post");
        Post futurePost = data.future("Future Post");
        Menu main = data.menu("main");
        data.menuItem(main, null, "About", toPage(about));
        MenuItem section = data.menuItem(main, null, "Draft Section", toPage(draftSection));
        data.menuItem(main, section, "Child Of Draft", item -> {
            item.linkType = LinkType.URL;
            item.url = "https://example.org";
        });
        data.menuItem(main, null, "Under Draft", toPage(underDraft));
        data.menuItem(main, null, "Draft Post", toPost(draftPost));
        data.menuItem(main, null, "Future Post", toPost(futurePost));

        when().get("/api/menus/main").then().statusCode(200)
                .body("items.label", contains("About"));
    }

    @Test
    void allMenusAreListedWithTheirTrees() {
        Menu main = data.menu("main");
        Menu footer = data.menu("footer");
        MenuItem heading = data.menuItem(footer, null, "Policies", item -> { });
        data.menuItem(footer, heading, "Cookies", item -> {
            item.linkType = LinkType.URL;
            item.url = "https://example.org/cookies";
        });
        data.menuItem(main, null, "News", item -> item.linkType = LinkType.NEWS);

        when().get("/api/menus").then().statusCode(200)
                .body("slug", contains("footer", "main"))
                .body("[0].items[0].children[0].label", equalTo("Cookies"))
                .body("[1].items.label", contains("News"));
    }

    @Test
    void unknownMenuIsNotFound() {
        when().get("/api/menus/nope").then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("No menu has the slug 'nope'"));
    }
}
