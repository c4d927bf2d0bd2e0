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
                .allSatisfy(id -> assertThat(id).matches("(list|get|create|update|replace|patch|rename|add|delete|revoke|signIn|signOut|moderate|edit)[A-Za-z]*"));
        assertThat(ids).contains("listPosts", "getPostBySlug", "getPageByPath", "getMenu", "createPost", "patchPost", "signIn");
    }

    /**
     * One scheme, the bearer token, named by every operation that needs a token, so that Swagger UI shows a lock
     * there and generated clients send it; public reads name none (no lock: the public needs nothing), and
     * Swagger UI sends the token it holds to them all the same (checked in SwaggerUiSignInTest).
     */
    @Test
    void everyOperationThatNeedsATokenNamesTheBearerSchemeAndPublicReadsNone() {
        Map<String, Object> document = given().accept("application/json").get("/q/openapi")
                .then().statusCode(200).extract().jsonPath().getMap("");
        @SuppressWarnings("unchecked")
        Map<String, Object> schemes = (Map<String, Object>) ((Map<String, Object>) document.get("components"))
                .get("securitySchemes");
        assertThat(schemes).containsOnlyKeys("bearerToken");
        assertThat(schemes.get("bearerToken")).asString().contains("type=http").contains("scheme=bearer");

        @SuppressWarnings("unchecked")
        Map<String, Map<String, Map<String, Object>>> paths = (Map<String, Map<String, Map<String, Object>>>) document.get("paths");
        List<String> wrong = new ArrayList<>();
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            boolean signIn = method.equals("post") && path.equals("/api/auth/token");
            boolean readersComment = method.equals("post") && path.equals("/api/posts/{id}/comments");
            // The signed link in a moderator's mail is the credential.
            boolean moderationLink = path.startsWith("/api/moderation-links/");
            boolean adminRead = path.startsWith("/api/users") || path.startsWith("/api/tokens") || path.equals("/api/auth/me")
                    || path.startsWith("/api/comments") || path.startsWith("/api/comment-blocklist")
                    || path.equals("/api/export") || path.startsWith("/api/imports/{id");
            boolean needsToken = !signIn && !readersComment && !moderationLink && (!method.equals("get") || adminRead);
            List<?> security = (List<?>) operation.get("security");
            List<?> expected = needsToken ? List.of(Map.of("bearerToken", List.of())) : List.of();
            if (!expected.equals(security == null ? List.of() : security)) {
                wrong.add(method.toUpperCase() + " " + path + ": " + security);
            }
        }));
        assertThat(wrong).as("operations whose security requirement is not exactly the bearer token where a token is "
                + "needed, and none elsewhere").isEmpty();
    }
}
