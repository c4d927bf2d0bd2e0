package org.noticeboard.common;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.noticeboard.category.Category;
import org.noticeboard.post.Post;
import org.noticeboard.support.TestData;
import org.noticeboard.user.Role;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * Accept chooses the representation of a success; errors are problem documents whatever it says. Generated clients
 * send the media types the document declares for an operation, which for one that answers 204 is only the problem
 * type: an answer with no body has nothing to negotiate, so no Accept is refused there.
 */
@QuarkusTest
class ContentNegotiationTest {

    @Inject
    TestData data;

    private String editor;

    @BeforeEach
    void anEditor() {
        data.reset();
        editor = data.tokenFor(Role.EDITOR);
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/problem+json", "text/html", "application/json"})
    void aDeleteAnswersWithoutABodyWhateverAcceptNames(String accept) {
        Post post = data.post("Summer Fair", p -> { });
        Category category = data.category("Newsletters");

        given().auth().oauth2(editor).accept(accept).header("If-Match", editingTag("/api/posts/" + post.id))
                .delete("/api/posts/" + post.id).then().statusCode(204);
        given().auth().oauth2(editor).accept(accept).header("If-Match", editingTag("/api/categories/newsletters"))
                .delete("/api/categories/newsletters").then().statusCode(204);

        given().auth().oauth2(editor).get("/api/posts/" + post.id).then().statusCode(404);
        given().auth().oauth2(editor).get("/api/categories/" + category.slug).then().statusCode(404);
    }

    @Test
    void aRefusedDeleteAnswersAProblem() {
        Post post = data.post("Summer Fair", p -> { });

        given().auth().oauth2(editor).accept("application/problem+json").header("If-Match", "\"post-" + post.id + "-v99\"")
                .delete("/api/posts/" + post.id)
                .then().statusCode(412).contentType("application/problem+json")
                .body("type", equalTo("/problems/precondition-failed"));
        given().get("/api/posts/" + post.id).then().statusCode(200);
    }

    @Test
    void signingOutWithOnlyTheProblemTypeAcceptedRevokesTheToken() {
        given().auth().oauth2(editor).accept("application/problem+json").delete("/api/auth/token").then().statusCode(204);

        given().auth().oauth2(editor).get("/api/auth/me").then().statusCode(401);
    }

    @Test
    void anOperationThatAnswersJsonStillRefusesAnAcceptWithoutIt() {
        given().accept("application/problem+json").get("/api/posts")
                .then().statusCode(406).contentType("application/problem+json")
                .body("type", equalTo("/problems/not-acceptable"));
        given().auth().oauth2(editor).accept("application/json, application/problem+json").contentType("application/json")
                .body("{\"title\":\"Summer Fair\"}").post("/api/posts")
                .then().statusCode(201).contentType("application/json").body("title", equalTo("Summer Fair"));
    }

    private String editingTag(String path) {
        return given().auth().oauth2(editor).get(path).then().statusCode(200).extract().header("ETag");
    }
}
