package org.noticeboard.category;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.noticeboard.menu.LinkType;
import org.noticeboard.menu.Menu;
import org.noticeboard.post.Post;
import org.noticeboard.support.TestData;
import org.noticeboard.user.Role;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

@QuarkusTest
class CategoryEditingTest {

    private static final String MERGE_PATCH = "application/merge-patch+json; charset=UTF-8";
    private static final String PROBLEM = "application/problem+json";

    @Inject
    TestData data;

    private String editor;

    @BeforeEach
    void startEmpty() {
        data.reset();
        editor = data.tokenFor(Role.EDITOR);
    }

    @Test
    void categoryCreatedWithoutASlugGetsOneMadeFromItsName() {
        ExtractableResponse<Response> created = asEditor().contentType(ContentType.JSON)
                .body(Map.of("name", "  What's On In Pendle  ", "description", " Events around Pendle. "))
                .post("/api/categories")
                .then().statusCode(201)
                .header("Location", endsWith("/api/categories/whats-on-in-pendle"))
                .header("ETag", notNullValue())
                .header("Cache-Control", equalTo("private, no-store"))
                .body("id", notNullValue())
                .body("slug", equalTo("whats-on-in-pendle"))
                .body("name", equalTo("What's On In Pendle"))
                .body("description", equalTo("Events around Pendle."))
                .body("parentSlug", nullValue())
                .body("postCount", equalTo(0))
                .body("path", equalTo("/news/category/whats-on-in-pendle"))
                .body("audit.createdAt", notNullValue())
                .body("audit.createdBy.displayName", startsWith("editor-"))
                .body("audit.updatedBy.displayName", startsWith("editor-"))
                .extract();

        Snapshot read = snapshot("whats-on-in-pendle");
        assertThat(read.body()).isEqualTo(created.asString());
        assertThat(read.etag()).isEqualTo(created.header("ETag"));

        asEditor().contentType(ContentType.JSON).body(Map.of("name", "Café Événements"))
                .post("/api/categories")
                .then().statusCode(201)
                .body("slug", equalTo("cafe-evenements"))
                .body("description", nullValue());
        when().get("/api/categories").then().statusCode(200)
                .body("slug", contains("cafe-evenements", "whats-on-in-pendle"));
    }

    @Test
    void categoryIsCreatedWithAGivenSlugUnderAParent() {
        data.category("What's On In Lancashire");

        asEditor().contentType(ContentType.JSON)
                .body(Map.of("name", "Pendle", "slug", "pendle-events", "parentSlug", "whats-on-in-lancashire"))
                .post("/api/categories")
                .then().statusCode(201)
                .header("Location", endsWith("/api/categories/pendle-events"))
                .body("slug", equalTo("pendle-events"))
                .body("parentSlug", equalTo("whats-on-in-lancashire"));

        when().get("/api/categories/pendle-events").then().statusCode(200)
                .body("parentSlug", equalTo("whats-on-in-lancashire"));
    }

    @Test
    void slugThatIsTakenIsAConflict() {
        Category newsletters = data.category("Newsletters");
        data.category("Events");
        Snapshot events = snapshot("events");

        for (Map<String, Object> clash : List.<Map<String, Object>>of(
                Map.of("name", "Monthly letters", "slug", "newsletters"),
                Map.of("name", "Newsletters", "slug", "newsletters"))) {
            asEditor().contentType(ContentType.JSON).body(clash)
                    .post("/api/categories")
                    .then().statusCode(409)
                    .contentType(PROBLEM)
                    .body("type", equalTo("/problems/conflict"))
                    .body("conflicts.kind", contains("category"))
                    .body("conflicts[0].id", equalTo(newsletters.id.intValue()))
                    .body("conflicts[0].label", equalTo("Newsletters"))
                    .body("conflicts[0].where", equalTo("/api/categories/newsletters"));
        }
        asEditor().header("If-Match", events.etag()).contentType(MERGE_PATCH).body("{\"slug\": \"newsletters\"}")
                .patch("/api/categories/events")
                .then().statusCode(409)
                .body("conflicts[0].id", equalTo(newsletters.id.intValue()));
        asEditor().header("If-Match", events.etag()).contentType(ContentType.JSON)
                .body(Map.of("name", "Newsletters", "slug", "newsletters"))
                .put("/api/categories/events")
                .then().statusCode(409)
                .body("conflicts[0].id", equalTo(newsletters.id.intValue()));

        assertThat(snapshot("events")).isEqualTo(events);
        when().get("/api/categories").then().body("name", contains("Events", "Newsletters"));
    }

    @Test
    void aGeneratedSlugThatIsTakenGetsTheFirstFreeSuffix() {
        data.category("Newsletters");

        asEditor().contentType(ContentType.JSON).body(Map.of("name", "Newsletters")).post("/api/categories")
                .then().statusCode(201).body("slug", equalTo("newsletters-2"));
        asEditor().contentType(ContentType.JSON).body(Map.of("name", "Newsletters!")).post("/api/categories")
                .then().statusCode(201).body("slug", equalTo("newsletters-3"));
    }

    @Test
    void categoryIsReplacedByPutAndItsNewSlugReachesPostsAndMenus() {
        Category news = data.category("News");
        Category letters = data.category("Letters");
        Post post = data.post("Spring Letter", p -> { }, letters);
        Menu main = data.menu("main");
        data.menuItem(main, null, "Letters", item -> {
            item.linkType = LinkType.CATEGORY;
            item.category = letters;
        });
        String admin = data.tokenFor(Role.ADMIN);

        ExtractableResponse<Response> replaced = given().auth().oauth2(admin)
                .header("If-Match", snapshot("letters").etag()).contentType(ContentType.JSON)
                .body(Map.of("name", "Newsletters", "slug", "newsletters", "description", "Monthly news",
                        "parentSlug", "news"))
                .put("/api/categories/letters")
                .then().statusCode(200)
                .body("id", equalTo(letters.id.intValue()))
                .body("slug", equalTo("newsletters"))
                .body("name", equalTo("Newsletters"))
                .body("description", equalTo("Monthly news"))
                .body("parentSlug", equalTo(news.slug))
                .body("postCount", equalTo(1))
                .body("path", equalTo("/news/category/newsletters"))
                .body("audit.createdBy", nullValue())
                .body("audit.updatedBy.displayName", startsWith("admin-"))
                .extract();

        assertThat(snapshot("newsletters").body()).isEqualTo(replaced.asString());
        assertThat(snapshot("newsletters").etag()).isEqualTo(replaced.header("ETag"));
        asEditor().get("/api/categories/letters").then().statusCode(404);
        when().get("/api/posts/" + post.id).then().statusCode(200)
                .body("categories.slug", contains("newsletters"))
                .body("categories.name", contains("Newsletters"));
        when().get("/api/menus/main").then().statusCode(200)
                .body("items[0].link.path", equalTo("/news/category/newsletters"));

        // a replacement without a description or parent leaves neither
        asEditor().header("If-Match", replaced.header("ETag")).contentType(ContentType.JSON)
                .body(Map.of("name", "Newsletters", "slug", "newsletters"))
                .put("/api/categories/newsletters")
                .then().statusCode(200)
                .body("description", nullValue())
                .body("parentSlug", nullValue());
    }

    @Test
    void mergePatchChangesOnlyTheFieldsItNames() {
        Category parent = data.category("Community");
        data.category("Notices", parent);

        String etag = asEditor().header("If-Match", snapshot("notices").etag()).contentType(MERGE_PATCH)
                .body("{\"description\": \"Notices from local groups\"}")
                .patch("/api/categories/notices")
                .then().statusCode(200)
                .body("name", equalTo("Notices"))
                .body("slug", equalTo("notices"))
                .body("parentSlug", equalTo("community"))
                .body("description", equalTo("Notices from local groups"))
                .extract().header("ETag");

        etag = asEditor().header("If-Match", etag).contentType(MERGE_PATCH)
                .body("{\"name\": \"Community Notices\"}")
                .patch("/api/categories/notices")
                .then().statusCode(200)
                .body("name", equalTo("Community Notices"))
                .body("slug", equalTo("notices"))
                .body("description", equalTo("Notices from local groups"))
                .extract().header("ETag");

        // null removes a field: no description, no parent
        asEditor().header("If-Match", etag).contentType(ContentType.JSON)
                .body("{\"description\": null, \"parentSlug\": null}")
                .patch("/api/categories/notices")
                .then().statusCode(200)
                .body("name", equalTo("Community Notices"))
                .body("description", nullValue())
                .body("parentSlug", nullValue());

        when().get("/api/categories/notices").then().statusCode(200)
                .body("name", equalTo("Community Notices"))
                .body("parentSlug", nullValue());
    }

    @Test
    void categoryCannotMoveBelowItselfOrItsOwnSubcategory() {
        Category lancashire = data.category("Lancashire");
        Category pendle = data.category("Pendle", lancashire);
        Category colne = data.category("Colne", pendle);
        Snapshot top = snapshot("lancashire");
        Snapshot middle = snapshot("pendle");

        for (Category below : List.of(colne, pendle, lancashire)) {
            asEditor().header("If-Match", top.etag()).contentType(MERGE_PATCH)
                    .body("{\"name\": \"Moved\", \"parentSlug\": \"%s\"}".formatted(below.slug))
                    .patch("/api/categories/lancashire")
                    .then().statusCode(409)
                    .contentType(PROBLEM)
                    .body("type", equalTo("/problems/conflict"))
                    .body("conflicts[0].kind", equalTo("category"))
                    .body("conflicts[0].id", equalTo(below.id.intValue()));
        }
        asEditor().header("If-Match", middle.etag()).contentType(ContentType.JSON)
                .body(Map.of("name", "Pendle", "slug", "pendle", "parentSlug", "colne"))
                .put("/api/categories/pendle")
                .then().statusCode(409)
                .body("conflicts[0].id", equalTo(colne.id.intValue()));

        assertThat(snapshot("lancashire")).isEqualTo(top);
        assertThat(snapshot("pendle")).isEqualTo(middle);
        assertThat(snapshot("colne").body()).contains("\"parentSlug\":\"pendle\"");
    }

    @Test
    void unknownParentIsInvalid() {
        data.category("Events");
        Snapshot events = snapshot("events");

        expectProblem(asEditor().header("If-Match", events.etag()).contentType(MERGE_PATCH)
                .body("{\"parentSlug\": \"nope\"}").patch("/api/categories/events"), 422, "/problems/validation-failed")
                .body("errors.field", contains("parentSlug"));
        expectProblem(asEditor().contentType(ContentType.JSON).body(Map.of("name", "Orphan", "parentSlug", "nope"))
                .post("/api/categories"), 422, "/problems/validation-failed")
                .body("errors.field", contains("parentSlug"));

        assertThat(snapshot("events")).isEqualTo(events);
        asEditor().get("/api/categories/orphan").then().statusCode(404);
    }

    @Test
    void categoryWithSubcategoriesCannotBeDeletedUntilTheyAreGone() {
        Category lancashire = data.category("Lancashire");
        Category pendle = data.category("Pendle", lancashire);
        Category burnley = data.category("Burnley", lancashire);
        Snapshot before = snapshot("lancashire");

        asEditor().header("If-Match", before.etag()).delete("/api/categories/lancashire")
                .then().statusCode(409)
                .contentType(PROBLEM)
                .body("type", equalTo("/problems/conflict"))
                .body("conflicts.kind", contains("category", "category"))
                .body("conflicts.id", contains(pendle.id.intValue(), burnley.id.intValue()))
                .body("conflicts.where", contains("/api/categories/pendle", "/api/categories/burnley"));
        assertThat(snapshot("lancashire")).isEqualTo(before);

        asEditor().header("If-Match", snapshot("pendle").etag()).delete("/api/categories/pendle").then().statusCode(204);
        asEditor().header("If-Match", snapshot("burnley").etag()).delete("/api/categories/burnley").then().statusCode(204);
        asEditor().header("If-Match", snapshot("lancashire").etag()).delete("/api/categories/lancashire")
                .then().statusCode(204);

        when().get("/api/categories").then().statusCode(200).body("$", empty());
    }

    @Test
    void postsLoseADeletedCategoryAndKeepTheirOthers() {
        Category events = data.category("Events");
        Category newsletters = data.category("Newsletters");
        Post both = data.post("Summer Fair", p -> { }, events, newsletters);
        Post eventOnly = data.post("Quiz Night", p -> { }, events);
        Post draft = data.draft("Draft Plans", events);

        asEditor().header("If-Match", snapshot("events").etag()).delete("/api/categories/events")
                .then().statusCode(204);

        asEditor().get("/api/categories/events").then().statusCode(404);
        when().get("/api/posts/" + both.id).then().statusCode(200)
                .body("title", equalTo("Summer Fair"))
                .body("categories.slug", contains("newsletters"));
        when().get("/api/posts/" + eventOnly.id).then().statusCode(200)
                .body("categories", empty());
        asEditor().get("/api/posts/" + draft.id).then().statusCode(200)
                .body("categories", empty());
        when().get("/api/categories/newsletters").then().statusCode(200).body("postCount", equalTo(1));
        when().get("/api/posts?category=events").then().statusCode(400);
        when().get("/api/posts?category=newsletters").then().statusCode(200).body("items.title", contains("Summer Fair"));
    }

    @Test
    void auditBlockIsShownToSignedInReadersOnly() {
        data.category("Events");
        String admin = data.tokenFor(Role.ADMIN);

        ExtractableResponse<Response> anonymous = when().get("/api/categories/events").then().statusCode(200)
                .header("Cache-Control", startsWith("public"))
                .header("ETag", notNullValue())
                .body("$", not(hasKey("audit")))
                .extract();
        String editingTag = asEditor().get("/api/categories/events").then().statusCode(200)
                .header("Cache-Control", equalTo("private, no-store"))
                .body("audit.createdAt", notNullValue())
                .body("audit.updatedAt", notNullValue())
                .body("audit.createdBy", nullValue())
                .extract().header("ETag");

        // a change takes the tag of a signed-in read, not the public one
        given().auth().oauth2(admin).header("If-Match", anonymous.header("ETag"))
                .contentType(MERGE_PATCH).body("{\"description\": \"Lost\"}")
                .patch("/api/categories/events")
                .then().statusCode(412)
                .body("type", equalTo("/problems/precondition-failed"))
                .body("detail", containsString("read the category signed in"));
        String updatedAt = given().auth().oauth2(admin).header("If-Match", editingTag)
                .contentType(MERGE_PATCH).body("{\"description\": \"What's on\"}")
                .patch("/api/categories/events")
                .then().statusCode(200)
                .body("audit.updatedBy.displayName", startsWith("admin-"))
                .extract().path("audit.updatedAt");

        asEditor().get("/api/categories/events").then().statusCode(200)
                .body("audit.updatedAt", equalTo(updatedAt))
                .body("audit.updatedBy.displayName", startsWith("admin-"));
        when().get("/api/categories/events").then().statusCode(200)
                .body("description", equalTo("What's on"))
                .body("$", not(hasKey("audit")));
        when().get("/api/categories").then().statusCode(200)
                .body("[0]", not(hasKey("audit")));
    }

    @Test
    void staleOrMissingIfMatchIsRefusedAndChangesNothing() {
        data.category("Events");
        String stale = snapshot("events").etag();
        asEditor().header("If-Match", stale).contentType(MERGE_PATCH).body("{\"description\": \"First\"}")
                .patch("/api/categories/events")
                .then().statusCode(200);
        Snapshot afterFirstChange = snapshot("events");

        everyWriteTo("events").forEach((write, request) -> {
            Response staleWrite = request.apply(asEditor().header("If-Match", stale));
            assertThat(staleWrite.statusCode()).as(write).isEqualTo(412);
            assertThat(staleWrite.<String>path("type")).as(write).isEqualTo("/problems/precondition-failed");
            Response unconditional = request.apply(asEditor());
            assertThat(unconditional.statusCode()).as(write).isEqualTo(428);
            assertThat(unconditional.<String>path("type")).as(write).isEqualTo("/problems/precondition-required");
            assertThat(snapshot("events")).as(write).isEqualTo(afterFirstChange);
        });
    }

    @Test
    void publishingAPostInTheCategoryLeavesItsEditingTagAsItWas() {
        data.category("Events");
        Snapshot before = snapshot("events");
        String publicTag = when().get("/api/categories/events").then().body("postCount", equalTo(0)).extract().header("ETag");

        given().auth().oauth2(editor).contentType(ContentType.JSON)
                .body(Map.of("title", "Fair", "status", "published", "categories", List.of("events")))
                .post("/api/posts").then().statusCode(201);

        assertThat(when().get("/api/categories/events").then().body("postCount", equalTo(1)).extract().header("ETag"))
                .isNotEqualTo(publicTag);
        assertThat(snapshot("events").etag()).isEqualTo(before.etag());
        patch(before.etag(), "{\"description\": \"What's on\"}").then().statusCode(200);
    }

    @Test
    void theTagOfADeletedCategoryDoesNotFitANewOneWithItsSlug() {
        data.category("Events");
        String oldTag = snapshot("events").etag();
        asEditor().header("If-Match", oldTag).delete("/api/categories/events").then().statusCode(204);
        post("{\"name\": \"Events\"}").then().statusCode(201);
        assertThat(snapshot("events").etag()).isNotEqualTo(oldTag);

        expectProblem(patch(oldTag, "{\"description\": \"Meant for the old one\"}"), 412, "/problems/precondition-failed");
        when().get("/api/categories/events").then().body("description", nullValue());
    }

    @Test
    void anonymousCannotChangeCategories() {
        data.category("Events");
        Snapshot before = snapshot("events");
        Map<String, Function<RequestSpecification, Response>> writes = new LinkedHashMap<>(everyWriteTo("events"));
        writes.put("create", request -> request.contentType(ContentType.JSON).body(Map.of("name", "Other"))
                .post("/api/categories"));

        writes.forEach((write, request) -> {
            Response anonymous = request.apply(given().header("If-Match", before.etag()));
            assertThat(anonymous.statusCode()).as(write).isEqualTo(401);
            assertThat(anonymous.<String>path("type")).as(write).isEqualTo("/problems/unauthorized");
            Response badToken = request.apply(given().auth().oauth2("not-a-token").header("If-Match", before.etag()));
            assertThat(badToken.statusCode()).as(write).isEqualTo(401);
        });

        assertThat(snapshot("events")).isEqualTo(before);
        when().get("/api/categories").then().body("slug", contains("events"));
    }

    @Test
    void malformedOrOversizedCategoriesAreRefusedBeforeAnythingIsCreated() {
        expectProblem(post("{\"name\": \"Events\", \"colour\": \"red\"}"), 400, "/problems/malformed-request")
                .body("errors.field", contains("colour"));
        expectProblem(post("{\"name\": [\"Events\"]}"), 400, "/problems/malformed-request")
                .body("errors.field", contains("name"));
        expectProblem(post("{\"name\": \"Events\", \"parentSlug\": {\"slug\": \"news\"}}"), 400, "/problems/malformed-request")
                .body("errors.field", contains("parentSlug"));
        expectProblem(post("{\"name\": \"Events\""), 400, "/problems/malformed-request");
        for (String nothing : List.of("", "null")) {
            expectProblem(post(nothing), 422, "/problems/validation-failed")
                    .body("errors.field", contains("(body)"));
        }
        expectProblem(post("\"Events\""), 400, "/problems/malformed-request");
        expectProblem(post("{}"), 422, "/problems/validation-failed")
                .body("errors.field", contains("name"));
        expectProblem(post("{\"name\": \"   \"}"), 422, "/problems/validation-failed")
                .body("errors.field", contains("name"));
        expectProblem(post("{\"name\": \"%s\", \"description\": \"%s\"}".formatted("n".repeat(201), "d".repeat(2001))),
                422, "/problems/validation-failed")
                .body("errors.field", contains("description", "name"));
        expectProblem(post("{\"name\": \"Events\", \"slug\": \"%s\"}".formatted("s".repeat(201))), 422,
                "/problems/validation-failed")
                .body("errors.field", contains("slug"));
        for (String slug : List.of("Events", "events ", "-events", "events--local", "évents", "../admin", "")) {
            expectProblem(asEditor().contentType(ContentType.JSON).body(Map.of("name", "Events", "slug", slug))
                    .post("/api/categories"), 422, "/problems/validation-failed")
                    .body("errors.field", contains("slug"));
        }
        expectProblem(post("{\"name\": \"!!!\"}"), 422, "/problems/validation-failed")
                .body("errors.field", contains("slug"));
        expectProblem(asEditor().contentType(ContentType.XML).body("<category/>").post("/api/categories"), 415,
                "/problems/unsupported-media-type");

        when().get("/api/categories").then().statusCode(200).body("$", empty());
    }

    @Test
    void malformedChangesAreRefusedAndChangeNothing() {
        data.category("Events");
        Snapshot before = snapshot("events");

        expectProblem(patch(before.etag(), "{\"title\": \"Events\"}"), 400, "/problems/malformed-request")
                .body("errors.field", contains("title"));
        expectProblem(patch(before.etag(), "{\"name\": 5.5e3, \"slug\": [1]}"), 400, "/problems/malformed-request");
        expectProblem(patch(before.etag(), "{\"name\": "), 400, "/problems/malformed-request");
        expectProblem(patch(before.etag(), "[\"name\"]"), 400, "/problems/malformed-request");
        expectProblem(patch(before.etag(), "{\"name\": null}"), 422, "/problems/validation-failed")
                .body("errors.field", contains("name"));
        expectProblem(patch(before.etag(), "{\"name\": \"%s\"}".formatted("n".repeat(201))), 422, "/problems/validation-failed")
                .body("errors.field", contains("name"));
        expectProblem(patch(before.etag(), "{\"slug\": \"Not A Slug\"}"), 422, "/problems/validation-failed")
                .body("errors.field", contains("slug"));
        expectProblem(asEditor().header("If-Match", before.etag()).contentType(ContentType.JSON)
                .body("{\"slug\": \"events\"}").put("/api/categories/events"), 422, "/problems/validation-failed")
                .body("errors.field", contains("name"));
        expectProblem(asEditor().header("If-Match", before.etag()).contentType(ContentType.JSON)
                .body("").put("/api/categories/events"), 422, "/problems/validation-failed")
                .body("errors.field", contains("(body)"));
        expectProblem(patch(before.etag(), ""), 400, "/problems/malformed-request");
        expectProblem(asEditor().header("If-Match", before.etag()).contentType(ContentType.JSON)
                .body("{\"name\": \"Events\", \"id\": 99}").put("/api/categories/events"), 400, "/problems/malformed-request")
                .body("errors.field", contains("id"));
        expectProblem(patch(before.etag(), "{\"name\": \"Other\"}", "nope"), 404, "/problems/not-found");
        expectProblem(asEditor().header("If-Match", before.etag()).delete("/api/categories/nope"), 404, "/problems/not-found");
        expectProblem(asEditor().header("If-Match", before.etag()).queryParam("removeMenuLinks", "yes")
                .delete("/api/categories/events"), 400, "/problems/invalid-query");

        assertThat(snapshot("events")).isEqualTo(before);
    }

    /** One of each change a category accepts, given a request carrying whatever headers the test wants. */
    private static Map<String, Function<RequestSpecification, Response>> everyWriteTo(String slug) {
        String category = "/api/categories/" + slug;
        Map<String, Function<RequestSpecification, Response>> writes = new LinkedHashMap<>();
        writes.put("replace", request -> request.contentType(ContentType.JSON)
                .body(Map.of("name", "Replaced", "slug", slug)).put(category));
        writes.put("patch", request -> request.contentType(MERGE_PATCH).body("{\"description\": \"Second\"}").patch(category));
        writes.put("delete", request -> request.delete(category));
        return writes;
    }

    private Response post(String body) {
        return asEditor().contentType(ContentType.JSON).body(body).post("/api/categories");
    }

    private Response patch(String etag, String body) {
        return patch(etag, body, "events");
    }

    private Response patch(String etag, String body, String slug) {
        return asEditor().header("If-Match", etag).contentType(MERGE_PATCH).body(body).patch("/api/categories/" + slug);
    }

    private static ValidatableResponse expectProblem(Response response, int status, String type) {
        return response.then().statusCode(status)
                .contentType(PROBLEM)
                .body("type", equalTo(type))
                .body("status", equalTo(status));
    }

    private RequestSpecification asEditor() {
        return given().auth().oauth2(editor);
    }

    /** The category as an editor reads it now: body and ETag. */
    private Snapshot snapshot(String slug) {
        ExtractableResponse<Response> read = asEditor().get("/api/categories/" + slug).then().statusCode(200).extract();
        return new Snapshot(read.asString(), read.header("ETag"));
    }

    private record Snapshot(String body, String etag) {
    }
}
