package org.noticeboard.page;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.noticeboard.menu.Menu;
import org.noticeboard.menu.MenuItem;
import org.noticeboard.support.TestData;
import org.noticeboard.user.Role;

import java.util.LinkedHashMap;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.noticeboard.support.TestData.toPage;

/** Creating, changing, moving and deleting pages as a signed-in editor, and what the public sees after each. */
@QuarkusTest
class PageEditingTest {

    private static final String JSON = "application/json; charset=UTF-8";
    private static final String MERGE_PATCH = "application/merge-patch+json; charset=UTF-8";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Inject
    TestData data;

    private String editor;

    @BeforeEach
    void signInAsEditor() {
        data.reset();
        editor = data.tokenFor(Role.EDITOR);
    }

    // --- Creating ---------------------------------------------------------------------------------

    @Test
    void createdPageAnswers201WithItsAddressAndEditorialRepresentation() {
        ExtractableResponse<Response> created = asEditor().contentType(JSON)
                .body(json("title", "What's On", "summary", "Events near you", "metaDescription", "What is on"))
                .post("/api/pages")
                .then().statusCode(201)
                .header("Cache-Control", "private, no-store")
                .header("ETag", notNullValue())
                .body("slug", equalTo("whats-on"))
                .body("path", equalTo("/whats-on"))
                .body("title", equalTo("What's On"))
                .body("summary", equalTo("Events near you"))
                .body("metaDescription", equalTo("What is on"))
                .body("bodyHtml", equalTo(""))
                .body("status", equalTo("draft"))
                .body("position", equalTo(0))
                .body("parentId", nullValue())
                .body("breadcrumbs", empty())
                .body("children", empty())
                .body("audit.createdAt", notNullValue())
                .body("audit.createdBy.displayName", equalTo(me().path("displayName")))
                .body("audit.updatedBy.id", equalTo(me().path("id")))
                .extract();
        long id = created.jsonPath().getLong("id");
        assertThat(created.header("Location")).endsWith("/api/pages/" + id);

        ExtractableResponse<Response> read = asEditor().get("/api/pages/" + id).then().statusCode(200).extract();
        assertThat(read.asString()).isEqualTo(created.asString());
        assertThat(read.header("ETag")).isEqualTo(created.header("ETag"));
    }

    @Test
    void nestedPagesTakeTheirParentsPathAndBreadcrumbs() {
        long services = createPage(json("title", "Services", "status", "published"));
        long centre = createPage(json("title", "The CVS Centre", "parentId", services, "status", "published"));
        long roomHire = createPage(json("title", "Room Hire", "slug", "rooms", "parentId", centre, "status", "published"));

        when().get("/api/pages/" + roomHire).then().statusCode(200)
                .body("slug", equalTo("rooms"))
                .body("path", equalTo("/services/the-cvs-centre/rooms"))
                .body("parentId", equalTo((int) centre))
                .body("breadcrumbs.title", contains("Services", "The CVS Centre"))
                .body("breadcrumbs.path", contains("/services", "/services/the-cvs-centre"))
                .body("breadcrumbs.id", contains((int) services, (int) centre));
        when().get("/api/pages/by-path/services/the-cvs-centre/rooms").then().statusCode(200)
                .body("id", equalTo((int) roomHire));
        when().get("/api/pages/by-path/services").then()
                .body("children.title", contains("The CVS Centre"));
    }

    @Test
    void slugIsMadeFromTheTitleWhenLeftOut() {
        asEditor().contentType(JSON).body(json("title", "  Café Opening Times & Prices  "))
                .post("/api/pages")
                .then().statusCode(201)
                .body("slug", equalTo("cafe-opening-times-prices"))
                .body("title", equalTo("Café Opening Times & Prices"));
    }

    @Test
    void explicitSlugIsKeptAsGiven() {
        asEditor().contentType(JSON).body(json("title", "Opening times", "slug", "hours-2025"))
                .post("/api/pages")
                .then().statusCode(201)
                .body("slug", equalTo("hours-2025"))
                .body("path", equalTo("/hours-2025"));
    }

    @Test
    void newPageGoesLastAmongItsSiblings() {
        Page parent = data.page("About", null);
        long first = createPage(json("title", "History", "parentId", parent.id, "status", "published"));
        long second = createPage(json("title", "Trustees", "parentId", parent.id, "status", "published"));
        long third = createPage(json("title", "Annual Reports", "parentId", parent.id, "status", "published"));

        when().get("/api/pages/" + parent.id).then()
                .body("children.id", contains((int) first, (int) second, (int) third))
                .body("children.position", contains(0, 1, 2));
        when().get("/api/pages?parent=" + parent.id).then()
                .body("items.title", contains("History", "Trustees", "Annual Reports"));
    }

    @Test
    void pageCreatedAtPositionZeroShiftsItsSiblings() {
        Page parent = data.page("About", null);
        data.page("History", parent);
        data.page("Trustees", parent);

        asEditor().contentType(JSON).body(json("title", "Welcome", "parentId", parent.id, "position", 0, "status", "published"))
                .post("/api/pages")
                .then().statusCode(201).body("position", equalTo(0));
        asEditor().contentType(JSON).body(json("title", "Staff", "parentId", parent.id, "position", 2, "status", "published"))
                .post("/api/pages")
                .then().statusCode(201).body("position", equalTo(2));

        when().get("/api/pages/" + parent.id).then()
                .body("children.title", contains("Welcome", "History", "Staff", "Trustees"))
                .body("children.position", contains(0, 1, 2, 3));
    }

    @Test
    void topLevelPagesAreOrderedToo() {
        data.page("Home", null);
        createPage(json("title", "Contact", "position", 0, "status", "published"));

        when().get("/api/pages?parent=0").then()
                .body("items.title", contains("Contact", "Home"))
                .body("items.position", contains(0, 1));
    }

    @Test
    void positionPastTheEndIsRefused() {
        Page parent = data.page("About", null);
        data.page("History", parent);

        asEditor().contentType(JSON).body(json("title", "Far Away", "parentId", parent.id, "position", 2))
                .post("/api/pages")
                .then().statusCode(422)
                .body("type", equalTo("/problems/validation-failed"))
                .body("errors[0].field", equalTo("position"))
                .body("errors[0].message", containsString("0 to 1"));
        asEditor().get("/api/pages?status=any").then().body("items.title", contains("About", "History"));
    }

    @Test
    void pathTakenByAnotherPageIsAConflict() {
        Page about = data.page("About", null);
        Page history = data.page("History", about);

        asEditor().contentType(JSON).body(json("title", "Our history", "slug", "history", "parentId", about.id))
                .post("/api/pages")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/conflict"))
                .body("detail", containsString("about/history"))
                .body("conflicts[0].kind", equalTo("page"))
                .body("conflicts[0].id", equalTo(history.id.intValue()))
                .body("conflicts[0].label", equalTo("History"))
                .body("conflicts[0].where", equalTo("/about/history"));
        asEditor().get("/api/pages?status=any").then().body("total", equalTo(2));
    }

    @Test
    void aGeneratedSlugThatIsTakenAmongItsSiblingsGetsTheFirstFreeSuffix() {
        Page about = data.page("About", null);
        data.page("History", about);
        data.page("History", null);

        asEditor().contentType(JSON).body(json("title", "History", "parentId", about.id)).post("/api/pages")
                .then().statusCode(201).body("path", equalTo("/about/history-2"));
        asEditor().contentType(JSON).body(json("title", "History", "parentId", about.id)).post("/api/pages")
                .then().statusCode(201).body("path", equalTo("/about/history-3"));
    }

    @Test
    void newsIsReservedAtTheTopLevelOnly() {
        asEditor().contentType(JSON).body(json("title", "Latest", "slug", "news"))
                .post("/api/pages")
                .then().statusCode(422)
                .body("type", equalTo("/problems/validation-failed"))
                .body("errors[0].field", equalTo("slug"))
                .body("errors[0].message", containsString("reserved"));
        // A slug the editor did not choose steps aside instead.
        asEditor().contentType(JSON).body(json("title", "News"))
                .post("/api/pages")
                .then().statusCode(201).body("path", equalTo("/news-2"));

        Page about = data.page("About", null);
        asEditor().contentType(JSON).body(json("title", "News", "parentId", about.id))
                .post("/api/pages")
                .then().statusCode(201).body("path", equalTo("/about/news"));
    }

    @Test
    void unknownParentIsRefused() {
        asEditor().contentType(JSON).body(json("title", "Orphan", "parentId", 999_999))
                .post("/api/pages")
                .then().statusCode(422)
                .body("errors[0].field", equalTo("parentId"))
                .body("errors[0].message", containsString("999999"));
    }

    @Test
    void titleWithoutLettersOrDigitsNeedsASlug() {
        asEditor().contentType(JSON).body(json("title", "!!! ???"))
                .post("/api/pages")
                .then().statusCode(422).body("errors[0].field", equalTo("slug"));
        asEditor().contentType(JSON).body(json("title", "!!! ???", "slug", "questions"))
                .post("/api/pages")
                .then().statusCode(201).body("path", equalTo("/questions"));
    }

    // --- Drafts -----------------------------------------------------------------------------------

    @Test
    void pageCreatedAsDraftIsSeenOnlyBySignedInEditors() {
        Page about = data.page("About", null);
        long draft = createPage(json("title", "Plans", "parentId", about.id));

        when().get("/api/pages/" + draft).then().statusCode(404).body("type", equalTo("/problems/not-found"));
        when().get("/api/pages/by-path/about/plans").then().statusCode(404);
        when().get("/api/pages?perPage=100").then().body("items.title", contains("About"));
        when().get("/api/pages?parent=" + about.id).then().body("items", empty());
        when().get("/api/pages/" + about.id).then().body("children", empty());
        when().get("/api/pages?status=draft").then().statusCode(401)
                .body("type", equalTo("/problems/unauthorized"))
                .header("WWW-Authenticate", containsString("Bearer"));
        when().get("/api/pages?status=any").then().statusCode(401);

        asEditor().get("/api/pages/" + draft).then().statusCode(200).body("status", equalTo("draft"));
        asEditor().get("/api/pages/by-path/about/plans").then().statusCode(200).body("id", equalTo((int) draft));
        asEditor().get("/api/pages/" + about.id).then()
                .body("children.title", contains("Plans"))
                .body("children.status", contains("draft"));
        asEditor().get("/api/pages?status=draft").then().statusCode(200)
                .body("items.title", contains("Plans"));
        asEditor().get("/api/pages?status=any").then().statusCode(200)
                .body("items.title", contains("About", "Plans"));
    }

    @Test
    void publishedPageCreatedBelowADraftStaysHidden() {
        Page hidden = data.page("Hidden", null, page -> page.status = PageStatus.DRAFT);
        long below = createPage(json("title", "Below", "parentId", hidden.id, "status", "published"));

        when().get("/api/pages/" + below).then().statusCode(404);
        when().get("/api/pages/by-path/hidden/below").then().statusCode(404);
        when().get("/api/pages").then().body("items", empty());
        asEditor().get("/api/pages/by-path/hidden/below").then().statusCode(200).body("status", equalTo("published"));
    }

    @Test
    void anonymousReadOfAPublishedPageHasNoAuditAndMayBeCached() {
        long id = createPage(json("title", "Contact", "status", "published"));

        given().get("/api/pages/" + id).then().statusCode(200)
                .body("$", not(hasKey("audit")))
                .header("Cache-Control", startsWith("public"))
                .header("ETag", notNullValue());
        asEditor().get("/api/pages/" + id).then().statusCode(200)
                .body("audit.createdBy.id", equalTo(me().path("id")))
                .header("Cache-Control", "private, no-store");
    }

    @Test
    void pageChangedToDraftDisappearsWithItsSubtreeEverywhere() {
        Page services = data.page("Services", null);
        Page centre = data.page("The CVS Centre", services);
        Page roomHire = data.page("Room Hire", centre);
        Page large = data.page("Large Meetings", roomHire);
        Page training = data.page("Training", services);
        Menu main = data.menu("main");
        MenuItem servicesItem = data.menuItem(main, null, "Services", toPage(services));
        MenuItem centreItem = data.menuItem(main, servicesItem, "Centre", toPage(centre));
        data.menuItem(main, centreItem, "Rooms", toPage(roomHire));
        data.menuItem(main, servicesItem, "Training", toPage(training));
        data.menuItem(main, null, "Big rooms", toPage(large));

        patch(centre.id, json("status", "draft")).then().statusCode(200).body("status", equalTo("draft"));

        for (Page hidden : new Page[] {centre, roomHire, large}) {
            when().get("/api/pages/" + hidden.id).then().statusCode(404);
        }
        when().get("/api/pages/by-path/services/the-cvs-centre").then().statusCode(404);
        when().get("/api/pages/by-path/services/the-cvs-centre/room-hire").then().statusCode(404);
        when().get("/api/pages/by-path/services/the-cvs-centre/room-hire/large-meetings").then().statusCode(404);
        when().get("/api/pages?perPage=100").then().body("items.title", contains("Services", "Training"));
        when().get("/api/pages/" + services.id).then().body("children.title", contains("Training"));
        when().get("/api/pages?parent=" + services.id).then().body("items.title", contains("Training"));
        when().get("/api/pages?parent=" + centre.id).then().statusCode(400);
        when().get("/api/menus/main").then().statusCode(200)
                .body("items.label", contains("Services"))
                .body("items[0].children.label", contains("Training"));

        asEditor().get("/api/pages/" + large.id).then().statusCode(200)
                .body("path", equalTo("/services/the-cvs-centre/room-hire/large-meetings"));
        asEditor().get("/api/pages?status=draft").then().body("items.title", contains("The CVS Centre"));
        asEditor().get("/api/menus/main").then()
                .body("items.label", contains("Services", "Big rooms"))
                .body("items[1].hidden", equalTo(true))
                .body("items[0].children[0].hidden", equalTo(true))
                .body("items[0].children[0].children[0].hidden", equalTo(true))
                .body("items[0].children[1].hidden", equalTo(false));

        patch(centre.id, json("status", "published")).then().statusCode(200);
        when().get("/api/pages/" + large.id).then().statusCode(200);
        when().get("/api/menus/main").then().body("items.label", contains("Services", "Big rooms"));
    }

    @Test
    void pageReplacedWithoutAStatusBecomesADraft() {
        Page about = data.page("About", null);

        asEditor().header("If-Match", etag(about.id)).contentType(JSON)
                .body(json("title", "About us"))
                .put("/api/pages/" + about.id)
                .then().statusCode(200)
                .body("status", equalTo("draft"))
                .body("title", equalTo("About us"))
                .body("bodyHtml", equalTo(""));
        when().get("/api/pages/" + about.id).then().statusCode(404);
    }

    @Test
    void publishedPageMovedBelowADraftIsHiddenAndItsOldPathGivesNothingAway() {
        Page drafts = data.page("Drafts", null, page -> page.status = PageStatus.DRAFT);
        Page about = data.page("About", null);
        Page history = data.page("History", about);
        Menu main = data.menu("main");
        data.menuItem(main, null, "About", toPage(about));
        data.menuItem(main, null, "History", toPage(history));
        when().get("/api/menus/main").then().body("items.label", contains("About", "History"));

        patch(about.id, json("parentId", drafts.id)).then().statusCode(200).body("path", equalTo("/drafts/about"));

        when().get("/api/pages/" + about.id).then().statusCode(404);
        when().get("/api/pages/" + history.id).then().statusCode(404);
        when().get("/api/pages").then().body("items", empty());
        when().get("/api/menus/main").then().statusCode(200).body("items", empty());
        noRedirect().get("/api/pages/by-path/about").then().statusCode(404);
        noRedirect().get("/api/pages/by-path/about/history").then().statusCode(404);
        asEditor().redirects().follow(false).get("/api/pages/by-path/about/history").then().statusCode(301)
                .header("Location", endsWith("/api/pages/by-path/drafts/about/history"));
    }

    // --- Moving and renaming ----------------------------------------------------------------------

    @Test
    void movingAPageRewritesThePathsOfItsWholeSubtree() {
        Page services = data.page("Services", null);
        Page centre = data.page("The CVS Centre", services);
        Page training = data.page("Training", services);
        Page roomHire = data.page("Room Hire", centre);
        Page large = data.page("Large Meetings", roomHire);
        Page small = data.page("Small Meetings", roomHire);
        Page about = data.page("About", null);
        data.page("History", about);

        patch(centre.id, json("parentId", about.id)).then().statusCode(200)
                .body("path", equalTo("/about/the-cvs-centre"))
                .body("parentId", equalTo(about.id.intValue()))
                .body("position", equalTo(1))
                .body("breadcrumbs.title", contains("About"))
                .body("children.path", contains("/about/the-cvs-centre/room-hire"));

        when().get("/api/pages/" + roomHire.id).then().statusCode(200)
                .body("path", equalTo("/about/the-cvs-centre/room-hire"))
                .body("breadcrumbs.title", contains("About", "The CVS Centre"))
                .body("breadcrumbs.path", contains("/about", "/about/the-cvs-centre"))
                .body("children.path", contains("/about/the-cvs-centre/room-hire/large-meetings",
                        "/about/the-cvs-centre/room-hire/small-meetings"));
        when().get("/api/pages/" + large.id).then()
                .body("path", equalTo("/about/the-cvs-centre/room-hire/large-meetings"))
                .body("breadcrumbs.title", contains("About", "The CVS Centre", "Room Hire"));
        when().get("/api/pages/" + small.id).then()
                .body("path", equalTo("/about/the-cvs-centre/room-hire/small-meetings"))
                .body("breadcrumbs.path", contains("/about", "/about/the-cvs-centre", "/about/the-cvs-centre/room-hire"));
        when().get("/api/pages/by-path/about/the-cvs-centre/room-hire/small-meetings").then().statusCode(200)
                .body("id", equalTo(small.id.intValue()));

        assertRedirects("services/the-cvs-centre", "about/the-cvs-centre");
        assertRedirects("services/the-cvs-centre/room-hire", "about/the-cvs-centre/room-hire");
        assertRedirects("services/the-cvs-centre/room-hire/large-meetings", "about/the-cvs-centre/room-hire/large-meetings");
        assertRedirects("services/the-cvs-centre/room-hire/small-meetings", "about/the-cvs-centre/room-hire/small-meetings");

        when().get("/api/pages/" + services.id).then()
                .body("children.title", contains("Training"))
                .body("children.position", contains(0));
        when().get("/api/pages/" + training.id).then().body("position", equalTo(0));
        when().get("/api/pages/" + about.id).then()
                .body("children.title", contains("History", "The CVS Centre"))
                .body("children.position", contains(0, 1));
        when().get("/api/pages?perPage=100").then()
                .body("items.path", contains("/about", "/about/history", "/about/the-cvs-centre",
                        "/about/the-cvs-centre/room-hire", "/about/the-cvs-centre/room-hire/large-meetings",
                        "/about/the-cvs-centre/room-hire/small-meetings", "/services", "/services/training"));
    }

    @Test
    void pagesMoveBetweenTheTopLevelAndBelowAParent() {
        Page about = data.page("About", null);
        Page contact = data.page("Contact", null);
        Page email = data.page("Email", contact);

        patch(contact.id, json("parentId", about.id)).then().statusCode(200)
                .body("path", equalTo("/about/contact"))
                .body("breadcrumbs.title", contains("About"));
        when().get("/api/pages/" + email.id).then().body("path", equalTo("/about/contact/email"));
        assertRedirects("contact/email", "about/contact/email");

        patch(email.id, json("parentId", null)).then().statusCode(200)
                .body("path", equalTo("/email"))
                .body("parentId", nullValue())
                .body("position", equalTo(1));
        when().get("/api/pages?parent=0").then().body("items.title", contains("About", "Email"));
        assertRedirects("contact/email", "email");
        assertRedirects("about/contact/email", "email");
    }

    @Test
    void pageMovedWithoutAPositionGoesLastWhateverItsOldPlace() {
        Page left = data.page("Left", null);
        data.page("L One", left);
        data.page("L Two", left);
        Page l3 = data.page("L Three", left);
        Page right = data.page("Right", null);
        data.page("R One", right);

        patch(l3.id, json("parentId", right.id)).then().statusCode(200)
                .body("path", equalTo("/right/l-three"))
                .body("position", equalTo(1));
        when().get("/api/pages/" + right.id).then()
                .body("children.title", contains("R One", "L Three"))
                .body("children.position", contains(0, 1));
        when().get("/api/pages/" + left.id).then().body("children.position", contains(0, 1));
    }

    @Test
    void movedPageAnswersAtItsOriginalPathAgainWhenMovedBack() {
        Page services = data.page("Services", null);
        Page centre = data.page("The CVS Centre", services);
        Page roomHire = data.page("Room Hire", centre);
        Page about = data.page("About", null);

        patch(centre.id, json("parentId", about.id)).then().statusCode(200);
        patch(centre.id, json("parentId", services.id)).then().statusCode(200)
                .body("path", equalTo("/services/the-cvs-centre"));

        noRedirect().get("/api/pages/by-path/services/the-cvs-centre").then().statusCode(200)
                .body("id", equalTo(centre.id.intValue()));
        noRedirect().get("/api/pages/by-path/services/the-cvs-centre/room-hire").then().statusCode(200)
                .body("id", equalTo(roomHire.id.intValue()))
                .body("breadcrumbs.title", contains("Services", "The CVS Centre"));
        assertRedirects("about/the-cvs-centre", "services/the-cvs-centre");
        assertRedirects("about/the-cvs-centre/room-hire", "services/the-cvs-centre/room-hire");
    }

    @Test
    void oldPathsFollowThePageThroughSeveralMoves() {
        Page a = data.page("Alpha", null);
        Page b = data.page("Beta", null);
        Page moving = data.page("Moving", a);
        data.page("Leaf", moving);

        patch(moving.id, json("parentId", b.id)).then().statusCode(200);
        patch(moving.id, json("parentId", null)).then().statusCode(200)
                .body("path", equalTo("/moving"))
                .body("parentId", nullValue())
                .body("breadcrumbs", empty());

        assertRedirects("alpha/moving", "moving");
        assertRedirects("alpha/moving/leaf", "moving/leaf");
        assertRedirects("beta/moving", "moving");
        assertRedirects("beta/moving/leaf", "moving/leaf");
    }

    @Test
    void renamingASlugRedirectsThePageAndEverythingBelowIt() {
        Page services = data.page("Services", null);
        Page centre = data.page("The CVS Centre", services);
        Page roomHire = data.page("Room Hire", centre);

        patch(centre.id, json("slug", "venue")).then().statusCode(200)
                .body("slug", equalTo("venue"))
                .body("path", equalTo("/services/venue"))
                .body("title", equalTo("The CVS Centre"));

        when().get("/api/pages/" + roomHire.id).then().body("path", equalTo("/services/venue/room-hire"));
        assertRedirects("services/the-cvs-centre", "services/venue");
        assertRedirects("services/the-cvs-centre/room-hire", "services/venue/room-hire");
        when().get("/api/pages/by-path/services").then().body("children.path", contains("/services/venue"));
    }

    @Test
    void changingOnlyTheTitleKeepsSlugAndPath() {
        Page about = data.page("About", null);

        patch(about.id, json("title", "About the CVS")).then().statusCode(200)
                .body("title", equalTo("About the CVS"))
                .body("slug", equalTo("about"))
                .body("path", equalTo("/about"));
        noRedirect().get("/api/pages/by-path/about").then().statusCode(200);
    }

    @Test
    void removingTheSlugInAPatchMakesItFromTheTitleAgain() {
        Page about = data.page("About", null, page -> page.slug = page.path = "old-about");

        patch(about.id, "{\"slug\": null, \"title\": \"About Us\"}").then().statusCode(200)
                .body("slug", equalTo("about-us"))
                .body("path", equalTo("/about-us"));
        assertRedirects("old-about", "about-us");
    }

    @Test
    void reorderingSiblingsKeepsPositionsDense() {
        Page parent = data.page("About", null);
        Page first = data.page("First", parent);
        data.page("Second", parent);
        Page third = data.page("Third", parent);

        patch(third.id, json("position", 0)).then().statusCode(200).body("position", equalTo(0));
        when().get("/api/pages/" + parent.id).then()
                .body("children.title", contains("Third", "First", "Second"))
                .body("children.position", contains(0, 1, 2));

        patch(third.id, json("position", 2)).then().statusCode(200).body("position", equalTo(2));
        when().get("/api/pages/" + parent.id).then()
                .body("children.title", contains("First", "Second", "Third"))
                .body("children.position", contains(0, 1, 2));

        patch(first.id, json("position", 3)).then().statusCode(422).body("errors[0].field", equalTo("position"));
        when().get("/api/pages/" + parent.id).then().body("children.title", contains("First", "Second", "Third"));
    }

    @Test
    void movingToAnotherParentAtAGivenPositionRenumbersBothSiblingLists() {
        Page left = data.page("Left", null);
        Page l1 = data.page("L One", left);
        Page l2 = data.page("L Two", left);
        Page l3 = data.page("L Three", left);
        Page right = data.page("Right", null);
        data.page("R One", right);
        data.page("R Two", right);

        asEditor().header("If-Match", etag(l1.id)).contentType(JSON)
                .body(json("title", "L One", "parentId", right.id, "position", 1, "status", "published"))
                .put("/api/pages/" + l1.id)
                .then().statusCode(200)
                .body("path", equalTo("/right/l-one"))
                .body("position", equalTo(1));

        when().get("/api/pages/" + left.id).then()
                .body("children.id", contains(l2.id.intValue(), l3.id.intValue()))
                .body("children.position", contains(0, 1));
        when().get("/api/pages/" + right.id).then()
                .body("children.title", contains("R One", "L One", "R Two"))
                .body("children.position", contains(0, 1, 2));
        assertRedirects("left/l-one", "right/l-one");
    }

    @Test
    void replacingAPageWithoutAPositionKeepsItsPlace() {
        Page parent = data.page("About", null);
        data.page("First", parent);
        Page second = data.page("Second", parent);
        data.page("Third", parent);

        asEditor().header("If-Match", etag(second.id)).contentType(JSON)
                .body(json("title", "Second, renamed", "slug", "second", "parentId", parent.id, "status", "published"))
                .put("/api/pages/" + second.id)
                .then().statusCode(200)
                .body("position", equalTo(1))
                .body("path", equalTo("/about/second"));
        when().get("/api/pages/" + parent.id).then()
                .body("children.title", contains("First", "Second, renamed", "Third"))
                .body("children.position", contains(0, 1, 2));
    }

    @Test
    void replacingATopLevelPageWithoutAParentKeepsItAtTheTop() {
        Page home = data.page("Home", null);
        data.page("Contact", null);

        asEditor().header("If-Match", etag(home.id)).contentType(JSON)
                .body(json("title", "Home", "status", "published", "bodyHtml", "<p>Welcome</p>"))
                .put("/api/pages/" + home.id)
                .then().statusCode(200)
                .body("position", equalTo(0))
                .body("path", equalTo("/home"))
                .body("bodyHtml", equalTo("<p>Welcome</p>"));
    }

    @Test
    void pageCannotMoveBelowItselfOrItsDescendants() {
        Page services = data.page("Services", null);
        Page centre = data.page("The CVS Centre", services);
        Page roomHire = data.page("Room Hire", centre);
        Page large = data.page("Large Meetings", roomHire);
        String before = asEditor().get("/api/pages/" + centre.id).asString();
        String tag = etag(centre.id);

        for (Page target : new Page[] {centre, roomHire, large}) {
            asEditor().header("If-Match", tag).contentType(MERGE_PATCH)
                    .body(jsonText("parentId", target.id))
                    .patch("/api/pages/" + centre.id)
                    .then().statusCode(409)
                    .body("type", equalTo("/problems/conflict"))
                    .body("conflicts[0].kind", equalTo("page"))
                    .body("conflicts[0].id", equalTo(target.id.intValue()));
        }

        assertThat(asEditor().get("/api/pages/" + centre.id).asString()).isEqualTo(before);
        assertThat(etag(centre.id)).isEqualTo(tag);
        when().get("/api/pages/" + large.id).then().body("path", equalTo("/services/the-cvs-centre/room-hire/large-meetings"));
    }

    @Test
    void movingOntoATakenPathIsAConflictNamingTheOtherPage() {
        Page about = data.page("About", null);
        Page aboutHistory = data.page("History", about);
        Page archive = data.page("Archive", null);
        Page history = data.page("History", archive);
        data.page("Old Minutes", history);
        String tag = etag(history.id);

        asEditor().header("If-Match", tag).contentType(MERGE_PATCH)
                .body(jsonText("parentId", about.id))
                .patch("/api/pages/" + history.id)
                .then().statusCode(409)
                .body("type", equalTo("/problems/conflict"))
                .body("conflicts[0].id", equalTo(aboutHistory.id.intValue()))
                .body("conflicts[0].label", equalTo("History"))
                .body("conflicts[0].where", equalTo("/about/history"));
        // Renaming it to its parent's slug is fine: no sibling has that slug. A sibling then cannot take it.
        asEditor().header("If-Match", tag).contentType(MERGE_PATCH)
                .body(jsonText("slug", "archive"))
                .patch("/api/pages/" + history.id)
                .then().statusCode(200).body("path", equalTo("/archive/archive"));
        Page minutes = data.page("Minutes", archive);
        asEditor().header("If-Match", etag(minutes.id)).contentType(MERGE_PATCH)
                .body(jsonText("slug", "archive"))
                .patch("/api/pages/" + minutes.id)
                .then().statusCode(409)
                .body("conflicts[0].id", equalTo(history.id.intValue()))
                .body("conflicts[0].where", equalTo("/archive/archive"));

        when().get("/api/pages/" + minutes.id).then().body("path", equalTo("/archive/minutes"));
        when().get("/api/pages/by-path/archive/archive/old-minutes").then().statusCode(200);
        when().get("/api/pages/" + about.id).then().body("children.title", contains("History"));
    }

    @Test
    void topLevelSlugNewsIsRefusedWhenMovingOrRenaming() {
        Page about = data.page("About", null);
        Page news = data.page("News", about);
        Page contact = data.page("Contact", null);

        patch(news.id, json("parentId", null)).then().statusCode(422)
                .body("errors[0].field", equalTo("slug"));
        patch(contact.id, json("slug", "news")).then().statusCode(422)
                .body("errors[0].field", equalTo("slug"));

        when().get("/api/pages/" + news.id).then().body("path", equalTo("/about/news"));
        when().get("/api/pages/" + contact.id).then().body("path", equalTo("/contact"));
    }

    @Test
    void movingBelowAnUnknownParentIsRefused() {
        Page about = data.page("About", null);

        patch(about.id, json("parentId", 999_999)).then().statusCode(422)
                .body("errors[0].field", equalTo("parentId"));
        when().get("/api/pages/" + about.id).then().body("path", equalTo("/about"));
    }

    @Test
    void newPageAtAFormerPathTakesItOver() {
        Page about = data.page("About", null);
        patch(about.id, json("slug", "about-us")).then().statusCode(200);
        assertRedirects("about", "about-us");

        long fresh = createPage(json("title", "About", "status", "published"));

        noRedirect().get("/api/pages/by-path/about").then().statusCode(200).body("id", equalTo((int) fresh));
    }

    // --- If-Match ---------------------------------------------------------------------------------

    @Test
    void writesWithoutIfMatchAreRefusedAndChangeNothing() {
        Page about = data.page("About", null);
        Page history = data.page("History", about);
        String before = asEditor().get("/api/pages/" + about.id).asString();

        asEditor().contentType(MERGE_PATCH).body(jsonText("title", "Changed"))
                .patch("/api/pages/" + about.id)
                .then().statusCode(428)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/precondition-required"));
        asEditor().contentType(JSON).body(json("title", "Changed"))
                .put("/api/pages/" + about.id)
                .then().statusCode(428).body("type", equalTo("/problems/precondition-required"));
        asEditor().header("If-Match", " ").contentType(JSON).body(json("title", "Changed"))
                .put("/api/pages/" + about.id)
                .then().statusCode(428);
        asEditor().delete("/api/pages/" + history.id)
                .then().statusCode(428).body("type", equalTo("/problems/precondition-required"));

        assertThat(asEditor().get("/api/pages/" + about.id).asString()).isEqualTo(before);
        asEditor().get("/api/pages/" + history.id).then().statusCode(200);
    }

    @Test
    void staleIfMatchIsRefusedAndChangesNothing() {
        Page about = data.page("About", null);
        Page history = data.page("History", about);
        String stale = etag(about.id);
        String staleChild = etag(history.id);
        patch(about.id, json("summary", "Who we are")).then().statusCode(200);
        patch(history.id, json("summary", "Since 1990")).then().statusCode(200);
        String before = asEditor().get("/api/pages/" + about.id).asString();

        asEditor().header("If-Match", stale).contentType(MERGE_PATCH).body(jsonText("title", "Changed", "slug", "changed"))
                .patch("/api/pages/" + about.id)
                .then().statusCode(412)
                .body("type", equalTo("/problems/precondition-failed"))
                .body("detail", containsString("nothing was changed"));
        asEditor().header("If-Match", stale).contentType(JSON).body(json("title", "Changed"))
                .put("/api/pages/" + about.id)
                .then().statusCode(412);
        asEditor().header("If-Match", "\"not-a-real-tag\"").contentType(JSON).body(json("title", "Changed"))
                .put("/api/pages/" + about.id)
                .then().statusCode(412);
        asEditor().header("If-Match", staleChild).delete("/api/pages/" + history.id)
                .then().statusCode(412).body("type", equalTo("/problems/precondition-failed"));

        assertThat(asEditor().get("/api/pages/" + about.id).asString()).isEqualTo(before);
        noRedirect().get("/api/pages/by-path/about/history").then().statusCode(200);
    }

    @Test
    void tagOfAnAnonymousReadIsRefusedWithWhereToGetTheEditingTag() {
        Page about = data.page("About", null);
        data.page("Plans", about, page -> page.status = PageStatus.DRAFT);
        String publicTag = when().get("/api/pages/" + about.id).then().statusCode(200).extract().header("ETag");
        assertThat(publicTag).isNotEqualTo(etag(about.id));

        asEditor().header("If-Match", publicTag).contentType(MERGE_PATCH).body(jsonText("summary", "Who we are"))
                .patch("/api/pages/" + about.id)
                .then().statusCode(412)
                .body("type", equalTo("/problems/precondition-failed"))
                .body("detail", containsString("read the page signed in"));
        asEditor().header("If-Match", publicTag).delete("/api/pages/" + about.id).then().statusCode(412);
        asEditor().get("/api/pages/" + about.id).then().statusCode(200).body("summary", nullValue());
    }

    @Test
    void addingAChildPageLeavesTheParentsEditingTagAsItWas() {
        Page about = data.page("About", null);
        String editingTag = etag(about.id);
        assertThat(editingTag).isEqualTo("\"page-" + about.id + "-v0\"");
        String publicTag = when().get("/api/pages/" + about.id).then().body("children", empty()).extract().header("ETag");

        createPage(json("title", "History", "parentId", about.id, "status", "published"));

        assertThat(when().get("/api/pages/" + about.id).then().body("children.title", contains("History"))
                .extract().header("ETag")).isNotEqualTo(publicTag);
        asEditor().get("/api/pages/by-path/about").then().body("children.title", contains("History"))
                .header("ETag", editingTag);
        asEditor().header("If-Match", editingTag).contentType(MERGE_PATCH).body(jsonText("summary", "Who we are"))
                .patch("/api/pages/" + about.id)
                .then().statusCode(200).body("summary", equalTo("Who we are"))
                .header("ETag", not(equalTo(editingTag)));
    }

    @Test
    void publishingASiblingOrRenamingTheParentLeavesAPagesEditingTagAsItWas() {
        Page about = data.page("About", null);
        Page history = data.page("History", about);
        Page plans = data.page("Plans", about, page -> page.status = PageStatus.DRAFT);
        String editingTag = etag(history.id);

        patch(plans.id, json("status", "published")).then().statusCode(200);
        patch(about.id, json("title", "About us")).then().statusCode(200);

        asEditor().get("/api/pages/" + history.id).then().body("breadcrumbs[0].title", equalTo("About us"))
                .header("ETag", editingTag);
        asEditor().header("If-Match", editingTag).contentType(MERGE_PATCH).body(jsonText("summary", "Since 1975"))
                .patch("/api/pages/" + history.id)
                .then().statusCode(200).body("summary", equalTo("Since 1975"));
    }

    @Test
    void tagOfAWriteIsTheTagOfTheNextRead() {
        Page about = data.page("About", null);

        String afterPatch = patch(about.id, json("summary", "One")).then().statusCode(200).extract().header("ETag");
        assertThat(afterPatch).isEqualTo(etag(about.id));

        String afterPut = asEditor().header("If-Match", afterPatch).contentType(JSON)
                .body(json("title", "About", "summary", "Two", "status", "published"))
                .put("/api/pages/" + about.id)
                .then().statusCode(200).extract().header("ETag");
        assertThat(afterPut).isEqualTo(etag(about.id));

        asEditor().header("If-Match", afterPut).contentType(MERGE_PATCH).body(jsonText("summary", "Three"))
                .patch("/api/pages/" + about.id)
                .then().statusCode(200).body("summary", equalTo("Three"));
    }

    @Test
    void changeRecordsWhoMadeIt() {
        Page about = data.page("About", null);

        patch(about.id, json("summary", "Who we are")).then().statusCode(200)
                .body("audit.createdBy", nullValue())
                .body("audit.updatedBy.id", equalTo(me().path("id")))
                .body("audit.updatedBy.displayName", equalTo(me().path("displayName")));
    }

    // --- Deleting ---------------------------------------------------------------------------------

    @Test
    void deletedPageIsGoneAndItsSiblingsCloseUp() {
        Page about = data.page("About", null);
        Page first = data.page("First", about);
        data.page("Second", about);
        data.page("Third", about);

        asEditor().header("If-Match", etag(first.id)).delete("/api/pages/" + first.id)
                .then().statusCode(204);

        asEditor().get("/api/pages/" + first.id).then().statusCode(404);
        when().get("/api/pages/by-path/about/first").then().statusCode(404);
        when().get("/api/pages/" + about.id).then()
                .body("children.title", contains("Second", "Third"))
                .body("children.position", contains(0, 1));
    }

    @Test
    void deletedPageLeavesNoRedirectsBehind() {
        Page about = data.page("About", null);
        patch(about.id, json("slug", "about-us")).then().statusCode(200);
        assertRedirects("about", "about-us");

        asEditor().header("If-Match", etag(about.id)).delete("/api/pages/" + about.id).then().statusCode(204);

        noRedirect().get("/api/pages/by-path/about").then().statusCode(404);
        noRedirect().get("/api/pages/by-path/about-us").then().statusCode(404);
    }

    @Test
    void pageWithChildPagesCannotBeDeleted() {
        Page about = data.page("About", null);
        Page history = data.page("History", about);
        Page plans = data.page("Plans", about, page -> page.status = PageStatus.DRAFT);

        asEditor().header("If-Match", etag(about.id)).delete("/api/pages/" + about.id)
                .then().statusCode(409)
                .body("type", equalTo("/problems/conflict"))
                .body("detail", containsString("child pages"))
                .body("conflicts.kind", contains("page", "page"))
                .body("conflicts.id", contains(history.id.intValue(), plans.id.intValue()))
                .body("conflicts.label", contains("History", "Plans"))
                .body("conflicts.where", contains("/about/history", "/about/plans"));

        when().get("/api/pages/" + about.id).then().statusCode(200).body("children.title", contains("History"));
    }

    @Test
    void pageLinkedFromAMenuIsDeletedOnlyWithItsMenuLinks() {
        Page about = data.page("About", null);
        Page contact = data.page("Contact", null);
        Menu main = data.menu("main");
        MenuItem aboutItem = data.menuItem(main, null, "About us", toPage(about));
        data.menuItem(main, aboutItem, "Contact", toPage(contact));
        Menu footer = data.menu("footer");
        MenuItem footerItem = data.menuItem(footer, null, "About", toPage(about));

        asEditor().header("If-Match", etag(about.id)).delete("/api/pages/" + about.id)
                .then().statusCode(409)
                .body("type", equalTo("/problems/conflict"))
                .body("detail", containsString("removeMenuLinks=true"))
                .body("conflicts.kind", contains("menu-item", "menu-item"))
                .body("conflicts.id", containsInAnyOrder(aboutItem.id.intValue(), footerItem.id.intValue()))
                .body("conflicts.where", containsInAnyOrder("menu main", "menu footer"));
        when().get("/api/pages/" + about.id).then().statusCode(200);
        when().get("/api/menus/main").then().body("items.label", contains("About us"));

        asEditor().header("If-Match", etag(about.id)).queryParam("removeMenuLinks", "maybe")
                .delete("/api/pages/" + about.id)
                .then().statusCode(400).body("errors[0].field", equalTo("removeMenuLinks"));

        asEditor().header("If-Match", etag(about.id)).queryParam("removeMenuLinks", "true")
                .delete("/api/pages/" + about.id)
                .then().statusCode(204);

        asEditor().get("/api/pages/" + about.id).then().statusCode(404);
        when().get("/api/menus/main").then().statusCode(200)
                .body("items.label", contains("Contact"))
                .body("items[0].link.path", equalTo("/contact"));
        when().get("/api/menus/footer").then().statusCode(200).body("items", empty());
    }

    @Test
    void deletingAnUnknownPageIsNotFound() {
        asEditor().header("If-Match", "\"x\"").delete("/api/pages/999999").then().statusCode(404)
                .body("type", equalTo("/problems/not-found"));
        asEditor().header("If-Match", "\"x\"").contentType(MERGE_PATCH).body(jsonText("title", "x"))
                .patch("/api/pages/999999").then().statusCode(404);
        asEditor().header("If-Match", "\"x\"").contentType(JSON).body(json("title", "x"))
                .put("/api/pages/999999").then().statusCode(404);
    }

    // --- Who may write ----------------------------------------------------------------------------

    @Test
    void writingPagesNeedsSignIn() {
        Page about = data.page("About", null);
        String tag = etag(about.id);

        given().contentType(JSON).body(json("title", "Sneaky")).post("/api/pages")
                .then().statusCode(401).body("type", equalTo("/problems/unauthorized"));
        given().header("If-Match", tag).contentType(JSON).body(json("title", "Sneaky")).put("/api/pages/" + about.id)
                .then().statusCode(401);
        given().header("If-Match", tag).contentType(MERGE_PATCH).body(jsonText("title", "Sneaky")).patch("/api/pages/" + about.id)
                .then().statusCode(401);
        given().header("If-Match", tag).delete("/api/pages/" + about.id).then().statusCode(401);
        given().auth().oauth2("nbs_not-a-real-token").contentType(JSON).body(json("title", "Sneaky")).post("/api/pages")
                .then().statusCode(401);

        asEditor().get("/api/pages?status=any").then().body("items.title", contains("About"));
    }

    @Test
    void adminsEditPagesToo() {
        given().auth().oauth2(data.tokenFor(Role.ADMIN)).contentType(JSON).body(json("title", "Admin's Page"))
                .post("/api/pages")
                .then().statusCode(201).body("slug", equalTo("admins-page"));
    }

    // --- Bad input --------------------------------------------------------------------------------

    @Test
    void unknownPropertyIsRefusedNamingIt() {
        Page about = data.page("About", null);

        asEditor().contentType(JSON).body(json("title", "About", "colour", "red")).post("/api/pages")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/malformed-request"))
                .body("errors[0].field", equalTo("colour"))
                .body("errors[0].message", containsString("known properties"));
        asEditor().header("If-Match", etag(about.id)).contentType(JSON).body(json("title", "About", "parent", 1))
                .put("/api/pages/" + about.id)
                .then().statusCode(400).body("errors[0].field", equalTo("parent"));
        asEditor().header("If-Match", etag(about.id)).contentType(MERGE_PATCH).body(jsonText("colour", "red"))
                .patch("/api/pages/" + about.id)
                .then().statusCode(400)
                .body("type", equalTo("/problems/malformed-request"))
                .body("errors[0].field", equalTo("colour"));
        when().get("/api/pages/" + about.id).then().body("title", equalTo("About"));
    }

    @Test
    void malformedJsonIsRefused() {
        Page about = data.page("About", null);

        asEditor().contentType(JSON).body("{\"title\": \"About\"").post("/api/pages")
                .then().statusCode(400).body("type", equalTo("/problems/malformed-request"));
        asEditor().header("If-Match", etag(about.id)).contentType(JSON).body("{title: About}")
                .put("/api/pages/" + about.id)
                .then().statusCode(400).body("type", equalTo("/problems/malformed-request"));
        asEditor().header("If-Match", etag(about.id)).contentType(MERGE_PATCH).body("{\"title\": ")
                .patch("/api/pages/" + about.id)
                .then().statusCode(400).body("type", equalTo("/problems/malformed-request"));
        asEditor().header("If-Match", etag(about.id)).contentType(MERGE_PATCH).body("[\"title\"]")
                .patch("/api/pages/" + about.id)
                .then().statusCode(400).body("type", equalTo("/problems/malformed-request"));
        asEditor().contentType("text/plain").body("title=About").post("/api/pages")
                .then().statusCode(415).body("type", equalTo("/problems/unsupported-media-type"));
        asEditor().get("/api/pages?status=any").then().body("total", equalTo(1));
    }

    @Test
    void valueOfTheWrongTypeIsRefusedNamingTheField() {
        Page about = data.page("About", null);

        asEditor().contentType(JSON).body(json("title", "x", "position", "first")).post("/api/pages")
                .then().statusCode(400)
                .body("type", equalTo("/problems/malformed-request"))
                .body("errors[0].field", equalTo("position"))
                .body("errors[0].message", containsString("a number"));
        asEditor().contentType(JSON).body(json("title", "x", "status", "archived")).post("/api/pages")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("status"))
                .body("errors[0].message", containsString("draft, published"));
        asEditor().contentType(JSON).body(json("title", "x", "parentId", Map.of("id", 1))).post("/api/pages")
                .then().statusCode(400).body("errors[0].field", equalTo("parentId"));
        asEditor().header("If-Match", etag(about.id)).contentType(MERGE_PATCH).body(jsonText("position", "last"))
                .patch("/api/pages/" + about.id)
                .then().statusCode(400).body("errors[0].field", equalTo("position"));
        asEditor().header("If-Match", etag(about.id)).contentType(MERGE_PATCH).body(jsonText("status", "hidden"))
                .patch("/api/pages/" + about.id)
                .then().statusCode(400).body("errors[0].field", equalTo("status"));
        asEditor().get("/api/pages?status=any").then().body("total", equalTo(1));
    }

    @Test
    void missingOrInvalidFieldsAreListed() {
        Page about = data.page("About", null);

        asEditor().contentType(JSON).body("{}").post("/api/pages")
                .then().statusCode(422)
                .body("type", equalTo("/problems/validation-failed"))
                .body("errors.field", contains("title"));
        asEditor().contentType(JSON).body(json("title", "   ", "slug", "Not A Slug", "position", -1)).post("/api/pages")
                .then().statusCode(422)
                .body("errors.field", contains("position", "slug", "title"));
        asEditor().header("If-Match", etag(about.id)).contentType(JSON).body(json("summary", "No title"))
                .put("/api/pages/" + about.id)
                .then().statusCode(422).body("errors.field", contains("title"));
        asEditor().header("If-Match", etag(about.id)).contentType(MERGE_PATCH).body("{\"title\": null}")
                .patch("/api/pages/" + about.id)
                .then().statusCode(422).body("errors.field", contains("title"));
        asEditor().header("If-Match", etag(about.id)).contentType(MERGE_PATCH).body(jsonText("slug", "Bad Slug!"))
                .patch("/api/pages/" + about.id)
                .then().statusCode(422).body("errors.field", contains("slug"));
        when().get("/api/pages/" + about.id).then().body("title", equalTo("About")).body("path", equalTo("/about"));
    }

    @Test
    void oversizedFieldsAreRefused() {
        Page about = data.page("About", null);

        asEditor().contentType(JSON).body(json("title", "t".repeat(301), "slug", "s".repeat(201),
                        "summary", "s".repeat(2001), "metaDescription", "m".repeat(301),
                        "bodyHtml", "<p>" + "b".repeat(500_000) + "</p>"))
                .post("/api/pages")
                .then().statusCode(422)
                .body("errors.field", contains("bodyHtml", "metaDescription", "slug", "summary", "title"));
        asEditor().header("If-Match", etag(about.id)).contentType(MERGE_PATCH).body(jsonText("title", "t".repeat(301)))
                .patch("/api/pages/" + about.id)
                .then().statusCode(422).body("errors.field", contains("title"));
        asEditor().contentType(JSON).body(json("title", "t".repeat(300), "slug", "long")).post("/api/pages")
                .then().statusCode(201);
    }

    // --- Limits -----------------------------------------------------------------------------------

    @Test
    void aTitleAtItsLimitMakesASlugCutAtAWordBoundaryWithinTheColumn() {
        String title = ("Room Hire For Community Groups And Local Charities ".repeat(7)).substring(0, 300).strip();

        ExtractableResponse<Response> created = asEditor().contentType(JSON).body(json("title", title)).post("/api/pages")
                .then().statusCode(201).extract();

        String slug = created.path("slug");
        assertThat(slug.length()).isLessThanOrEqualTo(200);
        assertThat(title.toLowerCase().replace(' ', '-')).startsWith(slug + "-");
        assertThat((String) created.path("path")).isEqualTo("/" + slug);
    }

    @Test
    void aPageWhosePathWouldOutgrowItsColumnIsRefused() {
        String longSlug = "a".repeat(199);
        Long parent = null;
        for (int depth = 0; depth < 10; depth++) { // 10 levels of 199 characters and 9 slashes: 1999 characters
            parent = createPage(json("title", "Level " + depth, "slug", longSlug, "parentId", parent));
        }
        asEditor().contentType(JSON).body(json("title", "Too deep", "slug", "b", "parentId", parent)).post("/api/pages")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("slug"))
                .body("detail", containsString("2000"));
    }

    @Test
    void aMoveThatWouldMakeAPathBelowTooLongIsRefusedAndChangesNothing() {
        Long parent = null;
        for (int depth = 0; depth < 9; depth++) { // 9 levels of 199 characters and 8 slashes: 1799 characters
            parent = createPage(json("title", "Level " + depth, "slug", "a".repeat(199), "parentId", parent));
        }
        long deepest = parent;
        long mover = createPage(json("title", "Mover", "slug", "m".repeat(150)));
        long child = createPage(json("title", "Child", "slug", "c".repeat(150), "parentId", mover));

        patch(mover, json("parentId", deepest)).then().statusCode(422)
                .body("detail", containsString("one below it"));

        asEditor().get("/api/pages/" + child).then().statusCode(200)
                .body("path", equalTo("/" + "m".repeat(150) + "/" + "c".repeat(150)));
    }

    // --- Helpers ----------------------------------------------------------------------------------

    private RequestSpecification asEditor() {
        return given().auth().oauth2(editor);
    }

    private static RequestSpecification noRedirect() {
        return given().redirects().follow(false);
    }

    private ExtractableResponse<Response> me() {
        return asEditor().get("/api/auth/me").then().statusCode(200).extract();
    }

    private long createPage(Map<String, Object> body) {
        return asEditor().contentType(JSON).body(body).post("/api/pages")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private String etag(long id) {
        return asEditor().get("/api/pages/" + id).then().statusCode(200).extract().header("ETag");
    }

    /** A merge patch sent with the ETag of a fresh read. */
    private Response patch(long id, Object patch) {
        return asEditor().header("If-Match", etag(id)).contentType(MERGE_PATCH)
                .body(patch instanceof String text ? text : toJson(patch))
                .patch("/api/pages/" + id);
    }

    /** Anonymous readers are sent from every old path to the page's current one. */
    private static void assertRedirects(String oldPath, String newPath) {
        noRedirect().get("/api/pages/by-path/" + oldPath)
                .then().statusCode(301)
                .header("Location", endsWith("/api/pages/by-path/" + newPath));
    }

    /** A JSON object of these names and values, which may be null. */
    private static Map<String, Object> json(Object... namesAndValues) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            body.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return body;
    }

    private static String jsonText(Object... namesAndValues) {
        return toJson(json(namesAndValues));
    }

    private static String toJson(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
