package org.noticeboard.auth;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.noticeboard.support.TestData;
import org.noticeboard.user.Role;
import org.noticeboard.user.User;
import org.noticeboard.user.UserService;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class SignInTest {

    @Inject
    TestData data;

    @Inject
    UserService users;

    private User editor;

    @BeforeEach
    void startEmpty() {
        data.reset();
        editor = data.user("editor@example.org", Role.EDITOR);
    }

    @Test
    void signInWithJsonGivesABearerTokenThatIdentifiesTheUser() {
        String token = given().contentType("application/json")
                .body("{\"email\":\"Editor@Example.org\",\"password\":\"" + TestData.PASSWORD + "\"}")
                .when().post("/api/auth/token")
                .then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body("token_type", equalTo("Bearer"))
                .body("expires_in", allOf(greaterThan(3500), lessThanOrEqualTo(3600)))
                .body("access_token", startsWith("nbs_"))
                .extract().path("access_token");

        given().auth().oauth2(token).when().get("/api/auth/me")
                .then().statusCode(200)
                .body("email", equalTo("editor@example.org"))
                .body("role", equalTo("editor"));
    }

    @Test
    void signInWithTheOAuthPasswordGrantForOAuthClients() {
        // OAuth libraries authenticate as a client, here one without id or secret.
        String token = given().contentType("application/x-www-form-urlencoded").header("Authorization", "Basic Og==")
                .formParam("grant_type", "password")
                .formParam("username", "editor@example.org")
                .formParam("password", TestData.PASSWORD)
                .when().post("/api/auth/token")
                .then().statusCode(200)
                .extract().path("access_token");

        given().auth().oauth2(token).when().get("/api/auth/me").then().statusCode(200);
    }

    @Test
    void otherGrantTypesAreRefused() {
        given().contentType("application/x-www-form-urlencoded")
                .formParam("grant_type", "client_credentials")
                .when().post("/api/auth/token")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("grant_type"));
    }

    @Test
    void wrongPasswordAndUnknownAddressGetTheSameAnswer() {
        String wrongPassword = given().contentType("application/json")
                .body("{\"email\":\"editor@example.org\",\"password\":\"not the password\"}")
                .when().post("/api/auth/token")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("type", equalTo("/problems/unauthorized"))
                .extract().path("detail");
        String unknownAddress = given().contentType("application/json")
                .body("{\"email\":\"nobody@example.org\",\"password\":\"not the password\"}")
                .when().post("/api/auth/token")
                .then().statusCode(401)
                .extract().path("detail");

        assertThat(unknownAddress).isEqualTo(wrongPassword);
    }

    @Test
    void repeatedFailuresLockTheAccountForAWhileEvenForTheRightPassword() {
        for (int attempt = 0; attempt < 5; attempt++) {
            signIn("editor@example.org", "wrong password " + attempt).then().statusCode(401);
        }

        signIn("editor@example.org", TestData.PASSWORD)
                .then().statusCode(429)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/too-many-requests"))
                .header("Retry-After", Integer::parseInt, allOf(greaterThan(0), lessThanOrEqualTo(900)));
        data.user("other@example.org", Role.EDITOR);
        signIn("other@example.org", TestData.PASSWORD).then().statusCode(200);
    }

    @Test
    void repeatedFailuresFromOneAddressAreRefusedForEveryAccount() {
        for (int attempt = 0; attempt < 20; attempt++) {
            signIn("guess" + attempt + "@example.org", "wrong password").then().statusCode(401);
        }

        signIn("editor@example.org", TestData.PASSWORD).then().statusCode(429).header("Retry-After", notNullValue());
    }

    @Test
    void missingOrBadCredentialsAreProblems() {
        when().get("/api/auth/me").then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"));
        given().auth().oauth2("nbs_not-a-real-token").when().get("/api/auth/me")
                .then().statusCode(401).contentType("application/problem+json")
                .body("detail", containsString("unknown, expired or revoked"));
        given().auth().oauth2("nbs_not-a-real-token").when().get("/api/posts")
                .then().statusCode(401);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer", "Bearer ", "bearer  ", "Basic YWRtaW46c2VjcmV0", "Digest username=\"a\"",
            "Token abc", "garbage", "Bearer two words", "Bearer tok\u00e9n", "nbs_token-without-a-scheme"})
    void aMalformedCredentialOnAPublicReadIsRefusedNotIgnored(String authorization) {
        given().header("Authorization", authorization).when().get("/api/posts")
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", equalTo("Bearer realm=\"noticeboard\""))
                .header("Cache-Control", "private, no-store")
                .body("type", equalTo("/problems/unauthorized"))
                .body("detail", containsString("must be 'Bearer <token>'"));
        given().header("Authorization", authorization).when().get("/api/auth/me")
                .then().statusCode(401).header("WWW-Authenticate", equalTo("Bearer realm=\"noticeboard\""));
    }

    @Test
    void theBearerSchemeIsCaseInsensitive() {
        String token = data.tokenFor(Role.EDITOR);
        given().header("Authorization", "bearer " + token).when().get("/api/auth/me").then().statusCode(200);
    }

    @Test
    void signingOutRevokesTheSessionAtOnce() {
        String token = signIn("editor@example.org", TestData.PASSWORD).then().statusCode(200).extract().path("access_token");

        given().auth().oauth2(token).when().delete("/api/auth/token").then().statusCode(204);

        given().auth().oauth2(token).when().get("/api/auth/me").then().statusCode(401);
    }

    @Test
    void anExpiredSessionIsRefused() {
        String token = data.tokenFor(Role.EDITOR);
        given().auth().oauth2(token).when().get("/api/auth/me").then().statusCode(200);

        data.expireSessions();

        given().auth().oauth2(token).when().get("/api/auth/me").then().statusCode(401);
    }

    @Test
    void apiTokensAreShownOnceAndWorkUntilRevoked() {
        String admin = data.tokenFor(Role.ADMIN);
        var created = given().auth().oauth2(admin).contentType("application/json")
                .body("{\"name\":\"Newsletter import\",\"userId\":" + editor.id + "}")
                .when().post("/api/tokens")
                .then().statusCode(201)
                .header("Location", containsString("/api/tokens/"))
                .header("Cache-Control", containsString("no-store"))
                .body("name", equalTo("Newsletter import"))
                .body("user.displayName", equalTo("editor"))
                .body("token", startsWith("nba_"))
                .extract();
        String apiToken = created.path("token");
        int id = created.path("id");

        given().auth().oauth2(admin).when().get("/api/tokens").then().statusCode(200)
                .body("[0].id", equalTo(id))
                .body("[0].prefix", equalTo(apiToken.substring(0, 10)))
                .body("[0]", not(org.hamcrest.Matchers.hasKey("token")))
                .body(not(containsString(apiToken.substring(10))));
        given().auth().oauth2(apiToken).when().get("/api/auth/me").then().statusCode(200)
                .body("email", equalTo("editor@example.org"));
        given().auth().oauth2(apiToken).when().get("/api/users").then().statusCode(403);

        given().auth().oauth2(admin).when().delete("/api/tokens/" + id).then().statusCode(204);

        given().auth().oauth2(apiToken).when().get("/api/auth/me").then().statusCode(401);
        given().auth().oauth2(admin).when().get("/api/tokens").then().body("[0].revokedAt", not(equalTo(null)));
    }

    @Test
    void apiTokensCannotExpireInThePast() {
        given().auth().oauth2(data.tokenFor(Role.ADMIN)).contentType("application/json")
                .body("{\"name\":\"Old\",\"expiresAt\":\"2020-01-01T00:00:00Z\"}")
                .when().post("/api/tokens")
                .then().statusCode(422)
                .body("errors[0].field", equalTo("expiresAt"));
    }

    @Test
    void theFirstAdminIsCreatedOnlyInAnEmptyDatabase() {
        data.reset();

        assertThat(users.createFirstAdmin("first@example.org", "First", "a first admin password")).isTrue();
        assertThat(users.createFirstAdmin("second@example.org", "Second", "a second admin password")).isFalse();

        String token = signIn("first@example.org", "a first admin password").then().statusCode(200).extract().path("access_token");
        given().auth().oauth2(token).when().get("/api/auth/me").then().body("role", equalTo("admin"));
        signIn("second@example.org", "a second admin password").then().statusCode(401);
    }

    @Test
    void passwordsAndHashesAreNeverReturned() {
        String admin = data.tokenFor(Role.ADMIN);
        given().auth().oauth2(admin).when().get("/api/users").then().statusCode(200)
                .body(not(containsString("password")))
                .body(not(containsString("$2a$")));
        given().auth().oauth2(admin).when().get("/api/auth/me").then().body(not(containsString("password")));
    }

    @Test
    void signedInReadsAreNeverCached() {
        given().auth().oauth2(data.tokenFor(Role.EDITOR)).when().get("/api/site")
                .then().statusCode(200)
                .header("Cache-Control", "private, no-store")
                .body("audit", not(equalTo(null)));
        when().get("/api/site").then().statusCode(200)
                .header("Cache-Control", not(containsString("private")))
                .body("$", not(org.hamcrest.Matchers.hasKey("audit")));
    }

    private static io.restassured.response.Response signIn(String email, String password) {
        return given().contentType("application/json")
                .body("{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}")
                .when().post("/api/auth/token");
    }
}
