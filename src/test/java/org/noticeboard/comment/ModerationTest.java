package org.noticeboard.comment;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.noticeboard.post.Post;
import org.noticeboard.support.TestData;
import org.noticeboard.user.Role;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.noticeboard.comment.CommentFixtures.comment;

@QuarkusTest
class ModerationTest {

    @Inject
    TestData data;
    @Inject
    CommentFixtures fixtures;
    @Inject
    CommentPrivacy privacy;

    private String editor;
    private Post post;

    @BeforeEach
    void startEmpty() {
        data.reset();
        editor = data.tokenFor(Role.EDITOR);
        post = data.post("Volunteers Week", p -> { });
    }

    private long held(String email, String body) {
        return ((Number) fixtures.send(post.id, comment(email, body)).statusCode(201).extract().path("id")).longValue();
    }

    @Test
    void moderatorsSeeTheQueueWithEmailAndAddressNewestFirst() {
        long older = held("a@example.org", "Older");
        long newer = held("b@example.org", "Newer about trustees");
        given().auth().oauth2(editor).get("/api/comments").then().statusCode(200)
                .header("Cache-Control", containsString("no-store"))
                .body("total", equalTo(2))
                .body("items.id", contains((int) newer, (int) older))
                .body("items[0].authorEmail", equalTo("b@example.org"))
                .body("items[0].ipAddress", equalTo("127.0.0.1"))
                .body("items[0].postTitle", equalTo("Volunteers Week"))
                .body("items[0].heldReason", containsString("every comment"));
        given().auth().oauth2(editor).queryParam("q", "TRUSTEE").get("/api/comments").then()
                .body("items.id", contains((int) newer));
        given().auth().oauth2(editor).queryParam("q", "%").get("/api/comments").then().body("total", equalTo(0));
        given().auth().oauth2(editor).queryParam("status", "approved").get("/api/comments").then().body("total", equalTo(0));
        when().get("/api/comments").then().statusCode(401);
        when().get("/api/comments/" + older).then().statusCode(401);
    }

    @Test
    void approveSpamTrashAndRestoreMoveACommentInAndOutOfView() {
        long id = held("a@example.org", "Hello");
        given().auth().oauth2(editor).post("/api/comments/" + id + "/approve").then().statusCode(200)
                .body("status", equalTo("approved")).body("moderatedAt", notNullValue());
        when().get("/api/posts/" + post.id + "/comments").then().body("total", equalTo(1));
        given().auth().oauth2(editor).post("/api/comments/" + id + "/spam").then().body("status", equalTo("spam"));
        given().auth().oauth2(editor).post("/api/comments/" + id + "/trash").then().body("status", equalTo("trash"));
        when().get("/api/posts/" + post.id + "/comments").then().body("total", equalTo(0));
        given().auth().oauth2(editor).post("/api/comments/" + id + "/restore").then().body("status", equalTo("approved"));
        when().get("/api/posts/" + post.id + "/comments").then().body("total", equalTo(1));
        given().auth().oauth2(editor).post("/api/comments/" + id + "/publish").then().statusCode(404);
        given().auth().oauth2(editor).post("/api/comments/999999/approve").then().statusCode(404);
    }

    @Test
    void bulkActionsChangeAllOrNothing() {
        long a = held("a@example.org", "One");
        long b = held("b@example.org", "Two");
        given().auth().oauth2(editor).contentType(ContentType.JSON)
                .body(Map.of("action", "approve", "ids", List.of(a, b, 999_999)))
                .post("/api/comments/bulk").then().statusCode(422)
                .body("errors[0].message", containsString("999999"));
        assertThat(fixtures.stored(a).status).isEqualTo(CommentState.PENDING);
        given().auth().oauth2(editor).contentType(ContentType.JSON)
                .body(Map.of("action", "approve", "ids", List.of(a, b)))
                .post("/api/comments/bulk").then().statusCode(200).body("ids", contains((int) a, (int) b));
        when().get("/api/posts/" + post.id).then().body("comments.count", equalTo(2));
        given().auth().oauth2(editor).contentType(ContentType.JSON)
                .body(Map.of("action", "delete", "ids", List.of(a, b)))
                .post("/api/comments/bulk").then().statusCode(200);
        assertThat(fixtures.countStored()).isZero();
    }

    @Test
    void deletingACommentTakesItsRepliesWithIt() {
        long top = held("a@example.org", "Top");
        fixtures.setStatus(top, CommentState.APPROVED);
        Map<String, Object> reply = comment("b@example.org", "Reply");
        reply.put("parentId", top);
        fixtures.send(post.id, reply).statusCode(201);
        given().auth().oauth2(editor).delete("/api/comments/" + top).then().statusCode(204);
        assertThat(fixtures.countStored()).isZero();
    }

    @Test
    void anEditIsRecordedAndNeedsTheCommentsTag() {
        long id = held("a@example.org", "Helo");
        String tag = given().auth().oauth2(editor).get("/api/comments/" + id).then().statusCode(200)
                .extract().header("ETag");
        given().auth().oauth2(editor).contentType("application/merge-patch+json").body("{\"body\": \"Hello\"}")
                .patch("/api/comments/" + id).then().statusCode(428);
        given().auth().oauth2(editor).header("If-Match", tag).contentType("application/merge-patch+json")
                .body("{\"body\": \"Hello\"}")
                .patch("/api/comments/" + id).then().statusCode(200)
                .body("body", equalTo("Hello")).body("editedAt", notNullValue()).body("editedBy", notNullValue());
        given().auth().oauth2(editor).header("If-Match", tag).contentType("application/merge-patch+json")
                .body("{\"body\": \"Again\"}")
                .patch("/api/comments/" + id).then().statusCode(412);
    }

    @Test
    void addressesAreErasedAfterTheRetentionPeriod() {
        long recent = held("a@example.org", "Recent");
        long old = held("b@example.org", "Old");
        fixtures.backdate(old, java.time.Duration.ofDays(31));
        assertThat(privacy.eraseOldAddresses()).isEqualTo(1);
        given().auth().oauth2(editor).get("/api/comments/" + old).then().body("ipAddress", org.hamcrest.Matchers.nullValue());
        given().auth().oauth2(editor).get("/api/comments/" + recent).then().body("ipAddress", equalTo("127.0.0.1"));
    }

    @Test
    void anErasureRequestRemovesEveryCommentOfTheAddressAndKeepsOthersReplies() {
        data.site(site -> site.commentModeration = org.noticeboard.site.CommentModeration.NONE);
        long top = held("jo@example.org", "Top by Jo");
        Map<String, Object> reply = comment("sam@example.org", "Reply by Sam");
        reply.put("parentId", top);
        long samReply = ((Number) fixtures.send(post.id, reply).statusCode(201).extract().path("id")).longValue();
        Map<String, Object> joAgain = comment("JO@example.org", "Jo again");
        joAgain.put("parentId", samReply);
        fixtures.send(post.id, joAgain).statusCode(201);

        given().auth().oauth2(editor).contentType(ContentType.JSON).body(Map.of("email", "jo@example.org"))
                .post("/api/comments/erasures").then().statusCode(403);
        given().auth().oauth2(data.tokenFor(Role.ADMIN)).contentType(ContentType.JSON).body(Map.of("email", "Jo@Example.org"))
                .post("/api/comments/erasures").then().statusCode(200).body("erased", equalTo(2));
        assertThat(fixtures.countStored()).isEqualTo(1);
        when().get("/api/posts/" + post.id + "/comments").then()
                .body("items.bodyHtml", contains("<p>Reply by Sam</p>"))
                .body("items[0].parentId", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void moderatorsKeepTheBlocklistAndItHoldsNewComments() {
        data.site(site -> site.commentModeration = org.noticeboard.site.CommentModeration.NONE);
        given().auth().oauth2(editor).contentType(ContentType.JSON)
                .body(Map.of("words", List.of("  Casino ", "crypto giveaway", "casino")))
                .put("/api/comment-blocklist").then().statusCode(200)
                .body("words", contains("casino", "crypto giveaway"));
        given().auth().oauth2(editor).get("/api/comment-blocklist").then().body("words", contains("casino", "crypto giveaway"));
        fixtures.send(post.id, comment("a@example.org", "Join our Crypto Giveaway now")).statusCode(201)
                .body("status", equalTo("pending"));
        fixtures.send(post.id, comment("b@example.org", "Crypto is not blocked alone")).statusCode(201)
                .body("status", equalTo("approved"));
        given().auth().oauth2(editor).contentType(ContentType.JSON).body(Map.of("words", List.of(" ")))
                .put("/api/comment-blocklist").then().statusCode(422);
        given().auth().oauth2(editor).get("/api/comment-blocklist").then().body("words", contains("casino", "crypto giveaway"));
        when().get("/api/comment-blocklist").then().statusCode(401);
    }
}
