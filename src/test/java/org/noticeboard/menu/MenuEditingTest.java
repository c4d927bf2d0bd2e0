package org.noticeboard.menu;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.noticeboard.category.Category;
import org.noticeboard.page.Page;
import org.noticeboard.page.PageStatus;
import org.noticeboard.post.Post;
import org.noticeboard.support.TestData;
import org.noticeboard.user.Role;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
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
import static org.noticeboard.support.TestData.toPost;

@QuarkusTest
class MenuEditingTest {

    private static final String MERGE_PATCH = "application/merge-patch+json; charset=UTF-8";
    private static final String PROBLEM = "application/problem+json";

    @Inject
    TestData data;

    private String admin;

    @BeforeEach
    void startEmpty() {
        data.reset();
        admin = data.tokenFor(Role.ADMIN);
    }

    @Test
    void menuCreatedWithANestedTreeReadsBackAsSent() {
        Page services = data.page("Services", null);
        Page centre = data.page("The CVS Centre", services);
        Page roomHire = data.page("Room Hire", centre);
        Page large = data.page("Large Meetings", roomHire);
        Post fair = data.post("Summer Fair", post -> { });
        Category newsletters = data.category("Newsletters");
        Map<String, Object> menu = Map.of("slug", "main", "name", "Main menu", "items", List.of(
                item("Services", pageLink(services),
                        item("The CVS Centre", pageLink(centre),
                                item("Room Hire", pageLink(roomHire),
                                        item("Large Meetings", pageLink(large))))),
                item("News", Map.of("type", "news"),
                        item("Summer Fair", Map.of("type", "post", "postId", fair.id)),
                        item("Newsletters", Map.of("type", "category", "categoryId", newsletters.id)),
                        item("July 2025", Map.of("type", "archive", "year", 2025, "month", 7))),
                item("Local Lancashire", Map.of("type", "url", "url", "https://example.org/lancashire")),
                item("Find Us", Map.of("type", "none"))));

        ExtractableResponse<Response> created = asAdmin().contentType(ContentType.JSON).body(menu)
                .post("/api/menus")
                .then().statusCode(201)
                .header("Location", endsWith("/api/menus/main"))
                .header("ETag", notNullValue())
                .header("Cache-Control", equalTo("private, no-store"))
                .body("slug", equalTo("main"))
                .body("name", equalTo("Main menu"))
                .body("items.label", contains("Services", "News", "Local Lancashire", "Find Us"))
                .body("items[0].link.path", equalTo("/services"))
                .body("items[0].link.targetId", equalTo(services.id.intValue()))
                .body("items[0].hidden", equalTo(false))
                .body("items[0].children[0].children[0].label", equalTo("Room Hire"))
                .body("items[0].children[0].children[0].children[0].label", equalTo("Large Meetings"))
                .body("items[0].children[0].children[0].children[0].link.path",
                        equalTo("/services/the-cvs-centre/room-hire/large-meetings"))
                .body("items[0].children[0].children[0].children[0].children", empty())
                .body("items[1].link.path", equalTo("/news"))
                .body("items[1].children.label", contains("Summer Fair", "Newsletters", "July 2025"))
                .body("items[1].children.link.type", contains("post", "category", "archive"))
                .body("items[1].children.link.path",
                        contains("/news/summer-fair", "/news/category/newsletters", "/news/archive/2025/07"))
                .body("items[2].link.type", equalTo("url"))
                .body("items[2].link.url", equalTo("https://example.org/lancashire"))
                .body("items[3].link.type", equalTo("none"))
                .body("items[3].link.path", nullValue())
                .body("audit.createdBy.displayName", startsWith("admin-"))
                .body("audit.updatedBy.displayName", startsWith("admin-"))
                .extract();

        Snapshot read = snapshot("main");
        assertThat(read.body()).isEqualTo(created.asString());
        assertThat(read.etag()).isEqualTo(created.header("ETag"));
        when().get("/api/menus/main").then().statusCode(200)
                .header("Cache-Control", startsWith("public"))
                .body("$", not(hasKey("audit")))
                .body("items.label", contains("Services", "News", "Local Lancashire", "Find Us"))
                .body("items[0]", not(hasKey("hidden")))
                .body("items[0].link", not(hasKey("targetId")))
                .body("items[0].children[0].children[0].children[0].label", equalTo("Large Meetings"));
    }

    @Test
    void itemAddedAtAPositionShiftsItsLaterSiblings() {
        Menu main = data.menu("main");
        data.menuItem(main, null, "A", toNews());
        MenuItem b = data.menuItem(main, null, "B", toNews());
        data.menuItem(main, null, "C", toNews());
        data.menuItem(main, b, "B1", toNews());

        ExtractableResponse<Response> added = asAdmin().header("If-Match", snapshot("main").etag())
                .contentType(ContentType.JSON)
                .body(Map.of("label", "New", "link", Map.of("type", "news"), "position", 1))
                .post("/api/menus/main/items")
                .then().statusCode(201)
                .body("slug", equalTo("main"))
                .body("items.label", contains("A", "New", "B", "C"))
                .extract();
        long newId = idIn(added.header("Location"));
        assertThat(added.header("Location")).endsWith("/api/menus/main/items/" + newId);
        assertThat(((Number) added.path("items[1].id")).longValue()).isEqualTo(newId);
        assertThat(data.menuItemPositions("main", null)).containsExactly(0, 1, 2, 3);

        asAdmin().header("If-Match", added.header("ETag")).contentType(ContentType.JSON)
                .body(Map.of("label", "B2", "link", Map.of("type", "none"), "parentId", b.id))
                .post("/api/menus/main/items")
                .then().statusCode(201)
                .body("items.label", contains("A", "New", "B", "C"))
                .body("items[2].children.label", contains("B1", "B2"));
        assertThat(data.menuItemPositions("main", b.id)).containsExactly(0, 1);

        asAdmin().get(added.header("Location")).then().statusCode(200)
                .body("id", equalTo((int) newId))
                .body("label", equalTo("New"))
                .body("link.type", equalTo("news"))
                .body("link.path", equalTo("/news"))
                .body("children", empty());
    }

    @Test
    void itemMovesToAnotherParentAndPositionWithItsChildren() {
        Menu main = data.menu("main");
        MenuItem a = data.menuItem(main, null, "A", toNews());
        data.menuItem(main, a, "A1", toNews());
        MenuItem a2 = data.menuItem(main, a, "A2", toNews());
        data.menuItem(main, a2, "A2x", toNews());
        data.menuItem(main, a, "A3", toNews());
        MenuItem b = data.menuItem(main, null, "B", toNews());
        data.menuItem(main, b, "B1", toNews());
        data.menuItem(main, b, "B2", toNews());

        asAdmin().header("If-Match", snapshot("main").etag()).contentType(MERGE_PATCH)
                .body("{\"parentId\": %d, \"position\": 1}".formatted(b.id))
                .patch("/api/menus/main/items/" + a2.id)
                .then().statusCode(200)
                .body("items.label", contains("A", "B"))
                .body("items[0].children.label", contains("A1", "A3"))
                .body("items[1].children.label", contains("B1", "A2", "B2"))
                .body("items[1].children[1].children.label", contains("A2x"));

        assertThat(data.menuItemPositions("main", a.id)).containsExactly(0, 1);
        assertThat(data.menuItemPositions("main", b.id)).containsExactly(0, 1, 2);
        asAdmin().get("/api/menus/main/items/" + a2.id).then().statusCode(200)
                .body("children.label", contains("A2x"));
    }

    @Test
    void itemMovesAmongItsSiblingsAndUpToTheTopLevel() {
        Menu main = data.menu("main");
        MenuItem a = data.menuItem(main, null, "A", toNews());
        data.menuItem(main, null, "B", toNews());
        MenuItem c = data.menuItem(main, null, "C", toNews());
        MenuItem c1 = data.menuItem(main, c, "C1", toNews());
        data.menuItem(main, c, "C2", toNews());

        String etag = asAdmin().header("If-Match", snapshot("main").etag()).contentType(MERGE_PATCH)
                .body("{\"position\": 2}")
                .patch("/api/menus/main/items/" + a.id)
                .then().statusCode(200)
                .body("items.label", contains("B", "C", "A"))
                .extract().header("ETag");
        assertThat(data.menuItemPositions("main", null)).containsExactly(0, 1, 2);

        // null removes parentId in a merge patch: the item moves to the top level
        asAdmin().header("If-Match", etag).contentType(MERGE_PATCH)
                .body("{\"parentId\": null, \"position\": 0}")
                .patch("/api/menus/main/items/" + c1.id)
                .then().statusCode(200)
                .body("items.label", contains("C1", "B", "C", "A"))
                .body("items[2].children.label", contains("C2"));
        assertThat(data.menuItemPositions("main", null)).containsExactly(0, 1, 2, 3);
        assertThat(data.menuItemPositions("main", c.id)).containsExactly(0);
    }

    @Test
    void itemMovedToAnotherParentWithoutAPositionGoesLastThere() {
        Menu main = data.menu("main");
        MenuItem a = data.menuItem(main, null, "A", toNews());
        MenuItem b = data.menuItem(main, null, "B", toNews());
        data.menuItem(main, b, "B1", toNews());
        MenuItem c = data.menuItem(main, null, "C", toNews());

        String etag = asAdmin().header("If-Match", snapshot("main").etag()).contentType(MERGE_PATCH)
                .body("{\"parentId\": %d}".formatted(b.id))
                .patch("/api/menus/main/items/" + c.id)
                .then().statusCode(200)
                .body("items.label", contains("A", "B"))
                .body("items[1].children.label", contains("B1", "C"))
                .extract().header("ETag");
        asAdmin().header("If-Match", etag).contentType(MERGE_PATCH)
                .body("{\"parentId\": %d}".formatted(b.id))
                .patch("/api/menus/main/items/" + a.id)
                .then().statusCode(200)
                .body("items.label", contains("B"))
                .body("items[0].children.label", contains("B1", "C", "A"));

        assertThat(data.menuItemPositions("main", null)).containsExactly(0);
        assertThat(data.menuItemPositions("main", b.id)).containsExactly(0, 1, 2);
    }

    @Test
    void itemIsRenamedAndRelinkedByMergePatch() {
        Page about = data.page("About", null);
        Page contact = data.page("Contact", null);
        Post fair = data.post("Summer Fair", post -> { });
        Menu main = data.menu("main");
        MenuItem item = data.menuItem(main, null, "About us", toPage(about));
        data.menuItem(main, item, "Child", toNews());

        String etag = asAdmin().header("If-Match", snapshot("main").etag()).contentType(MERGE_PATCH)
                .body("{\"label\": \"Who we are\"}")
                .patch("/api/menus/main/items/" + item.id)
                .then().statusCode(200)
                .body("items[0].label", equalTo("Who we are"))
                .body("items[0].link.path", equalTo("/about"))
                .body("items[0].children.label", contains("Child"))
                .extract().header("ETag");

        etag = asAdmin().header("If-Match", etag).contentType(MERGE_PATCH)
                .body("{\"link\": {\"pageId\": %d}}".formatted(contact.id))
                .patch("/api/menus/main/items/" + item.id)
                .then().statusCode(200)
                .body("items[0].label", equalTo("Who we are"))
                .body("items[0].link.type", equalTo("page"))
                .body("items[0].link.path", equalTo("/contact"))
                .body("items[0].link.targetId", equalTo(contact.id.intValue()))
                .extract().header("ETag");

        // plain application/json is accepted for merge patches too
        asAdmin().header("If-Match", etag).contentType(ContentType.JSON)
                .body("{\"label\": \"Fair\", \"link\": {\"type\": \"post\", \"pageId\": null, \"postId\": %d}}".formatted(fair.id))
                .patch("/api/menus/main/items/" + item.id)
                .then().statusCode(200)
                .body("items[0].label", equalTo("Fair"))
                .body("items[0].link.type", equalTo("post"))
                .body("items[0].link.path", equalTo("/news/summer-fair"))
                .body("items[0].link.targetId", equalTo(fair.id.intValue()))
                .body("items[0].children.label", contains("Child"));
        assertThat(data.menuItemPositions("main", null)).containsExactly(0);
    }

    @Test
    void itemCannotMoveBelowItselfOrItsOwnDescendant() {
        Menu main = data.menu("main");
        MenuItem a = data.menuItem(main, null, "A", toNews());
        MenuItem b = data.menuItem(main, a, "B", toNews());
        MenuItem c = data.menuItem(main, b, "C", toNews());
        data.menuItem(main, null, "D", toNews());
        Snapshot before = snapshot("main");

        for (MenuItem target : List.of(c, b, a)) {
            asAdmin().header("If-Match", before.etag()).contentType(MERGE_PATCH)
                    .body("{\"label\": \"Moved\", \"parentId\": %d, \"position\": 0}".formatted(target.id))
                    .patch("/api/menus/main/items/" + a.id)
                    .then().statusCode(409)
                    .contentType(PROBLEM)
                    .body("type", equalTo("/problems/conflict"))
                    .body("conflicts[0].kind", equalTo("menu-item"))
                    .body("conflicts[0].id", equalTo(target.id.intValue()))
                    .body("conflicts[0].where", equalTo("menu main"));
        }

        assertThat(snapshot("main")).isEqualTo(before);
    }

    @Test
    void deletedItemsChildrenTakeItsPlaceInOrder() {
        Menu main = data.menu("main");
        data.menuItem(main, null, "X", toNews());
        MenuItem a = data.menuItem(main, null, "A", toNews());
        data.menuItem(main, a, "A1", toNews());
        MenuItem a2 = data.menuItem(main, a, "A2", toNews());
        data.menuItem(main, a2, "A2x", toNews());
        data.menuItem(main, null, "Y", toNews());

        ExtractableResponse<Response> deleted = asAdmin().header("If-Match", snapshot("main").etag())
                .delete("/api/menus/main/items/" + a.id)
                .then().statusCode(200)
                .header("ETag", notNullValue())
                .body("items.label", contains("X", "A1", "A2", "Y"))
                .body("items[2].children.label", contains("A2x"))
                .extract();

        assertThat(data.menuItemPositions("main", null)).containsExactly(0, 1, 2, 3);
        assertThat(data.menuItemPositions("main", a2.id)).containsExactly(0);
        asAdmin().get("/api/menus/main/items/" + a.id).then().statusCode(404)
                .body("type", equalTo("/problems/not-found"));
        assertThat(snapshot("main").body()).isEqualTo(deleted.asString());
    }

    @Test
    void putReplacesTheNameAndTheWholeTree() {
        Page about = data.page("About", null);
        Menu main = data.menu("main");
        MenuItem old = data.menuItem(main, null, "Old", toNews());
        data.menuItem(main, old, "Old child", toNews());

        Map<String, Object> replacement = Map.of("name", "Main navigation", "items", List.of(
                item("About", pageLink(about),
                        item("Find us", Map.of("type", "none"),
                                item("Map", Map.of("type", "url", "url", "https://maps.example.org/bprcvs")))),
                item("News", Map.of("type", "news"))));
        ExtractableResponse<Response> replaced = asAdmin().header("If-Match", snapshot("main").etag())
                .contentType(ContentType.JSON).body(replacement)
                .put("/api/menus/main")
                .then().statusCode(200)
                .body("slug", equalTo("main"))
                .body("name", equalTo("Main navigation"))
                .body("items.label", contains("About", "News"))
                .body("items[0].children[0].label", equalTo("Find us"))
                .body("items[0].children[0].children[0].link.url", equalTo("https://maps.example.org/bprcvs"))
                .extract();

        List<Integer> ids = replaced.path("items.id");
        assertThat(ids).doesNotContain(old.id.intValue());
        asAdmin().get("/api/menus/main/items/" + old.id).then().statusCode(404);
        assertThat(snapshot("main").body()).isEqualTo(replaced.asString());

        asAdmin().header("If-Match", replaced.header("ETag")).contentType(ContentType.JSON)
                .body(Map.of("slug", "primary", "name", "Empty"))
                .put("/api/menus/main")
                .then().statusCode(200)
                .body("slug", equalTo("primary"))
                .body("name", equalTo("Empty"))
                .body("items", empty());
        asAdmin().get("/api/menus/main").then().statusCode(404);
        asAdmin().get("/api/menus/primary").then().statusCode(200).body("items", empty());
    }

    @Test
    void staleIfMatchIsRefusedAndChangesNothing() {
        Menu main = data.menu("main");
        MenuItem home = data.menuItem(main, null, "Home", toNews());
        data.menuItem(main, home, "Child", toNews());
        String stale = snapshot("main").etag();
        asAdmin().header("If-Match", stale).contentType(MERGE_PATCH).body("{\"label\": \"News\"}")
                .patch("/api/menus/main/items/" + home.id)
                .then().statusCode(200);
        Snapshot afterFirstChange = snapshot("main");
        assertThat(afterFirstChange.etag()).isNotEqualTo(stale);

        everyWriteTo("main", home.id).forEach((write, request) -> {
            Response response = request.apply(asAdmin().header("If-Match", stale));
            assertThat(response.statusCode()).as(write).isEqualTo(412);
            assertThat(response.contentType()).as(write).startsWith(PROBLEM);
            assertThat(response.<String>path("type")).as(write).isEqualTo("/problems/precondition-failed");
            assertThat(snapshot("main")).as(write).isEqualTo(afterFirstChange);
        });
    }

    @Test
    void writesWithoutIfMatchAreRefusedAndChangeNothing() {
        Menu main = data.menu("main");
        MenuItem home = data.menuItem(main, null, "Home", toNews());
        Snapshot before = snapshot("main");

        everyWriteTo("main", home.id).forEach((write, request) -> {
            Response response = request.apply(asAdmin());
            assertThat(response.statusCode()).as(write).isEqualTo(428);
            assertThat(response.<String>path("type")).as(write).isEqualTo("/problems/precondition-required");
            assertThat(snapshot("main")).as(write).isEqualTo(before);
        });
    }

    @Test
    void eachChangeAnswersWithTheETagTheNextChangeNeeds() {
        Menu main = data.menu("main");
        MenuItem home = data.menuItem(main, null, "Home", toNews());
        // item changes take the menu's editing tag, which a signed-in read gives; the public view's tag is refused
        String publicTag = when().get("/api/menus/main").then().statusCode(200).extract().header("ETag");
        asAdmin().header("If-Match", publicTag).contentType(ContentType.JSON)
                .body(Map.of("label", "Lost", "link", Map.of("type", "news")))
                .post("/api/menus/main/items")
                .then().statusCode(412)
                .body("type", equalTo("/problems/precondition-failed"))
                .body("detail", containsString("read the menu signed in"));
        String editingTag = snapshot("main").etag();
        assertThat(editingTag).isNotEqualTo(publicTag);
        List<String> tags = new ArrayList<>(List.of(editingTag));

        ExtractableResponse<Response> added = asAdmin().header("If-Match", editingTag).contentType(ContentType.JSON)
                .body(Map.of("label", "Contact", "link", Map.of("type", "url", "url", "mailto:info@example.org")))
                .post("/api/menus/main/items")
                .then().statusCode(201).extract();
        tags.add(added.header("ETag"));
        long contactId = idIn(added.header("Location"));
        tags.add(asAdmin().header("If-Match", tags.get(tags.size() - 1)).contentType(MERGE_PATCH)
                .body("{\"position\": 0}")
                .patch("/api/menus/main/items/" + contactId)
                .then().statusCode(200).body("items.label", contains("Contact", "Home")).extract().header("ETag"));
        tags.add(asAdmin().header("If-Match", tags.get(tags.size() - 1))
                .delete("/api/menus/main/items/" + home.id)
                .then().statusCode(200).body("items.label", contains("Contact")).extract().header("ETag"));
        tags.add(asAdmin().header("If-Match", tags.get(tags.size() - 1)).contentType(MERGE_PATCH)
                .body("{\"name\": \"Footer\"}")
                .patch("/api/menus/main")
                .then().statusCode(200).body("name", equalTo("Footer")).extract().header("ETag"));
        tags.add(asAdmin().header("If-Match", tags.get(tags.size() - 1)).contentType(ContentType.JSON)
                .body(Map.of("name", "Footer", "items", List.of(item("Home", Map.of("type", "news")))))
                .put("/api/menus/main")
                .then().statusCode(200).extract().header("ETag"));

        assertThat(tags).doesNotHaveDuplicates().doesNotContainNull();
        assertThat(snapshot("main").etag()).isEqualTo(tags.get(tags.size() - 1));
        asAdmin().header("If-Match", tags.get(tags.size() - 1)).delete("/api/menus/main").then().statusCode(204);
    }

    @Test
    void publishingOrRenamingALinkedPageLeavesTheMenusEditingTagAsItWas() {
        Page about = data.page("About", null, page -> page.status = PageStatus.DRAFT);
        Menu main = data.menu("main");
        data.menuItem(main, null, "About", toPage(about));
        String editingTag = snapshot("main").etag();
        assertThat(editingTag).isEqualTo("\"menu-" + main.id + "-v0\"");
        when().get("/api/menus/main").then().body("items", empty());
        String editor = data.tokenFor(Role.EDITOR);

        for (String change : new String[]{"{\"status\": \"published\"}", "{\"slug\": \"about-us\"}"}) {
            String pageTag = given().auth().oauth2(editor).get("/api/pages/" + about.id).then().extract().header("ETag");
            given().auth().oauth2(editor).header("If-Match", pageTag).contentType(MERGE_PATCH).body(change)
                    .patch("/api/pages/" + about.id).then().statusCode(200);
        }

        when().get("/api/menus/main").then().body("items[0].link.path", equalTo("/about-us"));
        assertThat(snapshot("main").etag()).isEqualTo(editingTag);
        asAdmin().header("If-Match", editingTag).contentType(ContentType.JSON)
                .body(Map.of("label", "News", "link", Map.of("type", "news")))
                .post("/api/menus/main/items")
                .then().statusCode(201).header("ETag", not(equalTo(editingTag)));
    }

    @Test
    void linksThatNameTheWrongFieldsOrNothingAreRefusedWithTheFieldPath() {
        Page about = data.page("About", null);
        Post fair = data.post("Summer Fair", post -> { });
        Menu main = data.menu("main");
        data.menuItem(main, null, "Home", toNews());
        Snapshot before = snapshot("main");
        record Case(String link, int status, String field) {
        }
        List<Case> cases = List.of(
                new Case("{\"type\": \"page\"}", 422, "link"),
                new Case("{\"type\": \"page\", \"pageId\": 999999}", 422, "link.pageId"),
                new Case("{\"type\": \"page\", \"pageId\": %d, \"postId\": %d}".formatted(about.id, fair.id), 422, "link"),
                new Case("{\"type\": \"post\", \"postId\": 999999}", 422, "link.postId"),
                new Case("{\"type\": \"post\", \"pageId\": %d}".formatted(about.id), 422, "link"),
                new Case("{\"type\": \"category\", \"categoryId\": 999999}", 422, "link.categoryId"),
                new Case("{\"type\": \"archive\", \"year\": 2025}", 422, "link"),
                new Case("{\"type\": \"archive\", \"year\": 2025, \"month\": 13}", 422, "link.month"),
                new Case("{\"type\": \"archive\", \"year\": 0, \"month\": 7}", 422, "link.year"),
                new Case("{\"type\": \"news\", \"url\": \"https://example.org\"}", 422, "link"),
                new Case("{\"type\": \"none\", \"pageId\": %d}".formatted(about.id), 422, "link"),
                new Case("{\"type\": \"url\"}", 422, "link"),
                new Case("{\"type\": \"url\", \"url\": \"javascript:alert(1)\"}", 422, "link.url"),
                new Case("{\"type\": \"url\", \"url\": \"https://example.org/%s\"}".formatted("a".repeat(2000)), 422, "link.url"),
                new Case("{}", 422, "link.type"),
                new Case("null", 422, "link"),
                new Case("{\"type\": \"blog\"}", 400, "link.type"),
                new Case("{\"type\": \"page\", \"pageId\": \"about\"}", 400, "link.pageId"),
                new Case("{\"type\": \"page\", \"page\": %d}".formatted(about.id), 400, "link.page"));

        for (Case invalid : cases) {
            asAdmin().header("If-Match", before.etag()).contentType(ContentType.JSON)
                    .body("{\"label\": \"Broken\", \"link\": %s}".formatted(invalid.link()))
                    .post("/api/menus/main/items")
                    .then().statusCode(invalid.status())
                    .contentType(PROBLEM)
                    .body("type", equalTo(invalid.status() == 400 ? "/problems/malformed-request" : "/problems/validation-failed"))
                    .body("errors.field", contains(invalid.field()));
        }
        assertThat(snapshot("main")).isEqualTo(before);

        // in a whole tree, the path says which item is at fault
        Map<String, Object> tree = Map.of("name", "Main", "items", List.of(
                item("About", pageLink(about)),
                item("News", Map.of("type", "news"),
                        item("Fair", Map.of("type", "post", "postId", fair.id)),
                        item("Gone", Map.of("type", "page", "pageId", 999999)))));
        asAdmin().header("If-Match", before.etag()).contentType(ContentType.JSON).body(tree)
                .put("/api/menus/main")
                .then().statusCode(422)
                .body("type", equalTo("/problems/validation-failed"))
                .body("errors.field", contains("items[1].children[1].link.pageId"));
        assertThat(snapshot("main")).isEqualTo(before);

        Map<String, Object> created = new LinkedHashMap<>(tree);
        created.put("slug", "footer");
        asAdmin().contentType(ContentType.JSON).body(created)
                .post("/api/menus")
                .then().statusCode(422)
                .body("errors.field", contains("items[1].children[1].link.pageId"));
        asAdmin().get("/api/menus/footer").then().statusCode(404);
    }

    @Test
    void menuSlugsAreUnique() {
        Menu main = data.menu("main");
        data.menu("footer");
        Snapshot footer = snapshot("footer");

        asAdmin().contentType(ContentType.JSON).body(Map.of("slug", "main", "name", "Another main"))
                .post("/api/menus")
                .then().statusCode(409)
                .contentType(PROBLEM)
                .body("type", equalTo("/problems/conflict"))
                .body("conflicts.kind", contains("menu"))
                .body("conflicts[0].id", equalTo(main.id.intValue()))
                .body("conflicts[0].label", equalTo("Menu main"))
                .body("conflicts[0].where", equalTo("/api/menus/main"));

        asAdmin().header("If-Match", footer.etag()).contentType(MERGE_PATCH).body("{\"slug\": \"main\"}")
                .patch("/api/menus/footer")
                .then().statusCode(409)
                .body("conflicts[0].id", equalTo(main.id.intValue()));
        asAdmin().header("If-Match", footer.etag()).contentType(ContentType.JSON)
                .body(Map.of("slug", "main", "name", "Footer"))
                .put("/api/menus/footer")
                .then().statusCode(409)
                .body("conflicts[0].id", equalTo(main.id.intValue()));

        assertThat(snapshot("footer")).isEqualTo(footer);
        asAdmin().get("/api/menus").then().statusCode(200)
                .body("slug", contains("footer", "main"))
                .body("name", contains("Menu footer", "Menu main"));
    }

    @Test
    void editorsSeeHiddenItemsMarkedWhileThePublicDoesNotSeeThemAtAll() {
        Page about = data.page("About", null);
        Page draft = data.page("Plans", null, page -> page.status = PageStatus.DRAFT);
        Post unpublished = data.draft("Coming Soon");
        Post scheduled = data.future("Next Week");
        Menu main = data.menu("main");
        data.menuItem(main, null, "About", toPage(about));
        MenuItem plans = data.menuItem(main, null, "Plans", toPage(draft));
        MenuItem underPlans = data.menuItem(main, plans, "Under plans", toNews());
        MenuItem soon = data.menuItem(main, null, "Coming soon", toPost(unpublished));
        data.menuItem(main, null, "Next week", toPost(scheduled));
        String editor = data.tokenFor(Role.EDITOR);

        given().auth().oauth2(editor).get("/api/menus/main").then().statusCode(200)
                .header("Cache-Control", equalTo("private, no-store"))
                .body("items.label", contains("About", "Plans", "Coming soon", "Next week"))
                .body("items.hidden", contains(false, true, true, true))
                .body("items[1].link.targetId", equalTo(draft.id.intValue()))
                .body("items[1].link.path", equalTo("/plans"))
                .body("items[1].children[0].label", equalTo("Under plans"))
                .body("items[1].children[0].hidden", equalTo(true))
                .body("items[2].link.targetId", equalTo(unpublished.id.intValue()))
                .body("audit", notNullValue());
        given().auth().oauth2(editor).get("/api/menus/main/items/" + underPlans.id).then().statusCode(200)
                .body("hidden", equalTo(true));
        given().auth().oauth2(editor).get("/api/menus").then().statusCode(200)
                .body("[0].items.label", contains("About", "Plans", "Coming soon", "Next week"));

        when().get("/api/menus/main").then().statusCode(200)
                .body("items.label", contains("About"))
                .body("items[0]", not(hasKey("hidden")))
                .body("$", not(hasKey("audit")));
        when().get("/api/menus").then().statusCode(200)
                .body("[0].items.label", contains("About"));
        when().get("/api/menus/main/items/" + soon.id).then().statusCode(404);
        when().get("/api/menus/main/items/" + underPlans.id).then().statusCode(404);
    }

    @Test
    void deletingAPageThatMenusLinkToIsRefusedUntilTheLinksAreRemoved() {
        Page about = data.page("About", null);
        Page contact = data.page("Contact", null);
        Menu main = data.menu("main");
        Menu footer = data.menu("footer");
        data.menuItem(main, null, "Home", toNews());
        MenuItem aboutItem = data.menuItem(main, null, "About us", toPage(about));
        data.menuItem(main, aboutItem, "History", toNews());
        data.menuItem(main, aboutItem, "Contact", toPage(contact));
        data.menuItem(main, null, "Last", toNews());
        MenuItem footerItem = data.menuItem(footer, null, "About", toPage(about));
        Snapshot mainBefore = snapshot("main");
        Snapshot footerBefore = snapshot("footer");
        String pageTag = asAdmin().get("/api/pages/" + about.id).then().statusCode(200).extract().header("ETag");

        asAdmin().header("If-Match", pageTag).delete("/api/pages/" + about.id)
                .then().statusCode(409)
                .contentType(PROBLEM)
                .body("type", equalTo("/problems/conflict"))
                .body("conflicts.kind", contains("menu-item", "menu-item"))
                .body("conflicts.id", contains(footerItem.id.intValue(), aboutItem.id.intValue()))
                .body("conflicts.label", contains("About", "About us"))
                .body("conflicts.where", contains("menu footer", "menu main"));
        assertThat(snapshot("main")).isEqualTo(mainBefore);
        assertThat(snapshot("footer")).isEqualTo(footerBefore);
        asAdmin().get("/api/pages/" + about.id).then().statusCode(200).header("ETag", equalTo(pageTag));

        asAdmin().header("If-Match", pageTag).queryParam("removeMenuLinks", "true")
                .delete("/api/pages/" + about.id)
                .then().statusCode(204);

        asAdmin().get("/api/pages/" + about.id).then().statusCode(404);
        asAdmin().get("/api/menus/main").then().statusCode(200)
                .body("items.label", contains("Home", "History", "Contact", "Last"))
                .body("items[2].link.path", equalTo("/contact"));
        assertThat(data.menuItemPositions("main", null)).containsExactly(0, 1, 2, 3);
        asAdmin().get("/api/menus/footer").then().statusCode(200).body("items", empty());
        assertThat(snapshot("main").etag()).isNotEqualTo(mainBefore.etag());
    }

    @Test
    void removingMenuLinksLiftsChildrenPastEveryRemovedItem() {
        Page events = data.page("Events", null);
        Menu main = data.menu("main");
        data.menuItem(main, null, "First", toNews());
        MenuItem outer = data.menuItem(main, null, "Events", toPage(events));
        MenuItem inner = data.menuItem(main, outer, "All events", toPage(events));
        data.menuItem(main, inner, "Quiz night", toNews());
        data.menuItem(main, inner, "Summer fair", toNews());
        data.menuItem(main, outer, "Venues", toNews());
        data.menuItem(main, null, "Last", toNews());
        String pageTag = asAdmin().get("/api/pages/" + events.id).then().statusCode(200).extract().header("ETag");

        asAdmin().header("If-Match", pageTag).queryParam("removeMenuLinks", "true")
                .delete("/api/pages/" + events.id)
                .then().statusCode(204);

        asAdmin().get("/api/menus/main").then().statusCode(200)
                .body("items.label", contains("First", "Quiz night", "Summer fair", "Venues", "Last"))
                .body("items.children.flatten()", empty());
        assertThat(data.menuItemPositions("main", null)).containsExactly(0, 1, 2, 3, 4);
    }

    @Test
    void deletingAPostOrCategoryThatMenusLinkToIsRefusedUntilTheLinksAreRemoved() {
        Category newsletters = data.category("Newsletters");
        Post fair = data.post("Summer Fair", post -> { }, newsletters);
        Menu main = data.menu("main");
        MenuItem news = data.menuItem(main, null, "News", toNews());
        MenuItem fairItem = data.menuItem(main, news, "Fair", toPost(fair));
        MenuItem category = data.menuItem(main, news, "Newsletters", item -> {
            item.linkType = LinkType.CATEGORY;
            item.category = newsletters;
        });
        Snapshot before = snapshot("main");
        String postTag = asAdmin().get("/api/posts/" + fair.id).then().statusCode(200).extract().header("ETag");
        String categoryTag = asAdmin().get("/api/categories/newsletters").then().statusCode(200).extract().header("ETag");

        asAdmin().header("If-Match", postTag).delete("/api/posts/" + fair.id)
                .then().statusCode(409)
                .body("conflicts.id", contains(fairItem.id.intValue()))
                .body("conflicts.where", contains("menu main"));
        asAdmin().header("If-Match", categoryTag).delete("/api/categories/newsletters")
                .then().statusCode(409)
                .body("conflicts.kind", contains("menu-item"))
                .body("conflicts.id", contains(category.id.intValue()));
        assertThat(snapshot("main")).isEqualTo(before);
        asAdmin().get("/api/posts/" + fair.id).then().statusCode(200).header("ETag", equalTo(postTag));
        asAdmin().get("/api/categories/newsletters").then().statusCode(200).header("ETag", equalTo(categoryTag));

        asAdmin().header("If-Match", postTag).queryParam("removeMenuLinks", "true").delete("/api/posts/" + fair.id)
                .then().statusCode(204);
        // the category's post count, and so its tag, changed with the post
        categoryTag = asAdmin().get("/api/categories/newsletters").then().statusCode(200)
                .body("postCount", equalTo(0)).extract().header("ETag");
        asAdmin().header("If-Match", categoryTag).queryParam("removeMenuLinks", "true")
                .delete("/api/categories/newsletters")
                .then().statusCode(204);

        asAdmin().get("/api/menus/main").then().statusCode(200)
                .body("items.label", contains("News"))
                .body("items[0].children", empty());
        asAdmin().get("/api/posts/" + fair.id).then().statusCode(404);
        asAdmin().get("/api/categories/newsletters").then().statusCode(404);
    }

    @Test
    void menuIsRenamedOrGivenANewSlugByMergePatch() {
        Menu main = data.menu("main");
        MenuItem home = data.menuItem(main, null, "Home", toNews());
        Snapshot before = snapshot("main");

        String etag = asAdmin().header("If-Match", before.etag()).contentType(MERGE_PATCH)
                .body("{\"name\": \"  Main navigation  \"}")
                .patch("/api/menus/main")
                .then().statusCode(200)
                .body("slug", equalTo("main"))
                .body("name", equalTo("Main navigation"))
                .body("items.label", contains("Home"))
                .extract().header("ETag");

        asAdmin().header("If-Match", etag).contentType(MERGE_PATCH)
                .body("{\"slug\": \"primary\"}")
                .patch("/api/menus/main")
                .then().statusCode(200)
                .body("slug", equalTo("primary"))
                .body("name", equalTo("Main navigation"));

        asAdmin().get("/api/menus/main").then().statusCode(404);
        asAdmin().get("/api/menus/primary/items/" + home.id).then().statusCode(200).body("label", equalTo("Home"));
    }

    @Test
    void deletedMenuIsGoneWithItsItems() {
        Menu main = data.menu("main");
        MenuItem home = data.menuItem(main, null, "Home", toNews());
        data.menuItem(main, home, "Child", toNews());
        data.menu("footer");

        asAdmin().header("If-Match", snapshot("main").etag()).delete("/api/menus/main")
                .then().statusCode(204);

        asAdmin().get("/api/menus/main").then().statusCode(404);
        asAdmin().get("/api/menus/main/items/" + home.id).then().statusCode(404);
        asAdmin().get("/api/menus").then().statusCode(200).body("slug", contains("footer"));
        assertThat(data.menuItemPositions("main", null)).isEmpty();
    }

    @Test
    void onlyAdminsChangeMenus() {
        Menu main = data.menu("main");
        MenuItem home = data.menuItem(main, null, "Home", toNews());
        Snapshot before = snapshot("main");
        String editor = data.tokenFor(Role.EDITOR);
        Map<String, Function<RequestSpecification, Response>> writes = new LinkedHashMap<>(everyWriteTo("main", home.id));
        writes.put("create menu", request -> request.contentType(ContentType.JSON)
                .body(Map.of("slug", "footer", "name", "Footer")).post("/api/menus"));

        writes.forEach((write, request) -> {
            Response asEditor = request.apply(given().auth().oauth2(editor).header("If-Match", before.etag()));
            assertThat(asEditor.statusCode()).as(write).isEqualTo(403);
            assertThat(asEditor.<String>path("type")).as(write).isEqualTo("/problems/forbidden");
            Response anonymous = request.apply(given().header("If-Match", before.etag()));
            assertThat(anonymous.statusCode()).as(write).isEqualTo(401);
            assertThat(anonymous.<String>path("type")).as(write).isEqualTo("/problems/unauthorized");
            assertThat(anonymous.header("WWW-Authenticate")).as(write).startsWith("Bearer");
        });

        assertThat(snapshot("main")).isEqualTo(before);
        asAdmin().get("/api/menus").then().body("slug", contains("main"));
    }

    @Test
    void malformedAndOversizedMenusAreRefusedBeforeAnythingIsCreated() {
        expectProblem(asAdmin().contentType(ContentType.JSON).body("{\"slug\": \"main\", \"name\": \"Main\", \"colour\": \"red\"}")
                .post("/api/menus"), 400, "/problems/malformed-request")
                .body("errors.field", contains("colour"));
        expectProblem(asAdmin().contentType(ContentType.JSON)
                .body("{\"slug\": \"main\", \"name\": \"Main\", \"items\": [{\"label\": \"A\", \"link\": {\"type\": \"news\"}, "
                        + "\"children\": [{\"label\": \"B\", \"link\": {\"type\": \"page\", \"pageID\": 1}}]}]}")
                .post("/api/menus"), 400, "/problems/malformed-request")
                .body("errors.field", contains("items[0].children[0].link.pageID"));
        expectProblem(asAdmin().contentType(ContentType.JSON).body("{\"slug\": \"main\", \"name\": \"Main\", \"items\": \"none\"}")
                .post("/api/menus"), 400, "/problems/malformed-request")
                .body("errors.field", contains("items"));
        expectProblem(asAdmin().contentType(ContentType.JSON).body("{\"slug\": \"main\", \"name\": {\"en\": \"Main\"}}")
                .post("/api/menus"), 400, "/problems/malformed-request")
                .body("errors.field", contains("name"));
        expectProblem(asAdmin().contentType(ContentType.JSON).body("{\"slug\": \"main\", \"name\": \"Main\"")
                .post("/api/menus"), 400, "/problems/malformed-request");
        expectProblem(asAdmin().contentType(ContentType.JSON).body("[]")
                .post("/api/menus"), 400, "/problems/malformed-request");
        for (String nothing : List.of("", "null")) {
            expectProblem(asAdmin().contentType(ContentType.JSON).body(nothing)
                    .post("/api/menus"), 422, "/problems/validation-failed")
                    .body("errors.field", contains("(body)"));
        }
        expectProblem(asAdmin().contentType(ContentType.JSON).body("{\"name\": \"Main\"}")
                .post("/api/menus"), 422, "/problems/validation-failed")
                .body("errors.field", contains("slug"));
        expectProblem(asAdmin().contentType(ContentType.JSON).body(Map.of("slug", "Main Menu", "name", " "))
                .post("/api/menus"), 422, "/problems/validation-failed")
                .body("errors.field", contains("name", "slug"));
        expectProblem(asAdmin().contentType(ContentType.JSON).body(Map.of("slug", "s".repeat(201), "name", "n".repeat(201)))
                .post("/api/menus"), 422, "/problems/validation-failed")
                .body("errors.field", contains("name", "slug"));
        expectProblem(asAdmin().contentType(ContentType.JSON).body(Map.of("slug", "main", "name", "Main", "items", List.of(
                        item("A", Map.of("type", "news"), item("x".repeat(201), Map.of("type", "news"))))))
                .post("/api/menus"), 422, "/problems/validation-failed")
                .body("errors.field", contains("items[0].children[0].label"));
        expectProblem(asAdmin().contentType(ContentType.XML).body("<menu/>")
                .post("/api/menus"), 415, "/problems/unsupported-media-type");

        Map<String, Object> deepest = item("Level 11", Map.of("type", "news"));
        for (int level = 10; level >= 1; level--) {
            deepest = item("Level " + level, Map.of("type", "news"), deepest);
        }
        expectProblem(asAdmin().contentType(ContentType.JSON).body(Map.of("slug", "main", "name", "Main", "items", List.of(deepest)))
                .post("/api/menus"), 422, "/problems/validation-failed")
                .body("errors.field", contains("items[0]" + ".children[0]".repeat(9) + ".children"));

        List<Map<String, Object>> tooMany = Collections.nCopies(1001, item("News", Map.of("type", "news")));
        expectProblem(asAdmin().contentType(ContentType.JSON).body(Map.of("slug", "main", "name", "Main", "items", tooMany))
                .post("/api/menus"), 422, "/problems/validation-failed")
                .body("errors.field", contains("items[1000]"));

        asAdmin().get("/api/menus").then().statusCode(200).body("$", empty());
    }

    @Test
    void aMenuHoldsTenLevelsAndAThousandItemsHoweverItIsBuilt() {
        Map<String, Object> tenLevels = item("Level 10", Map.of("type", "news"));
        for (int level = 9; level >= 1; level--) {
            tenLevels = item("Level " + level, Map.of("type", "news"), tenLevels);
        }
        asAdmin().contentType(ContentType.JSON).body(Map.of("slug", "main", "name", "Main", "items", List.of(tenLevels)))
                .post("/api/menus").then().statusCode(201)
                .body("items[0]" + ".children[0]".repeat(9) + ".label", equalTo("Level 10"));
        var tree = asAdmin().get("/api/menus/main").then().extract().jsonPath();
        long levelEight = tree.getLong("items[0]" + ".children[0]".repeat(7) + ".id");
        long levelNine = tree.getLong("items[0]" + ".children[0]".repeat(8) + ".id");
        long levelTen = tree.getLong("items[0]" + ".children[0]".repeat(9) + ".id");

        // One item at a time: nothing below level 10, and no subtree moved so that it reaches past it.
        Snapshot before = snapshot("main");
        expectProblem(asAdmin().header("If-Match", before.etag()).contentType(ContentType.JSON)
                .body(Map.of("label", "Level 11", "link", Map.of("type", "news"), "parentId", levelTen))
                .post("/api/menus/main/items"), 422, "/problems/validation-failed")
                .body("errors.field", contains("parentId"))
                .body("errors.message", contains(containsString("at most 10 levels")));
        Response added = asAdmin().header("If-Match", before.etag()).contentType(ContentType.JSON)
                .body(Map.of("label", "Top", "link", Map.of("type", "news")))
                .post("/api/menus/main/items");
        added.then().statusCode(201);
        long top = idIn(added.header("Location"));
        Snapshot withTop = snapshot("main");
        asAdmin().header("If-Match", withTop.etag()).contentType(ContentType.JSON)
                .body(Map.of("label", "Second", "link", Map.of("type", "news"), "parentId", top))
                .post("/api/menus/main/items").then().statusCode(201);
        Snapshot twoLevels = snapshot("main");
        expectProblem(patchItem(twoLevels.etag(), top, "{\"parentId\": %d}".formatted(levelNine)), 422,
                "/problems/validation-failed")
                .body("errors.field", contains("parentId"));
        assertThat(snapshot("main").body()).isEqualTo(twoLevels.body());
        patchItem(twoLevels.etag(), top, "{\"parentId\": %d}".formatted(levelEight)).then().statusCode(200)
                .body("items[0]" + ".children[0]".repeat(7) + ".children[1].children[0].label", equalTo("Second"));

        // The thousandth item is the last.
        List<Map<String, Object>> full = Collections.nCopies(1000, item("News", Map.of("type", "news")));
        asAdmin().contentType(ContentType.JSON).body(Map.of("slug", "full", "name", "Full", "items", full))
                .post("/api/menus").then().statusCode(201);
        Snapshot fullMenu = snapshot("full");
        expectProblem(asAdmin().header("If-Match", fullMenu.etag()).contentType(ContentType.JSON)
                .body(Map.of("label", "One more", "link", Map.of("type", "news")))
                .post("/api/menus/full/items"), 409, "/problems/conflict");
        assertThat(snapshot("full").body()).isEqualTo(fullMenu.body());
    }

    @Test
    void malformedItemChangesAreRefusedAndChangeNothing() {
        Menu main = data.menu("main");
        MenuItem home = data.menuItem(main, null, "Home", toNews());
        MenuItem about = data.menuItem(main, null, "About", toNews());
        Menu footer = data.menu("footer");
        MenuItem elsewhere = data.menuItem(footer, null, "Elsewhere", toNews());
        Snapshot before = snapshot("main");
        String items = "/api/menus/main/items/";

        expectProblem(patchItem(before.etag(), home.id, "{\"label\": null}"), 422, "/problems/validation-failed")
                .body("errors.field", contains("label"));
        expectProblem(patchItem(before.etag(), home.id, "{\"label\": \"%s\"}".formatted("x".repeat(201))), 422,
                "/problems/validation-failed")
                .body("errors.field", contains("label"));
        expectProblem(patchItem(before.etag(), home.id, "{\"position\": -1}"), 422, "/problems/validation-failed")
                .body("errors.field", contains("position"));
        expectProblem(patchItem(before.etag(), home.id, "{\"position\": 2}"), 422, "/problems/validation-failed")
                .body("errors.field", contains("position"));
        expectProblem(patchItem(before.etag(), home.id, "{\"parentId\": 999999}"), 422, "/problems/validation-failed")
                .body("errors.field", contains("parentId"));
        expectProblem(patchItem(before.etag(), home.id, "{\"parentId\": %d}".formatted(elsewhere.id)), 422,
                "/problems/validation-failed")
                .body("errors.field", contains("parentId"));
        expectProblem(patchItem(before.etag(), home.id, "{\"position\": \"first\"}"), 400, "/problems/malformed-request")
                .body("errors.field", contains("position"));
        expectProblem(patchItem(before.etag(), home.id, "{\"children\": []}"), 400, "/problems/malformed-request")
                .body("errors.field", contains("children"));
        expectProblem(patchItem(before.etag(), home.id, "{\"label\": "), 400, "/problems/malformed-request");
        expectProblem(patchItem(before.etag(), home.id, "[{\"op\": \"replace\"}]"), 400, "/problems/malformed-request");
        expectProblem(patchItem(before.etag(), 999999, "{\"label\": \"Gone\"}"), 404, "/problems/not-found");
        expectProblem(patchItem(before.etag(), elsewhere.id, "{\"label\": \"Wrong menu\"}"), 404, "/problems/not-found");
        expectProblem(asAdmin().header("If-Match", before.etag()).contentType(ContentType.JSON)
                .body(Map.of("label", "Child", "link", Map.of("type", "news"), "parentId", about.id, "position", 1))
                .post("/api/menus/main/items"), 422, "/problems/validation-failed")
                .body("errors.field", contains("position"));
        for (String nothing : List.of("", "null")) {
            expectProblem(asAdmin().header("If-Match", before.etag()).contentType(ContentType.JSON).body(nothing)
                    .post("/api/menus/main/items"), 422, "/problems/validation-failed")
                    .body("errors.field", contains("(body)"));
            expectProblem(asAdmin().header("If-Match", before.etag()).contentType(ContentType.JSON).body(nothing)
                    .put("/api/menus/main"), 422, "/problems/validation-failed")
                    .body("errors.field", contains("(body)"));
            expectProblem(patchItem(before.etag(), home.id, nothing), 400, "/problems/malformed-request");
        }
        expectProblem(asAdmin().header("If-Match", before.etag()).contentType(ContentType.JSON)
                .body(Map.of("link", Map.of("type", "news")))
                .post("/api/menus/main/items"), 422, "/problems/validation-failed")
                .body("errors.field", contains("label"));
        expectProblem(asAdmin().header("If-Match", before.etag()).delete(items + elsewhere.id), 404, "/problems/not-found");
        expectProblem(asAdmin().header("If-Match", before.etag()).delete("/api/menus/nope/items/" + home.id), 404,
                "/problems/not-found");
        expectProblem(asAdmin().header("If-Match", before.etag()).contentType(MERGE_PATCH).body("{\"items\": []}")
                .patch("/api/menus/main"), 400, "/problems/malformed-request")
                .body("errors.field", contains("items"));
        expectProblem(asAdmin().header("If-Match", before.etag()).contentType(MERGE_PATCH).body("{\"slug\": null}")
                .patch("/api/menus/main"), 422, "/problems/validation-failed")
                .body("errors.field", contains("slug"));

        assertThat(snapshot("main")).isEqualTo(before);
        asAdmin().get("/api/menus/footer").then().body("items.label", contains("Elsewhere"));
    }

    /** One of each write a menu accepts, given a request carrying whatever headers the test wants. */
    private static Map<String, Function<RequestSpecification, Response>> everyWriteTo(String slug, long itemId) {
        String menu = "/api/menus/" + slug;
        Map<String, Function<RequestSpecification, Response>> writes = new LinkedHashMap<>();
        writes.put("replace menu", request -> request.contentType(ContentType.JSON)
                .body(Map.of("name", "Replaced", "items", List.of())).put(menu));
        writes.put("rename menu", request -> request.contentType(MERGE_PATCH).body("{\"name\": \"Renamed\"}").patch(menu));
        writes.put("delete menu", request -> request.delete(menu));
        writes.put("add item", request -> request.contentType(ContentType.JSON)
                .body(Map.of("label", "Extra", "link", Map.of("type", "news"))).post(menu + "/items"));
        writes.put("change item", request -> request.contentType(MERGE_PATCH)
                .body("{\"label\": \"Changed\", \"position\": 0}").patch(menu + "/items/" + itemId));
        writes.put("delete item", request -> request.delete(menu + "/items/" + itemId));
        return writes;
    }

    private Response patchItem(String etag, long itemId, String patch) {
        return asAdmin().header("If-Match", etag).contentType(MERGE_PATCH).body(patch).patch("/api/menus/main/items/" + itemId);
    }

    private static ValidatableResponse expectProblem(Response response, int status, String type) {
        return response.then().statusCode(status)
                .contentType(PROBLEM)
                .body("type", equalTo(type))
                .body("status", equalTo(status));
    }

    private RequestSpecification asAdmin() {
        return given().auth().oauth2(admin);
    }

    /** The menu as an admin reads it now: body and ETag. */
    private Snapshot snapshot(String slug) {
        ExtractableResponse<Response> read = asAdmin().get("/api/menus/" + slug).then().statusCode(200).extract();
        return new Snapshot(read.asString(), read.header("ETag"));
    }

    private record Snapshot(String body, String etag) {
    }

    private static long idIn(String location) {
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    private static Consumer<MenuItem> toNews() {
        return item -> item.linkType = LinkType.NEWS;
    }

    private static Map<String, Object> pageLink(Page page) {
        return Map.of("type", "page", "pageId", page.id);
    }

    @SafeVarargs
    private static Map<String, Object> item(String label, Map<String, Object> link, Map<String, Object>... children) {
        return Map.of("label", label, "link", link, "children", List.of(children));
    }
}
