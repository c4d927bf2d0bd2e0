package org.noticeboard.common;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.noticeboard.support.TestData;
import org.noticeboard.user.Role;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class ProblemDetailsTest {

    @Inject
    TestData data;

    @Test
    void unknownAddressIsANotFoundProblem() {
        when().get("/api/no-such-thing").then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/not-found"))
                .body("title", equalTo("Resource not found"))
                .body("status", equalTo(404))
                .body("instance", equalTo("/api/no-such-thing"));
    }

    @Test
    void wrongMethodIsAProblem() {
        when().delete("/api/archives").then().statusCode(405)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/method-not-allowed"))
                .body("detail", equalTo("/api/archives does not accept DELETE"));
    }

    @Test
    void unsupportedAcceptIsAProblem() {
        given().accept("application/xml").when().get("/api/archives").then().statusCode(406)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/not-acceptable"));
    }

    @Test
    void problemTypesResolveToExplanations() {
        when().get("/problems/invalid-query").then().statusCode(200)
                .contentType("text/plain")
                .body(containsString("Invalid query parameter"));
        when().get("/problems/made-up").then().statusCode(404).contentType("application/problem+json");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/posts", "/api/pages", "/api/categories", "/api/menus", "/api/users", "/api/tokens",
            "/api/auth/token"})
    void anEmptyBodyIsRefusedNotACrash(String path) {
        given().auth().oauth2(data.tokenFor(Role.ADMIN)).contentType("application/json").body("")
                .when().post(path)
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("(body)"));
    }

    @Test
    void hostileInputNeverLeaksInternals() {
        when().get("/api/posts?year=" + "9".repeat(40)).then().statusCode(400)
                .body(not(containsString("Exception")))
                .body(not(containsString("at org.")));
        when().get("/api/pages/by-path/%2e%2e/%2e%2e/etc/passwd").then().statusCode(404)
                .contentType("application/problem+json");
        when().get("/api/posts/slug/' or 1=1 --").then().statusCode(404);
    }
}
