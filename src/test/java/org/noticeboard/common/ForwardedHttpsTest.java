package org.noticeboard.common;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.nullValue;

/** Behind a TLS-terminating proxy that reports the scheme, responses tell browsers to stay on HTTPS. */
@QuarkusTest
@TestProfile(ForwardedHttpsTest.BehindAProxy.class)
class ForwardedHttpsTest {

    public static class BehindAProxy implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.proxy.proxy-address-forwarding", "true");
        }
    }

    @Test
    void httpsReportedByTheProxyGetsStrictTransportSecurity() {
        given().header("X-Forwarded-Proto", "https").get("/api/no-such-thing").then().statusCode(404)
                .header("Strict-Transport-Security", "max-age=31536000");
        given().header("X-Forwarded-Proto", "https").get("/api/site").then().statusCode(200)
                .header("Strict-Transport-Security", "max-age=31536000");
    }

    @Test
    void plainHttpThroughTheProxyDoesNot() {
        given().header("X-Forwarded-Proto", "http").get("/api/site").then().statusCode(200)
                .header("Strict-Transport-Security", nullValue());
        given().get("/api/site").then().header("Strict-Transport-Security", nullValue());
    }
}
