package org.noticeboard.comment;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static io.restassured.RestAssured.given;

/** Sends comments the way a front end does (form token first), and looks at what was stored. */
@ApplicationScoped
public class CommentFixtures {

    private final EntityManager entityManager;
    private final CommentSignatures signatures;

    private final CommentSubmissions submissions;

    CommentFixtures(EntityManager entityManager, CommentSignatures signatures, CommentSubmissions submissions) {
        this.entityManager = entityManager;
        this.signatures = signatures;
        this.submissions = submissions;
    }

    /** Whether a comment from this network address would be let through now (and counts it if so). */
    @Transactional
    public boolean admitted(String address) {
        return submissions.admit(address).isEmpty();
    }

    public String formToken(long postId) {
        return given().get("/api/posts/" + postId + "/comments/form").then().statusCode(200)
                .header("Cache-Control", "no-store")
                .extract().path("formToken");
    }

    /** A token as the server would have issued it at another time. */
    @Transactional
    public String tokenIssued(long postId, Instant issued) {
        return signatures.sign(postId + "-" + issued.getEpochSecond());
    }

    public static Map<String, Object> comment(String email, String body) {
        Map<String, Object> comment = new HashMap<>();
        comment.put("authorName", "Jo Bloggs");
        comment.put("authorEmail", email);
        comment.put("body", body);
        return comment;
    }

    public ValidatableResponse send(long postId, Map<String, Object> comment) {
        Map<String, Object> withToken = new HashMap<>(comment);
        withToken.putIfAbsent("formToken", tokenIssued(postId, Instant.now().minus(Duration.ofMinutes(1))));
        return given().contentType(ContentType.JSON).body(withToken).post("/api/posts/" + postId + "/comments").then();
    }

    public long sendApproved(long postId, Map<String, Object> comment) {
        long id = ((Number) send(postId, comment).statusCode(201).extract().path("id")).longValue();
        setStatus(id, CommentState.APPROVED);
        return id;
    }

    @Transactional
    public void setStatus(long id, CommentState status) {
        entityManager.find(Comment.class, id).status = status;
    }

    @Transactional
    public void backdate(long id, Duration age) {
        entityManager.createNativeQuery("update comments set created_at = now() - cast(?1 as interval) where id = ?2")
                .setParameter(1, age.toSeconds() + " seconds").setParameter(2, id).executeUpdate();
    }

    /** The token of the link that the mail about a held comment gave this moderator for this action. */
    @Transactional
    public String moderationLink(long commentId, long moderatorId, String action) {
        Number id = (Number) entityManager.createNativeQuery(
                        "select id from moderation_links where comment_id = ?1 and user_id = ?2 and action = ?3")
                .setParameter(1, commentId).setParameter(2, moderatorId).setParameter(3, action).getSingleResult();
        return signatures.sign(ModerationLinks.PAYLOAD_PREFIX + id);
    }

    @Transactional
    public void expireModerationLinks() {
        entityManager.createNativeQuery("update moderation_links set expires_at = now() - interval '1 minute'")
                .executeUpdate();
    }

    @Transactional
    public Comment stored(long id) {
        return entityManager.find(Comment.class, id);
    }

    @Transactional
    public void block(String word) {
        entityManager.createNativeQuery("insert into comment_blocklist (word) values (?1)").setParameter(1, word)
                .executeUpdate();
    }

    @Transactional
    public long countStored() {
        return ((Number) entityManager.createNativeQuery("select count(*) from comments").getSingleResult()).longValue();
    }
}
