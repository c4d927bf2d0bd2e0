package org.noticeboard.common;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.noticeboard.support.TestData;
import org.noticeboard.user.Role;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/**
 * Any site may read; only NOTICEBOARD_ADMIN_ORIGINS (https://admin.example.org in tests) and the API's own
 * origin may write or send credentials.
 */
@QuarkusTest
class CorsTest {

    private static final String PARTNER = "https://partner.example.net";
    private static final String ADMIN = "https://admin.example.org";

    @Inject
    TestData data;

    @BeforeEach
    void startEmpty() {
        data.reset();
    }

    @Test
    void anySiteMayPreflightAndMakeReads() {
        given().header("Origin", PARTNER).header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "if-none-match")
                .when().options("/api/posts")
                .then().statusCode(204)
                .header("Access-Control-Allow-Origin", "*")
                .header("Access-Control-Allow-Methods", "GET, HEAD, OPTIONS")
                .header("Access-Control-Allow-Headers", containsString("If-None-Match"))
                .header("Access-Control-Allow-Headers", not(containsString("Authorization")));
        given().header("Origin", PARTNER).when().get("/api/posts")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", "*")
                .header("Access-Control-Expose-Headers", containsString("Link"))
                .header("Access-Control-Expose-Headers", containsString("ETag"));
    }

    @Test
    void otherSitesMayNotPreflightWrites() {
        given().header("Origin", PARTNER).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization, content-type")
                .when().options("/api/posts")
                .then().statusCode(403)
                .header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void otherSitesCannotWriteEvenWithoutAPreflight() {
        given().header("Origin", PARTNER).contentType("application/x-www-form-urlencoded")
                .formParam("grant_type", "password").formParam("username", "x@example.org").formParam("password", "x")
                .when().post("/api/auth/token")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/origin-not-allowed"))
                .header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void adminOriginsMayPreflightAndWriteWithCredentials() {
        given().header("Origin", ADMIN).header("Access-Control-Request-Method", "PUT")
                .header("Access-Control-Request-Headers", "authorization, content-type, if-match")
                .when().options("/api/posts/1")
                .then().statusCode(204)
                .header("Access-Control-Allow-Origin", ADMIN)
                .header("Vary", containsString("Origin"))
                .header("Access-Control-Allow-Methods", containsString("PUT"))
                .header("Access-Control-Allow-Headers", containsString("Authorization"))
                .header("Access-Control-Allow-Headers", containsString("If-Match"));

        given().header("Origin", ADMIN).auth().oauth2(data.tokenFor(Role.EDITOR)).contentType("application/json")
                .body("{\"title\":\"From the admin site\"}")
                .when().post("/api/posts")
                .then().statusCode(201)
                .header("Access-Control-Allow-Origin", ADMIN)
                .header("Access-Control-Expose-Headers", containsString("Location"));
    }

    @Test
    void theApisOwnOriginMayWriteSoSwaggerUiWorks() {
        int port = io.restassured.RestAssured.port;
        given().header("Origin", "http://localhost:" + port).auth().oauth2(data.tokenFor(Role.EDITOR))
                .contentType("application/json").body("{\"title\":\"From Swagger UI\"}")
                .when().post("/api/posts")
                .then().statusCode(201);
    }

    @Test
    void requestsWithoutAnOriginAreUntouched() {
        given().auth().oauth2(data.tokenFor(Role.EDITOR)).contentType("application/json").body("{\"title\":\"From a script\"}")
                .when().post("/api/posts")
                .then().statusCode(201)
                .header("Access-Control-Allow-Origin", nullValue());
    }
}
