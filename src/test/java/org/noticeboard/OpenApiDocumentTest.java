package org.noticeboard;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The committed openapi/openapi.yaml is the contract front ends read: it must be what the server serves. */
@QuarkusTest
class OpenApiDocumentTest {

    private static final Path COMMITTED = Path.of("openapi", "openapi.yaml");
    private static final Path SERVED_COPY = Path.of("target", "openapi.yaml");

    @Test
    void committedDocumentMatchesTheServedOne() throws IOException {
        String served = given().accept("application/yaml").get("/q/openapi").then().statusCode(200)
                .extract().asString();
        Files.createDirectories(SERVED_COPY.getParent());
        Files.writeString(SERVED_COPY, served, StandardCharsets.UTF_8);
        if (Boolean.getBoolean("openapi.update")) {
            Files.createDirectories(COMMITTED.getParent());
            Files.writeString(COMMITTED, served, StandardCharsets.UTF_8);
        }

        String committed = Files.exists(COMMITTED) ? Files.readString(COMMITTED, StandardCharsets.UTF_8) : "";
        assertThat(committed)
                .as("openapi/openapi.yaml differs from what the server serves. Review the change, then regenerate it "
                        + "with: ./mvnw test -Dtest=OpenApiDocumentTest -Dopenapi.update=true "
                        + "(the served document is also in target/openapi.yaml)")
                .isEqualTo(served);
    }

    /** Generated clients name their methods after operationIds: every operation has one, unique, in one scheme. */
    @Test
    void everyOperationHasAUniqueReadableOperationId() {
        Map<String, Map<String, Map<String, Object>>> paths = given().accept("application/json").get("/q/openapi")
                .then().statusCode(200).extract().jsonPath().getMap("paths");
        List<String> ids = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            Object id = operation.get("operationId");
            if (id == null) {
                missing.add(method.toUpperCase() + " " + path);
            } else {
                ids.add((String) id);
            }
        }));
        assertThat(missing).as("operations without an operationId").isEmpty();
        assertThat(ids).doesNotHaveDuplicates()
                .allSatisfy(id -> assertThat(id).matches("(list|get|create|update|replace|patch|rename|add|delete|revoke|signIn|signOut)[A-Za-z]*"));
        assertThat(ids).contains("listPosts", "getPostBySlug", "getPageByPath", "getMenu", "createPost", "patchPost", "signIn");
    }

    /** Swagger UI shows a lock, and sends the signed-in token, exactly where an operation names a scheme. */
    @Test
    void everyWriteNeedsSignInAndPublicReadsMayUseIt() {
        Map<String, Map<String, Map<String, Object>>> paths = given().accept("application/json").get("/q/openapi")
                .then().statusCode(200).extract().jsonPath().getMap("paths");
        List<String> unprotected = new ArrayList<>();
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            List<?> security = (List<?>) operation.get("security");
            boolean required = security != null && !security.isEmpty() && !security.contains(Map.of());
            boolean isWrite = !method.equals("get");
            boolean adminRead = path.startsWith("/api/users") || path.startsWith("/api/tokens") || path.equals("/api/auth/me");
            if ((isWrite || adminRead) && !required && !path.equals("/api/auth/token")) {
                unprotected.add(method.toUpperCase() + " " + path);
            }
        }));
        assertThat(unprotected).as("operations that change or reveal private data without a security requirement").isEmpty();

        @SuppressWarnings("unchecked")
        List<Object> postSecurity = (List<Object>) paths.get("/api/posts").get("post").get("security");
        assertThat(postSecurity).containsExactlyInAnyOrder(Map.of("bearerToken", List.of()), Map.of("signIn", List.of()));
        @SuppressWarnings("unchecked")
        List<Object> readSecurity = (List<Object>) paths.get("/api/posts/{id}").get("get").get("security");
        assertThat(readSecurity).as("drafts can be read signed in, the public needs nothing").contains(Map.of());
        Map<String, Object> signIn = given().accept("application/json").get("/q/openapi").then().extract().jsonPath()
                .getMap("components.securitySchemes.signIn");
        assertThat(signIn).extractingByKey("flows").asString().contains("tokenUrl=/api/auth/token");
    }
}
