package org.noticeboard.user;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.noticeboard.support.TestData;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** The users API: admins only, passwords write-only, and always at least one admin. */
@QuarkusTest
class UserResourceTest {

    private static final String JSON = "application/json; charset=UTF-8";
    private static final String MERGE_PATCH = "application/merge-patch+json; charset=UTF-8";
    private static final String NEW_PASSWORD = "a brand new passphrase";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Inject
    TestData data;

    private String admin;

    @BeforeEach
    void signInAsAdmin() {
        data.reset();
        admin = data.tokenFor(Role.ADMIN);
    }

    // --- Creating and reading ---------------------------------------------------------------------

    @Test
    void adminCreatesAUserWhoCanThenSignIn() {
        ExtractableResponse<Response> created = asAdmin().contentType(JSON)
                .body(json("email", "sam@example.org", "displayName", "Sam Smith", "role", "editor",
                        "password", TestData.PASSWORD))
                .post("/api/users")
                .then().statusCode(201)
                .header("ETag", notNullValue())
                .header("Cache-Control", "private, no-store")
                .body("id", greaterThan(0))
                .body("email", equalTo("sam@example.org"))
                .body("displayName", equalTo("Sam Smith"))
                .body("role", equalTo("editor"))
                .body("createdAt", notNullValue())
                .body("updatedAt", notNullValue())
                .body("$", not(hasKey("password")))
                .body("$", not(hasKey("passwordHash")))
                .extract();
        long id = created.jsonPath().getLong("id");
        assertThat(created.header("Location")).endsWith("/api/users/" + id);

        ExtractableResponse<Response> read = asAdmin().get("/api/users/" + id).then().statusCode(200).extract();
        assertThat(read.asString()).isEqualTo(created.asString());
        assertThat(read.header("ETag")).isEqualTo(created.header("ETag"));

        String token = signIn("sam@example.org", TestData.PASSWORD).then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body("token_type", equalTo("Bearer"))
                .body("expires_in", greaterThan(0))
                .extract().path("access_token");
        given().auth().oauth2(token).get("/api/auth/me").then().statusCode(200)
                .body("id", equalTo((int) id))
                .body("role", equalTo("editor"));
        given().auth().oauth2(token).contentType(JSON).body(json("title", "Sam's page")).post("/api/pages")
                .then().statusCode(201);
        given().auth().oauth2(token).get("/api/users").then().statusCode(403);
    }

    @Test
    void usersAreListedByDisplayName() {
        data.user("zoe@example.org", Role.EDITOR);
        data.user("bea@example.org", Role.ADMIN);
        data.user("cal@example.org", Role.EDITOR);

        asAdmin().get("/api/users").then().statusCode(200)
                .header("ETag", notNullValue())
                .body("size()", equalTo(4))
                .body("displayName[0]", containsString("admin-"))
                .body("displayName[1..3]", contains("bea", "cal", "zoe"))
                .body("email[1..3]", contains("bea@example.org", "cal@example.org", "zoe@example.org"))
                .body("role[1..3]", contains("admin", "editor", "editor"));
    }

    @Test
    void unknownUserIsNotFound() {
        asAdmin().get("/api/users/999999").then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/not-found"));
        asAdmin().header("If-Match", "\"x\"").contentType(MERGE_PATCH).body(jsonText("displayName", "x"))
                .patch("/api/users/999999").then().statusCode(404);
        asAdmin().header("If-Match", "\"x\"").contentType(JSON)
                .body(json("email", "x@example.org", "displayName", "x", "role", "editor"))
                .put("/api/users/999999").then().statusCode(404);
        asAdmin().header("If-Match", "\"x\"").delete("/api/users/999999").then().statusCode(404);
    }

    // --- E-mail addresses -------------------------------------------------------------------------

    @Test
    void emailIsStoredInLowerCaseAndSignInIgnoresCase() {
        long id = createUser("Sam.Smith@Example.ORG", Role.EDITOR);

        asAdmin().get("/api/users/" + id).then().body("email", equalTo("sam.smith@example.org"));
        signIn("sam.smith@example.org", TestData.PASSWORD).then().statusCode(200);
        signIn("SAM.SMITH@EXAMPLE.ORG", TestData.PASSWORD).then().statusCode(200);
        signIn("  Sam.Smith@example.org ", TestData.PASSWORD).then().statusCode(200);
        signIn("sam.smith@example.org", TestData.PASSWORD.toUpperCase()).then().statusCode(401)
                .body("type", equalTo("/problems/unauthorized"));
    }

    @Test
    void emailChangedByPatchIsStoredInLowerCase() {
        long id = createUser("sam@example.org", Role.EDITOR);

        patch(id, json("email", "Samuel@Example.org")).then().statusCode(200)
                .body("email", equalTo("samuel@example.org"));
        signIn("SAMUEL@example.org", TestData.PASSWORD).then().statusCode(200);
        signIn("sam@example.org", TestData.PASSWORD).then().statusCode(401);
    }

    @Test
    void duplicateEmailIsAConflictWhateverItsCase() {
        User sam = data.user("sam@example.org", Role.EDITOR);

        asAdmin().contentType(JSON)
                .body(json("email", "SAM@example.org", "displayName", "Another Sam", "role", "editor",
                        "password", TestData.PASSWORD))
                .post("/api/users")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/conflict"))
                .body("conflicts[0].kind", equalTo("user"))
                .body("conflicts[0].id", equalTo(sam.id.intValue()))
                .body("conflicts[0].label", equalTo("sam"));

        long other = createUser("other@example.org", Role.EDITOR);
        patch(other, json("email", "Sam@Example.org")).then().statusCode(409)
                .body("conflicts[0].id", equalTo(sam.id.intValue()));
        asAdmin().get("/api/users/" + other).then().body("email", equalTo("other@example.org"));
        asAdmin().get("/api/users").then().body("size()", equalTo(3));
    }

    @Test
    void userMayKeepTheirOwnAddressInAnotherCase() {
        long id = createUser("sam@example.org", Role.EDITOR);

        patch(id, json("email", "SAM@example.org", "displayName", "Sam")).then().statusCode(200)
                .body("email", equalTo("sam@example.org"))
                .body("displayName", equalTo("Sam"));
    }

    // --- Passwords --------------------------------------------------------------------------------

    @Test
    void passwordNeedsAtLeastTenCharacters() {
        asAdmin().contentType(JSON).body(newUser("short@example.org", "123456789"))
                .post("/api/users")
                .then().statusCode(422)
                .body("type", equalTo("/problems/validation-failed"))
                .body("errors[0].field", equalTo("password"))
                .body("errors[0].message", containsString("at least 10"));
        asAdmin().contentType(JSON).body(newUser("ten@example.org", "1234567890"))
                .post("/api/users").then().statusCode(201);
        // Ten characters, not ten UTF-16 units: each of these needs two.
        asAdmin().contentType(JSON).body(newUser("emoji@example.org", "😀".repeat(9)))
                .post("/api/users").then().statusCode(422).body("errors[0].field", equalTo("password"));
        asAdmin().contentType(JSON).body(newUser("emoji@example.org", "😀".repeat(10)))
                .post("/api/users").then().statusCode(201);
        signIn("emoji@example.org", "😀".repeat(10)).then().statusCode(200);
    }

    @Test
    void passwordMayBeAtMost72Bytes() {
        asAdmin().contentType(JSON).body(newUser("long@example.org", "x".repeat(73)))
                .post("/api/users")
                .then().statusCode(422)
                .body("errors[0].field", equalTo("password"))
                .body("errors[0].message", containsString("72 bytes"));
        // 37 characters, but 74 bytes in UTF-8.
        asAdmin().contentType(JSON).body(newUser("accents@example.org", "é".repeat(37)))
                .post("/api/users").then().statusCode(422).body("errors[0].field", equalTo("password"));
        asAdmin().contentType(JSON).body(newUser("accents@example.org", "é".repeat(36)))
                .post("/api/users").then().statusCode(201);
        signIn("accents@example.org", "é".repeat(36)).then().statusCode(200);
        signIn("accents@example.org", "é".repeat(35)).then().statusCode(401);

        long id = createUser("sam@example.org", Role.EDITOR);
        patch(id, json("password", "y".repeat(73))).then().statusCode(422).body("errors[0].field", equalTo("password"));
        patch(id, json("password", "too short")).then().statusCode(422).body("errors[0].field", equalTo("password"));
        signIn("sam@example.org", TestData.PASSWORD).then().statusCode(200);
    }

    @Test
    void passwordIsRequiredToCreateAUser() {
        asAdmin().contentType(JSON)
                .body(json("email", "sam@example.org", "displayName", "Sam", "role", "editor"))
                .post("/api/users")
                .then().statusCode(422)
                .body("errors.field", contains("password"));
        asAdmin().get("/api/users").then().body("size()", equalTo(1));
    }

    @Test
    void replacingAUserWithoutAPasswordKeepsIt() {
        long id = createUser("sam@example.org", Role.EDITOR);

        asAdmin().header("If-Match", etag(id)).contentType(JSON)
                .body(json("email", "sam@example.org", "displayName", "Samantha", "role", "editor"))
                .put("/api/users/" + id)
                .then().statusCode(200).body("displayName", equalTo("Samantha"));
        patch(id, json("displayName", "Sam", "password", null)).then().statusCode(200);

        signIn("sam@example.org", TestData.PASSWORD).then().statusCode(200);
    }

    @Test
    void newPasswordReplacesTheOldOne() {
        long id = createUser("sam@example.org", Role.EDITOR);

        patch(id, json("password", NEW_PASSWORD)).then().statusCode(200);
        signIn("sam@example.org", NEW_PASSWORD).then().statusCode(200);
        signIn("sam@example.org", TestData.PASSWORD).then().statusCode(401);

        asAdmin().header("If-Match", etag(id)).contentType(JSON)
                .body(json("email", "sam@example.org", "displayName", "Sam", "role", "editor", "password", TestData.PASSWORD))
                .put("/api/users/" + id)
                .then().statusCode(200);
        signIn("sam@example.org", TestData.PASSWORD).then().statusCode(200);
        signIn("sam@example.org", NEW_PASSWORD).then().statusCode(401);
    }

    @Test
    void responsesNeverContainAPasswordOrItsHash() {
        String created = asAdmin().contentType(JSON).body(newUser("sam@example.org", NEW_PASSWORD))
                .post("/api/users").then().statusCode(201).extract().asString();
        long id = JsonPath.from(created).getLong("id");
        String patched = patch(id, json("password", "another secret phrase")).then().statusCode(200).extract().asString();
        String replaced = asAdmin().header("If-Match", etag(id)).contentType(JSON)
                .body(json("email", "sam@example.org", "displayName", "Sam", "role", "admin", "password", NEW_PASSWORD))
                .put("/api/users/" + id).then().statusCode(200).extract().asString();
        String read = asAdmin().get("/api/users/" + id).then().statusCode(200).extract().asString();
        String listed = asAdmin().get("/api/users").then().statusCode(200).extract().asString();
        String me = given().auth().oauth2(signIn("sam@example.org", NEW_PASSWORD).path("access_token"))
                .get("/api/auth/me").then().statusCode(200).extract().asString();
        String refused = asAdmin().contentType(JSON).body(newUser("eve@example.org", "secret123"))
                .post("/api/users").then().statusCode(422).extract().asString();

        for (String body : new String[] {created, patched, replaced, read, listed, me}) {
            assertThat(body).doesNotContainIgnoringCase("password").doesNotContainIgnoringCase("hash");
        }
        for (String body : new String[] {created, patched, replaced, read, listed, me, refused}) {
            assertThat(body).doesNotContain("$2a$").doesNotContain("$2b$").doesNotContain("$2y$")
                    .doesNotContain(NEW_PASSWORD).doesNotContain("another secret phrase").doesNotContain("secret123");
        }
    }

    // --- The last admin ---------------------------------------------------------------------------

    @Test
    void lastAdminCannotBeDemoted() {
        long self = myId();
        String before = asAdmin().get("/api/users/" + self).asString();

        patch(self, json("role", "editor")).then().statusCode(409)
                .body("type", equalTo("/problems/conflict"))
                .body("detail", containsString("last admin"))
                .body("conflicts[0].kind", equalTo("user"))
                .body("conflicts[0].id", equalTo((int) self));
        asAdmin().header("If-Match", etag(self)).contentType(JSON)
                .body(json("email", myEmail(), "displayName", "Me", "role", "editor"))
                .put("/api/users/" + self)
                .then().statusCode(409);

        assertThat(asAdmin().get("/api/users/" + self).asString()).isEqualTo(before);
        asAdmin().get("/api/users").then().statusCode(200);
    }

    @Test
    void lastAdminCannotBeDeleted() {
        long self = myId();
        data.user("editor@example.org", Role.EDITOR);

        asAdmin().header("If-Match", etag(self)).delete("/api/users/" + self)
                .then().statusCode(409)
                .body("type", equalTo("/problems/conflict"))
                .body("conflicts[0].id", equalTo((int) self));
        asAdmin().get("/api/users/" + self).then().statusCode(200).body("role", equalTo("admin"));
    }

    @Test
    void withAnotherAdminAnAdminMayBeDemotedAndTheOtherIsThenTheLast() {
        long self = myId();
        long other = createUser("second@example.org", Role.ADMIN);

        patch(other, json("role", "editor")).then().statusCode(200).body("role", equalTo("editor"));
        patch(self, json("role", "editor")).then().statusCode(409);

        patch(other, json("role", "admin")).then().statusCode(200);
        asAdmin().header("If-Match", etag(other)).delete("/api/users/" + other).then().statusCode(204);
        asAdmin().header("If-Match", etag(self)).delete("/api/users/" + self).then().statusCode(409);
    }

    @Test
    void adminMayStepDownWhenAnotherAdminRemains() {
        long self = myId();
        createUser("second@example.org", Role.ADMIN);

        patch(self, json("role", "editor")).then().statusCode(200).body("role", equalTo("editor"));

        // The token is looked up on every request: the new role applies at once.
        asAdmin().get("/api/users").then().statusCode(403).body("type", equalTo("/problems/forbidden"));
        asAdmin().contentType(JSON).body(json("title", "Still an editor")).post("/api/pages").then().statusCode(201);
    }

    // --- Deleting ---------------------------------------------------------------------------------

    @Test
    void deletedUsersTokenIsRejectedOnTheNextRequest() {
        long id = createUser("sam@example.org", Role.EDITOR);
        String token = signIn("sam@example.org", TestData.PASSWORD).then().statusCode(200).extract().path("access_token");
        given().auth().oauth2(token).get("/api/auth/me").then().statusCode(200).body("id", equalTo((int) id));

        asAdmin().header("If-Match", etag(id)).delete("/api/users/" + id).then().statusCode(204);

        given().auth().oauth2(token).get("/api/auth/me").then().statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/unauthorized"))
                .header("WWW-Authenticate", containsString("Bearer"));
        given().auth().oauth2(token).contentType(JSON).body(json("title", "Too late")).post("/api/pages")
                .then().statusCode(401);
        given().auth().oauth2(token).get("/api/pages?status=any").then().statusCode(401);
        asAdmin().get("/api/users/" + id).then().statusCode(404);
        asAdmin().get("/api/users").then().body("email", not(hasItem("sam@example.org")));
        signIn("sam@example.org", TestData.PASSWORD).then().statusCode(401);
    }

    @Test
    void adminMayDeleteThemselvesWhenAnotherAdminRemains() {
        long self = myId();
        long other = createUser("second@example.org", Role.ADMIN);

        asAdmin().header("If-Match", etag(self)).delete("/api/users/" + self).then().statusCode(204);

        asAdmin().get("/api/users").then().statusCode(401);
        String token = signIn("second@example.org", TestData.PASSWORD).path("access_token");
        given().auth().oauth2(token).get("/api/users").then().statusCode(200)
                .body("id", contains((int) other));
    }

    @Test
    void deletedUsersContentStaysWithoutTheirName() {
        long id = createUser("sam@example.org", Role.EDITOR);
        String token = signIn("sam@example.org", TestData.PASSWORD).path("access_token");
        long page = given().auth().oauth2(token).contentType(JSON).body(json("title", "Sam's page")).post("/api/pages")
                .then().statusCode(201)
                .body("audit.createdBy.displayName", equalTo("sam"))
                .extract().jsonPath().getLong("id");

        asAdmin().header("If-Match", etag(id)).delete("/api/users/" + id).then().statusCode(204);

        asAdmin().get("/api/pages/" + page).then().statusCode(200)
                .body("title", equalTo("Sam's page"))
                .body("audit.createdBy", nullValue())
                .body("audit.updatedBy", nullValue());
    }

    @Test
    void emailOfADeletedUserMayBeUsedAgain() {
        long id = createUser("sam@example.org", Role.EDITOR);
        asAdmin().header("If-Match", etag(id)).delete("/api/users/" + id).then().statusCode(204);

        asAdmin().contentType(JSON).body(newUser("sam@example.org", NEW_PASSWORD)).post("/api/users").then().statusCode(201);
        signIn("sam@example.org", NEW_PASSWORD).then().statusCode(200);
    }

    // --- If-Match ---------------------------------------------------------------------------------

    @Test
    void writesWithoutIfMatchAreRefused() {
        long id = createUser("sam@example.org", Role.EDITOR);

        asAdmin().contentType(MERGE_PATCH).body(jsonText("displayName", "Changed")).patch("/api/users/" + id)
                .then().statusCode(428).body("type", equalTo("/problems/precondition-required"));
        asAdmin().contentType(JSON).body(json("email", "sam@example.org", "displayName", "Changed", "role", "admin"))
                .put("/api/users/" + id)
                .then().statusCode(428);
        asAdmin().delete("/api/users/" + id).then().statusCode(428);

        asAdmin().get("/api/users/" + id).then().statusCode(200)
                .body("displayName", equalTo("sam"))
                .body("role", equalTo("editor"));
    }

    @Test
    void staleIfMatchIsRefusedAndChangesNothing() {
        long id = createUser("sam@example.org", Role.EDITOR);
        String stale = etag(id);
        patch(id, json("displayName", "Samantha")).then().statusCode(200);

        asAdmin().header("If-Match", stale).contentType(MERGE_PATCH).body(jsonText("role", "admin", "password", NEW_PASSWORD))
                .patch("/api/users/" + id)
                .then().statusCode(412).body("type", equalTo("/problems/precondition-failed"));
        asAdmin().header("If-Match", stale).contentType(JSON)
                .body(json("email", "sam@example.org", "displayName", "Sam", "role", "admin"))
                .put("/api/users/" + id)
                .then().statusCode(412);
        asAdmin().header("If-Match", stale).delete("/api/users/" + id).then().statusCode(412);

        asAdmin().get("/api/users/" + id).then().statusCode(200)
                .body("displayName", equalTo("Samantha"))
                .body("role", equalTo("editor"));
        signIn("sam@example.org", TestData.PASSWORD).then().statusCode(200);
    }

    @Test
    void tagOfAWriteIsTheTagOfTheNextRead() {
        long id = createUser("sam@example.org", Role.EDITOR);

        String afterPatch = patch(id, json("displayName", "Samantha")).then().statusCode(200).extract().header("ETag");
        assertThat(afterPatch).isEqualTo(etag(id));
        asAdmin().header("If-Match", afterPatch).contentType(MERGE_PATCH).body(jsonText("displayName", "Sam"))
                .patch("/api/users/" + id)
                .then().statusCode(200).body("displayName", equalTo("Sam"));
    }

    // --- Who may manage users ---------------------------------------------------------------------

    @Test
    void editorsMayNotManageUsers() {
        String editor = data.tokenFor(Role.EDITOR);
        long id = createUser("sam@example.org", Role.EDITOR);
        String tag = etag(id);

        given().auth().oauth2(editor).get("/api/users").then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/forbidden"));
        given().auth().oauth2(editor).get("/api/users/" + id).then().statusCode(403);
        given().auth().oauth2(editor).contentType(JSON).body(newUser("eve@example.org", NEW_PASSWORD))
                .post("/api/users").then().statusCode(403);
        given().auth().oauth2(editor).header("If-Match", tag).contentType(MERGE_PATCH).body(jsonText("role", "admin"))
                .patch("/api/users/" + id).then().statusCode(403);
        given().auth().oauth2(editor).header("If-Match", tag).contentType(JSON)
                .body(json("email", "sam@example.org", "displayName", "Sam", "role", "admin"))
                .put("/api/users/" + id).then().statusCode(403);
        given().auth().oauth2(editor).header("If-Match", tag).delete("/api/users/" + id).then().statusCode(403);

        asAdmin().get("/api/users/" + id).then().body("role", equalTo("editor"));
        assertThat(etag(id)).isEqualTo(tag);
        asAdmin().get("/api/users").then().body("size()", equalTo(3));
    }

    @Test
    void anonymousCallersMustSignIn() {
        long id = createUser("sam@example.org", Role.EDITOR);
        String tag = etag(id);

        given().get("/api/users").then().statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/unauthorized"))
                .header("WWW-Authenticate", containsString("Bearer"));
        given().get("/api/users/" + id).then().statusCode(401);
        given().contentType(JSON).body(newUser("eve@example.org", NEW_PASSWORD)).post("/api/users").then().statusCode(401);
        given().header("If-Match", tag).contentType(MERGE_PATCH).body(jsonText("role", "admin"))
                .patch("/api/users/" + id).then().statusCode(401);
        given().header("If-Match", tag).delete("/api/users/" + id).then().statusCode(401);
        given().auth().oauth2("nbs_made-up").get("/api/users").then().statusCode(401);

        asAdmin().get("/api/users").then().body("size()", equalTo(2));
    }

    // --- Bad input --------------------------------------------------------------------------------

    @Test
    void unknownPropertyIsRefusedNamingIt() {
        long id = createUser("sam@example.org", Role.EDITOR);
        Map<String, Object> withHash = newUser("eve@example.org", NEW_PASSWORD);
        withHash.put("passwordHash", "$2a$04$abcdefghijklmnopqrstuv");

        asAdmin().contentType(JSON).body(withHash).post("/api/users")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/malformed-request"))
                .body("errors[0].field", equalTo("passwordHash"));
        asAdmin().header("If-Match", etag(id)).contentType(JSON)
                .body(json("email", "sam@example.org", "displayName", "Sam", "role", "editor", "admin", true))
                .put("/api/users/" + id)
                .then().statusCode(400).body("errors[0].field", equalTo("admin"));
        asAdmin().header("If-Match", etag(id)).contentType(MERGE_PATCH).body(jsonText("name", "Sam"))
                .patch("/api/users/" + id)
                .then().statusCode(400)
                .body("type", equalTo("/problems/malformed-request"))
                .body("errors[0].field", equalTo("name"));
        asAdmin().get("/api/users").then().body("size()", equalTo(2));
    }

    @Test
    void malformedJsonIsRefused() {
        long id = createUser("sam@example.org", Role.EDITOR);

        asAdmin().contentType(JSON).body("{\"email\": \"eve@example.org\",").post("/api/users")
                .then().statusCode(400).body("type", equalTo("/problems/malformed-request"));
        asAdmin().header("If-Match", etag(id)).contentType(JSON).body("not json").put("/api/users/" + id)
                .then().statusCode(400).body("type", equalTo("/problems/malformed-request"));
        asAdmin().header("If-Match", etag(id)).contentType(MERGE_PATCH).body("\"editor\"").patch("/api/users/" + id)
                .then().statusCode(400).body("type", equalTo("/problems/malformed-request"));
        asAdmin().get("/api/users").then().body("size()", equalTo(2));
    }

    @Test
    void valueOfTheWrongTypeIsRefusedNamingTheField() {
        long id = createUser("sam@example.org", Role.EDITOR);
        Map<String, Object> owner = newUser("eve@example.org", NEW_PASSWORD);
        owner.put("role", "owner");
        Map<String, Object> objectName = newUser("eve@example.org", NEW_PASSWORD);
        objectName.put("displayName", Map.of("first", "Eve"));

        asAdmin().contentType(JSON).body(owner).post("/api/users")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/malformed-request"))
                .body("errors[0].field", equalTo("role"))
                .body("errors[0].message", containsString("admin, editor"));
        asAdmin().contentType(JSON).body(objectName).post("/api/users")
                .then().statusCode(400).body("errors[0].field", equalTo("displayName"));
        asAdmin().header("If-Match", etag(id)).contentType(MERGE_PATCH).body(jsonText("role", "superuser"))
                .patch("/api/users/" + id)
                .then().statusCode(400).body("errors[0].field", equalTo("role"));
        asAdmin().get("/api/users/" + id).then().body("role", equalTo("editor"));
    }

    @Test
    void missingOrInvalidFieldsAreListed() {
        long id = createUser("sam@example.org", Role.EDITOR);

        asAdmin().contentType(JSON).body("{}").post("/api/users")
                .then().statusCode(422)
                .body("type", equalTo("/problems/validation-failed"))
                .body("errors.field", contains("displayName", "email", "role"));
        asAdmin().contentType(JSON).body(json("email", "not an address", "displayName", " ", "role", "editor",
                        "password", NEW_PASSWORD))
                .post("/api/users")
                .then().statusCode(422)
                .body("errors.field", contains("displayName", "email"));
        asAdmin().header("If-Match", etag(id)).contentType(JSON).body(json("displayName", "Sam"))
                .put("/api/users/" + id)
                .then().statusCode(422).body("errors.field", contains("email", "role"));
        asAdmin().header("If-Match", etag(id)).contentType(MERGE_PATCH).body("{\"role\": null}")
                .patch("/api/users/" + id)
                .then().statusCode(422).body("errors.field", contains("role"));
        asAdmin().get("/api/users/" + id).then().body("role", equalTo("editor")).body("displayName", equalTo("sam"));
    }

    @Test
    void oversizedFieldsAreRefused() {
        String longEmail = "a".repeat(310) + "@example.org";

        asAdmin().contentType(JSON).body(json("email", longEmail, "displayName", "d".repeat(201), "role", "editor",
                        "password", NEW_PASSWORD))
                .post("/api/users")
                .then().statusCode(422)
                .body("errors.field", hasItem("displayName"))
                .body("errors.field", hasItem("email"));
        asAdmin().contentType(JSON).body(json("email", "max@example.org", "displayName", "d".repeat(200), "role", "editor",
                        "password", NEW_PASSWORD))
                .post("/api/users")
                .then().statusCode(201);
        asAdmin().get("/api/users").then().body("size()", equalTo(2));
    }

    // --- Helpers ----------------------------------------------------------------------------------

    private RequestSpecification asAdmin() {
        return given().auth().oauth2(admin);
    }

    @Test
    void aNewPasswordEndsTheUsersSessionsButNotTheirApiTokens() {
        long id = createUser("sam@example.org", Role.EDITOR);
        String session = signIn("sam@example.org", TestData.PASSWORD).then().statusCode(200).extract().path("access_token");
        String apiToken = asAdmin().contentType(JSON).body(json("name", "Script", "userId", id)).post("/api/tokens")
                .then().statusCode(201).extract().path("token");

        patch(id, json("password", NEW_PASSWORD)).then().statusCode(200);

        given().auth().oauth2(session).get("/api/auth/me").then().statusCode(401);
        given().auth().oauth2(apiToken).get("/api/auth/me").then().statusCode(200);
        signIn("sam@example.org", NEW_PASSWORD).then().statusCode(200);
    }

    @Test
    void twoAdminsDemotingEachOtherAtOnceLeaveOneAdmin() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                data.reset();
                long first = createUserAs(data.tokenFor(Role.ADMIN), "first" + round + "@example.org");
                long second = createUserAs(data.tokenFor(Role.ADMIN), "second" + round + "@example.org");
                data.deleteUsersExcept(first, second);
                String firstToken = signIn("first" + round + "@example.org", TestData.PASSWORD).then().extract().path("access_token");
                String secondToken = signIn("second" + round + "@example.org", TestData.PASSWORD).then().extract().path("access_token");
                String firstTag = given().auth().oauth2(firstToken).get("/api/users/" + second).then().extract().header("ETag");
                String secondTag = given().auth().oauth2(secondToken).get("/api/users/" + first).then().extract().header("ETag");
                CountDownLatch start = new CountDownLatch(1);
                Future<Integer> a = pool.submit(() -> demote(start, firstToken, second, firstTag));
                Future<Integer> b = pool.submit(() -> demote(start, secondToken, first, secondTag));
                start.countDown();

                // The loser is refused as the last admin (409), or, when the winner committed before the loser's
                // token was checked, as an editor already (403).
                List<Integer> statuses = List.of(a.get(), b.get());
                assertThat(statuses).as("round %d", round).containsOnlyOnce(200);
                assertThat(statuses).as("round %d", round).containsAnyOf(409, 403);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static int demote(CountDownLatch start, String token, long target, String etag) throws InterruptedException {
        start.await();
        return given().auth().oauth2(token).header("If-Match", etag).contentType(MERGE_PATCH)
                .body("{\"role\":\"editor\"}").patch("/api/users/" + target).statusCode();
    }

    private long createUserAs(String adminToken, String email) {
        Map<String, Object> body = newUser(email, TestData.PASSWORD);
        body.put("role", "admin");
        return given().auth().oauth2(adminToken).contentType(JSON).body(body).post("/api/users")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private long myId() {
        return asAdmin().get("/api/auth/me").then().statusCode(200).extract().jsonPath().getLong("id");
    }

    private String myEmail() {
        return asAdmin().get("/api/auth/me").then().statusCode(200).extract().path("email");
    }

    private static Response signIn(String email, String password) {
        return given().contentType(JSON).body(json("email", email, "password", password)).post("/api/auth/token");
    }

    /** Creates a user through the API; its password is {@link TestData#PASSWORD}. */
    private long createUser(String email, Role role) {
        Map<String, Object> body = newUser(email, TestData.PASSWORD);
        body.put("role", role.wireName());
        return asAdmin().contentType(JSON).body(body).post("/api/users")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static Map<String, Object> newUser(String email, String password) {
        return json("email", email, "displayName", email.substring(0, email.indexOf('@')), "role", "editor",
                "password", password);
    }

    private String etag(long id) {
        return asAdmin().get("/api/users/" + id).then().statusCode(200).extract().header("ETag");
    }

    private Response patch(long id, Map<String, Object> patch) {
        return asAdmin().header("If-Match", etag(id)).contentType(MERGE_PATCH).body(toJson(patch))
                .patch("/api/users/" + id);
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
