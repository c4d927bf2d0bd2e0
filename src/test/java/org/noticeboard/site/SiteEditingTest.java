package org.noticeboard.site;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.noticeboard.support.TestData;
import org.noticeboard.user.Role;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class SiteEditingTest {

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
    void siteSettingsAreReplacedByPut() {
        ExtractableResponse<Response> replaced = asAdmin().header("If-Match", snapshot().etag())
                .contentType(ContentType.JSON).body(bprcvs())
                .put("/api/site")
                .then().statusCode(200)
                .header("ETag", notNullValue())
                .header("Cache-Control", equalTo("private, no-store"))
                .body("name", equalTo("BPRCVS"))
                .body("tagline", equalTo("Supporting the voluntary sector"))
                .body("about", equalTo("Burnley, Pendle and Rossendale CVS."))
                .body("contact.email", equalTo("info@example.org"))
                .body("contact.phone", equalTo("01282 433740"))
                .body("contact.address", equalTo("62-64 Yorkshire Street, Burnley"))
                .body("url", equalTo("https://www.example.org"))
                .body("timezone", equalTo("Europe/London"))
                .body("comments.openOnNewPosts", equalTo(false))
                .body("comments.autoCloseAfterDays", equalTo(14))
                .body("comments.moderation", equalTo("none"))
                .body("audit.updatedAt", notNullValue())
                .body("audit.updatedBy.displayName", startsWith("admin-"))
                .extract();

        Snapshot read = snapshot();
        assertThat(read.body()).isEqualTo(replaced.asString());
        assertThat(read.etag()).isEqualTo(replaced.header("ETag"));
        when().get("/api/site").then().statusCode(200)
                .header("Cache-Control", startsWith("public"))
                .body("name", equalTo("BPRCVS"))
                .body("comments.autoCloseAfterDays", equalTo(14))
                .body("$", not(hasKey("audit")));

        // a replacement leaves out what it does not name; blanks count as nothing
        Map<String, Object> minimal = Map.of("name", "  BPRCVS  ", "tagline", "   ", "timezone", "America/New_York",
                "comments", Map.of("openOnNewPosts", true, "moderation", "all-held"));
        asAdmin().header("If-Match", replaced.header("ETag")).contentType(ContentType.JSON).body(minimal)
                .put("/api/site")
                .then().statusCode(200)
                .body("name", equalTo("BPRCVS"))
                .body("tagline", nullValue())
                .body("about", nullValue())
                .body("contact.email", nullValue())
                .body("url", nullValue())
                .body("timezone", equalTo("America/New_York"))
                .body("comments.autoCloseAfterDays", nullValue());
    }

    @Test
    void mergePatchChangesOnlyTheFieldsItNames() {
        String etag = asAdmin().header("If-Match", snapshot().etag()).contentType(ContentType.JSON).body(bprcvs())
                .put("/api/site").then().statusCode(200).extract().header("ETag");

        etag = asAdmin().header("If-Match", etag).contentType(MERGE_PATCH)
                .body("{\"tagline\": \"Here to help\", \"contact\": {\"phone\": \"01282 000000\"}}")
                .patch("/api/site")
                .then().statusCode(200)
                .body("name", equalTo("BPRCVS"))
                .body("tagline", equalTo("Here to help"))
                .body("contact.phone", equalTo("01282 000000"))
                .body("contact.email", equalTo("info@example.org"))
                .body("contact.address", equalTo("62-64 Yorkshire Street, Burnley"))
                .body("comments.autoCloseAfterDays", equalTo(14))
                .extract().header("ETag");

        asAdmin().header("If-Match", etag).contentType(ContentType.JSON)
                .body("{\"url\": null, \"contact\": {\"address\": null}, \"comments\": {\"autoCloseAfterDays\": null}}")
                .patch("/api/site")
                .then().statusCode(200)
                .body("url", nullValue())
                .body("contact.address", nullValue())
                .body("contact.email", equalTo("info@example.org"))
                .body("comments.autoCloseAfterDays", nullValue())
                .body("comments.openOnNewPosts", equalTo(false))
                .body("comments.moderation", equalTo("none"));

        when().get("/api/site").then().statusCode(200)
                .body("tagline", equalTo("Here to help"))
                .body("url", nullValue())
                .body("comments.autoCloseAfterDays", nullValue());
    }

    @Test
    void newPostsTakeTheSitesCommentDefaults() {
        String editor = data.tokenFor(Role.EDITOR);
        String etag = patchSite(snapshot().etag(), "{\"comments\": {\"openOnNewPosts\": false}}")
                .then().statusCode(200).extract().header("ETag");

        given().auth().oauth2(editor).contentType(ContentType.JSON)
                .body(Map.of("title", "Closed By Default", "status", "published"))
                .post("/api/posts")
                .then().statusCode(201)
                .body("comments.status", equalTo("closed"))
                .body("comments.reason", equalTo("post-setting"))
                .body("comments.moderated", equalTo(true));
        given().auth().oauth2(editor).contentType(ContentType.JSON)
                .body(Map.of("title", "Open On Request", "status", "published", "commentStatus", "open"))
                .post("/api/posts")
                .then().statusCode(201)
                .body("comments.status", equalTo("open"));

        patchSite(etag, "{\"comments\": {\"openOnNewPosts\": true, \"autoCloseAfterDays\": 14, \"moderation\": \"none\"}}")
                .then().statusCode(200);
        ExtractableResponse<Response> open = given().auth().oauth2(editor).contentType(ContentType.JSON)
                .body(Map.of("title", "Open By Default", "status", "published"))
                .post("/api/posts")
                .then().statusCode(201)
                .body("comments.status", equalTo("open"))
                .body("comments.reason", equalTo("post-setting"))
                .body("comments.moderated", equalTo(false))
                .extract();
        Instant publishedAt = Instant.parse(open.path("publishedAt"));
        assertThat(Instant.parse(open.<String>path("comments.autoCloseAt")))
                .isEqualTo(publishedAt.plus(Duration.ofDays(14)));

        when().get("/api/posts/slug/closed-by-default").then().statusCode(200)
                .body("comments.status", equalTo("closed"));
    }

    @Test
    void unknownTimeZoneIsRefusedAndChangesNothing() {
        Snapshot before = snapshot();

        for (String zone : List.of("Mars/Olympus_Mons", "GMT+25", "../../etc/passwd")) {
            expectProblem(patchSite(before.etag(), "{\"timezone\": \"%s\"}".formatted(zone)), 422, "/problems/validation-failed")
                    .body("errors.field", contains("timezone"));
        }
        Map<String, Object> site = new HashMap<>(bprcvs());
        site.put("timezone", "Europe/Londres");
        expectProblem(asAdmin().header("If-Match", before.etag()).contentType(ContentType.JSON).body(site).put("/api/site"),
                422, "/problems/validation-failed")
                .body("errors.field", contains("timezone"));
        expectProblem(patchSite(before.etag(), "{\"timezone\": \" \"}"), 422, "/problems/validation-failed")
                .body("errors.field", contains("timezone"));

        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void commentsCannotAutoCloseAfterZeroDays() {
        Snapshot before = snapshot();

        for (int days : List.of(0, -1, 3651)) {
            expectProblem(patchSite(before.etag(), "{\"comments\": {\"autoCloseAfterDays\": %d}}".formatted(days)),
                    422, "/problems/validation-failed")
                    .body("errors.field", contains("comments.autoCloseAfterDays"));
        }
        Map<String, Object> site = new HashMap<>(bprcvs());
        site.put("comments", Map.of("openOnNewPosts", true, "autoCloseAfterDays", 0, "moderation", "all-held"));
        expectProblem(asAdmin().header("If-Match", before.etag()).contentType(ContentType.JSON).body(site).put("/api/site"),
                422, "/problems/validation-failed")
                .body("errors.field", contains("comments.autoCloseAfterDays"));

        assertThat(snapshot()).isEqualTo(before);
        patchSite(before.etag(), "{\"comments\": {\"autoCloseAfterDays\": 1}}").then().statusCode(200)
                .body("comments.autoCloseAfterDays", equalTo(1));
    }

    @Test
    void staleOrMissingIfMatchIsRefusedAndChangesNothing() {
        String stale = snapshot().etag();
        patchSite(stale, "{\"name\": \"First change\"}").then().statusCode(200);
        Snapshot afterFirstChange = snapshot();

        everyWrite().forEach((write, request) -> {
            Response staleWrite = request.apply(asAdmin().header("If-Match", stale));
            assertThat(staleWrite.statusCode()).as(write).isEqualTo(412);
            assertThat(staleWrite.<String>path("type")).as(write).isEqualTo("/problems/precondition-failed");
            Response unconditional = request.apply(asAdmin());
            assertThat(unconditional.statusCode()).as(write).isEqualTo(428);
            assertThat(unconditional.<String>path("type")).as(write).isEqualTo("/problems/precondition-required");
            assertThat(snapshot()).as(write).isEqualTo(afterFirstChange);
        });

        // the public view's tag is not an editing tag, even when nothing changed since it was read
        String publicTag = when().get("/api/site").then().statusCode(200).extract().header("ETag");
        patchSite(publicTag, "{\"name\": \"Second change\"}").then().statusCode(412)
                .body("type", equalTo("/problems/precondition-failed"))
                .body("detail", containsString("read the site signed in"));
        assertThat(snapshot()).isEqualTo(afterFirstChange);
        patchSite(afterFirstChange.etag(), "{\"name\": \"Second change\"}").then().statusCode(200)
                .body("name", equalTo("Second change"));
    }

    @Test
    void onlyAdminsChangeTheSiteSettings() {
        Snapshot before = snapshot();
        String editor = data.tokenFor(Role.EDITOR);

        everyWrite().forEach((write, request) -> {
            Response asEditor = request.apply(given().auth().oauth2(editor).header("If-Match", before.etag()));
            assertThat(asEditor.statusCode()).as(write).isEqualTo(403);
            assertThat(asEditor.<String>path("type")).as(write).isEqualTo("/problems/forbidden");
            Response anonymous = request.apply(given().header("If-Match", before.etag()));
            assertThat(anonymous.statusCode()).as(write).isEqualTo(401);
            assertThat(anonymous.<String>path("type")).as(write).isEqualTo("/problems/unauthorized");
        });

        assertThat(snapshot()).isEqualTo(before);
        // editors may still read the editorial view
        given().auth().oauth2(editor).get("/api/site").then().statusCode(200)
                .body("audit", notNullValue())
                .body("name", equalTo("Noticeboard"));
    }

    @Test
    void malformedChangesAreRefusedAndChangeNothing() {
        Snapshot before = snapshot();
        String etag = before.etag();

        expectProblem(patchSite(etag, "{\"title\": \"BPRCVS\"}"), 400, "/problems/malformed-request")
                .body("errors.field", contains("title"));
        expectProblem(patchSite(etag, "{\"comments\": {\"open\": true}}"), 400, "/problems/malformed-request")
                .body("errors.field", contains("comments.open"));
        expectProblem(patchSite(etag, "{\"comments\": {\"openOnNewPosts\": \"yes\"}}"), 400, "/problems/malformed-request")
                .body("errors.field", contains("comments.openOnNewPosts"));
        expectProblem(patchSite(etag, "{\"comments\": {\"autoCloseAfterDays\": \"a fortnight\"}}"), 400,
                "/problems/malformed-request")
                .body("errors.field", contains("comments.autoCloseAfterDays"));
        expectProblem(patchSite(etag, "{\"comments\": \"open\"}"), 400, "/problems/malformed-request")
                .body("errors.field", contains("comments"));
        expectProblem(patchSite(etag, "{\"audit\": {\"updatedBy\": null}}"), 400, "/problems/malformed-request")
                .body("errors.field", contains("audit"));
        expectProblem(patchSite(etag, "{\"name\": "), 400, "/problems/malformed-request");
        expectProblem(patchSite(etag, "[]"), 400, "/problems/malformed-request");
        expectProblem(patchSite(etag, ""), 400, "/problems/malformed-request");
        for (String nothing : List.of("", "null")) {
            expectProblem(asAdmin().header("If-Match", etag).contentType(ContentType.JSON).body(nothing).put("/api/site"),
                    422, "/problems/validation-failed")
                    .body("errors.field", contains("(body)"));
        }
        expectProblem(patchSite(etag, "{\"name\": null}"), 422, "/problems/validation-failed")
                .body("errors.field", contains("name"));
        expectProblem(patchSite(etag, "{\"comments\": null}"), 422, "/problems/validation-failed")
                .body("errors.field", contains("comments"));
        expectProblem(patchSite(etag, """
                {"name": "%s", "tagline": "%s", "about": "%s",
                 "contact": {"email": "not an address", "phone": "%s", "address": "%s"}}"""
                        .formatted("n".repeat(201), "t".repeat(301), "a".repeat(10_001), "1".repeat(51), "x".repeat(501))),
                422, "/problems/validation-failed")
                .body("errors.field", contains("about", "contact.address", "contact.email", "contact.phone", "name", "tagline"));
        for (String url : List.of("ftp://example.org", "javascript:alert(1)", "www.example.org", "https://exa mple.org",
                "https://example.org/" + "p".repeat(500))) {
            expectProblem(patchSite(etag, "{\"url\": \"%s\"}".formatted(url)), 422, "/problems/validation-failed")
                    .body("errors.field", contains("url"));
        }
        expectProblem(asAdmin().header("If-Match", etag).contentType(ContentType.JSON)
                .body(Map.of("name", "BPRCVS", "timezone", "Europe/London")).put("/api/site"), 422, "/problems/validation-failed")
                .body("errors.field", contains("comments"));
        expectProblem(asAdmin().header("If-Match", etag).contentType(ContentType.JSON)
                .body("{\"name\": \"BPRCVS\", \"timezone\": \"Europe/London\", \"comments\": {\"openOnNewPosts\": true, \"moderation\": \"all-held\"}, \"colour\": \"red\"}")
                .put("/api/site"), 400, "/problems/malformed-request")
                .body("errors.field", contains("colour"));
        expectProblem(asAdmin().header("If-Match", etag).contentType(ContentType.JSON).body("{\"name\": \"BPRCVS\"")
                .put("/api/site"), 400, "/problems/malformed-request");
        expectProblem(asAdmin().header("If-Match", etag).contentType(ContentType.TEXT).body("BPRCVS")
                .put("/api/site"), 415, "/problems/unsupported-media-type");

        assertThat(snapshot()).isEqualTo(before);
    }

    /** One of each change the settings accept, given a request carrying whatever headers the test wants. */
    private static Map<String, Function<RequestSpecification, Response>> everyWrite() {
        Map<String, Function<RequestSpecification, Response>> writes = new LinkedHashMap<>();
        writes.put("replace", request -> request.contentType(ContentType.JSON).body(bprcvs()).put("/api/site"));
        writes.put("patch", request -> request.contentType(MERGE_PATCH).body("{\"tagline\": \"Changed\"}").patch("/api/site"));
        return writes;
    }

    private static Map<String, Object> bprcvs() {
        Map<String, Object> site = new LinkedHashMap<>();
        site.put("name", "BPRCVS");
        site.put("tagline", "Supporting the voluntary sector");
        site.put("about", "Burnley, Pendle and Rossendale CVS.");
        site.put("contact", Map.of("email", "info@example.org", "phone", "01282 433740",
                "address", "62-64 Yorkshire Street, Burnley"));
        site.put("url", "https://www.example.org");
        site.put("timezone", "Europe/London");
        site.put("comments", Map.of("openOnNewPosts", false, "autoCloseAfterDays", 14, "moderation", "none"));
        return site;
    }

    private Response patchSite(String etag, String patch) {
        return asAdmin().header("If-Match", etag).contentType(MERGE_PATCH).body(patch).patch("/api/site");
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

    /** The settings as an admin reads them now: body and ETag. */
    private Snapshot snapshot() {
        ExtractableResponse<Response> read = asAdmin().get("/api/site").then().statusCode(200).extract();
        return new Snapshot(read.asString(), read.header("ETag"));
    }

    private record Snapshot(String body, String etag) {
    }
}
