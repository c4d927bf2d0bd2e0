package org.noticeboard.page;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.noticeboard.support.TestData;

import static io.restassured.RestAssured.when;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class PageResourceTest {

    @Inject
    TestData data;

    private Page services;
    private Page centre;
    private Page roomHire;

    @BeforeEach
    void buildTree() {
        data.reset();
        services = data.page("Services", null);
        centre = data.page("The CVS Centre", services);
        roomHire = data.page("Room Hire", centre, page -> page.metaDescription = "Rooms to hire");
        data.page("Large Meetings", roomHire);
        data.page("Small Meetings", roomHire);
        data.page("Unfinished Room", roomHire, page -> page.status = PageStatus.DRAFT);
    }

    @Test
    void pageByFullPathHasBreadcrumbsAndChildren() {
        when().get("/api/pages/by-path/services/the-cvs-centre/room-hire")
                .then().statusCode(200)
                .body("id", equalTo(roomHire.id.intValue()))
                .body("title", equalTo("Room Hire"))
                .body("slug", equalTo("room-hire"))
                .body("path", equalTo("/services/the-cvs-centre/room-hire"))
                .body("bodyHtml", equalTo("<p>About Room Hire</p>"))
                .body("metaDescription", equalTo("Rooms to hire"))
                .body("parentId", equalTo(centre.id.intValue()))
                .body("breadcrumbs.title", contains("Services", "The CVS Centre"))
                .body("breadcrumbs.path", contains("/services", "/services/the-cvs-centre"))
                .body("children.title", contains("Large Meetings", "Small Meetings"))
                .body("children.path", contains("/services/the-cvs-centre/room-hire/large-meetings",
                        "/services/the-cvs-centre/room-hire/small-meetings"))
                .body("children.position", contains(0, 1));
    }

    @Test
    void topLevelPageHasNoBreadcrumbs() {
        when().get("/api/pages/by-path/services").then().statusCode(200)
                .body("breadcrumbs", empty())
                .body("parentId", nullValue())
                .body("children.title", contains("The CVS Centre"));
    }

    @Test
    void pathMayCarrySurroundingSlashes() {
        when().get("/api/pages/by-path/services/the-cvs-centre/").then().statusCode(200)
                .body("id", equalTo(centre.id.intValue()));
    }

    @Test
    void pageById() {
        when().get("/api/pages/" + centre.id).then().statusCode(200)
                .body("path", equalTo("/services/the-cvs-centre"))
                .body("breadcrumbs.title", contains("Services"));
    }

    @Test
    void draftPageAndEverythingBelowItAreInvisible() {
        Page hidden = data.page("Hidden Section", services, page -> page.status = PageStatus.DRAFT);
        Page below = data.page("Published Below Draft", hidden);

        when().get("/api/pages/by-path/services/the-cvs-centre/room-hire/unfinished-room").then().statusCode(404);
        when().get("/api/pages/by-path/services/hidden-section").then().statusCode(404);
        when().get("/api/pages/by-path/services/hidden-section/published-below-draft").then().statusCode(404);
        when().get("/api/pages/" + below.id).then().statusCode(404);
        when().get("/api/pages/by-path/services").then().body("children.title", contains("The CVS Centre"));
        when().get("/api/pages?perPage=100").then()
                .body("items.title", contains("Services", "The CVS Centre", "Room Hire", "Large Meetings", "Small Meetings"))
                .body("total", equalTo(5));
    }

    @Test
    void pagesListByParentInSiblingOrder() {
        data.page("About", null);
        when().get("/api/pages?parent=" + roomHire.id).then().statusCode(200)
                .body("items.title", contains("Large Meetings", "Small Meetings"))
                .body("items[0].parentId", equalTo(roomHire.id.intValue()))
                .body("items[0].path", equalTo("/services/the-cvs-centre/room-hire/large-meetings"));
        when().get("/api/pages?parent=0").then()
                .body("items.title", contains("Services", "About"));
    }

    @Test
    void pagesListIsPagedWithLinks() {
        when().get("/api/pages?perPage=2&page=2").then().statusCode(200)
                .body("items.title", contains("Room Hire", "Large Meetings"))
                .body("total", equalTo(5))
                .body("totalPages", equalTo(3))
                .header("Link", containsString("</api/pages?perPage=2&page=3>; rel=\"next\""));
    }

    @Test
    void badPageQueriesAreRefused() {
        when().get("/api/pages?parent=abc").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("parent"));
        when().get("/api/pages?parent=999999").then().statusCode(400)
                .body("detail", containsString("0 for top-level pages"));
        when().get("/api/pages?perPage=500").then().statusCode(400).body("errors[0].field", equalTo("perPage"));
        when().get("/api/pages?sort=title").then().statusCode(400).body("detail", containsString("parent, perPage"));
    }

    @Test
    void unknownPathIsNotFound() {
        when().get("/api/pages/by-path/services/nowhere")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/not-found"))
                .body("detail", equalTo("No published page has the path 'services/nowhere'"));
    }
}
