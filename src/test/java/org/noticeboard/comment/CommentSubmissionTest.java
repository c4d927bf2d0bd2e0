package org.noticeboard.comment;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.noticeboard.post.CommentStatus;
import org.noticeboard.post.Post;
import org.noticeboard.site.CommentModeration;
import org.noticeboard.support.Race;
import org.noticeboard.support.TestData;
import org.noticeboard.user.Role;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.noticeboard.comment.CommentFixtures.comment;

@QuarkusTest
class CommentSubmissionTest {

    @Inject
    TestData data;
    @Inject
    CommentFixtures fixtures;
    @Inject
    CommentLimits limits;

    private Duration minAge;
    private int perNetwork;
    private Duration flood;

    @BeforeEach
    void startEmpty() {
        data.reset();
        minAge = limits.formMinAge;
        perNetwork = limits.submissionsPerNetwork;
        flood = limits.floodInterval;
    }

    @AfterEach
    void restoreLimits() {
        limits.formMinAge = minAge;
        limits.submissionsPerNetwork = perNetwork;
        limits.floodInterval = flood;
    }

    @ParameterizedTest(name = "{0} post, {1} moderation: {2}")
    @CsvSource({
            "open, all-held, 201 pending",
            "open, first-time-held, 201 pending",
            "open, none, 201 approved",
            "closed, all-held, 403 Comments are closed.",
            "closed, first-time-held, 403 Comments are closed.",
            "closed, none, 403 Comments are closed.",
            "auto-closed, all-held, 403 Comments closed 30 days after publication.",
            "auto-closed, first-time-held, 403 Comments closed 30 days after publication.",
            "auto-closed, none, 403 Comments closed 30 days after publication."})
    void theSettingsDecideWhetherAndHowACommentIsTaken(String postState, String mode, String expected) {
        data.site(site -> {
            site.commentModeration = switch (mode) {
                case "none" -> CommentModeration.NONE;
                case "first-time-held" -> CommentModeration.FIRST_TIME_HELD;
                default -> CommentModeration.ALL_HELD;
            };
            site.commentsAutoCloseDays = 30;
        });
        Post post = data.post("Trustee Training", p -> {
            p.commentStatus = postState.equals("closed") ? CommentStatus.CLOSED : CommentStatus.OPEN;
            p.publishedAt = Instant.now().minus(Duration.ofDays(postState.equals("auto-closed") ? 31 : 1));
        });
        int status = Integer.parseInt(expected.substring(0, 3));
        String outcome = expected.substring(4);

        var answer = fixtures.send(post.id, comment("jo@example.org", "Will there be another session?"))
                .statusCode(status);
        if (status == 201) {
            answer.body("status", equalTo(outcome))
                    .body("awaitingModeration", equalTo(!outcome.equals("approved")))
                    .body("bodyHtml", equalTo("<p>Will there be another session?</p>"))
                    .body("$", not(org.hamcrest.Matchers.hasKey("authorEmail")));
            when().get("/api/posts/" + post.id + "/comments").then().statusCode(200)
                    .body("total", equalTo(outcome.equals("approved") ? 1 : 0));
        } else {
            answer.contentType("application/problem+json")
                    .body("type", equalTo("/problems/comments-closed"))
                    .body("detail", equalTo(outcome));
            given().get("/api/posts/" + post.id + "/comments/form").then().statusCode(403).body("detail", equalTo(outcome));
            assertThat(fixtures.countStored()).isZero();
        }
    }

    @Test
    void firstTimeHeldApprovesAnAddressThatHasAnApprovedComment() {
        data.site(site -> site.commentModeration = CommentModeration.FIRST_TIME_HELD);
        Post post = data.post("Volunteers Week", p -> { });
        fixtures.send(post.id, comment("jo@example.org", "First")).statusCode(201).body("status", equalTo("pending"));
        fixtures.sendApproved(post.id, comment("jo@example.org", "Second"));
        fixtures.send(post.id, comment("JO@example.org", "Third")).statusCode(201).body("status", equalTo("approved"));
        fixtures.send(post.id, comment("someone@example.org", "Hello")).statusCode(201).body("status", equalTo("pending"));
    }

    @Test
    void linksAndBlockedWordsHoldACommentWhateverTheMode() {
        data.site(site -> site.commentModeration = CommentModeration.NONE);
        fixtures.block("casino");
        Post post = data.post("Volunteers Week", p -> { });
        fixtures.send(post.id, comment("a@example.org", "See https://a.example and www.b.example")).statusCode(201)
                .body("status", equalTo("approved"));
        long links = ((Number) fixtures.send(post.id, comment("b@example.org",
                "https://a.example https://b.example http://c.example")).statusCode(201)
                .body("status", equalTo("pending")).extract().path("id")).longValue();
        long word = ((Number) fixtures.send(post.id, comment("c@example.org", "Best CASINO in town!")).statusCode(201)
                .body("status", equalTo("pending")).extract().path("id")).longValue();
        fixtures.send(post.id, comment("d@example.org", "Casinos are not on the blocklist")).statusCode(201)
                .body("status", equalTo("approved"));
        assertThat(fixtures.stored(links).heldReason).contains("3 links (more than 2)");
        assertThat(fixtures.stored(word).heldReason).contains("blocked word 'casino'");
    }

    @Test
    void repliesNestToTheSitesDepthAndNoDeeper() {
        data.site(site -> site.commentModeration = CommentModeration.NONE);
        Post post = data.post("Volunteers Week", p -> { });
        long top = fixtures.sendApproved(post.id, comment("a@example.org", "Top"));
        Map<String, Object> reply = comment("b@example.org", "Reply");
        reply.put("parentId", top);
        long first = ((Number) fixtures.send(post.id, reply).statusCode(201).body("parentId", equalTo((int) top))
                .extract().path("id")).longValue();
        Map<String, Object> second = comment("c@example.org", "Reply to reply");
        second.put("parentId", first);
        long deep = ((Number) fixtures.send(post.id, second).statusCode(201).body("parentId", equalTo((int) first))
                .extract().path("id")).longValue();
        Map<String, Object> third = comment("d@example.org", "Too deep");
        third.put("parentId", deep);
        fixtures.send(post.id, third).statusCode(201).body("parentId", equalTo((int) first));
        assertThat(fixtures.stored(deep).depth).isEqualTo((short) 2);

        when().get("/api/posts/" + post.id + "/comments").then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].replies[0].body", nullValue())
                .body("items[0].replies[0].bodyHtml", equalTo("<p>Reply</p>"))
                .body("items[0].replies[0].replies.bodyHtml", contains("<p>Reply to reply</p>", "<p>Too deep</p>"))
                .body("items[0].replies[0].replies[0].replies", empty());

        Post other = data.post("Other Post", p -> { });
        Map<String, Object> elsewhere = comment("e@example.org", "Wrong post");
        elsewhere.put("parentId", top);
        fixtures.send(other.id, elsewhere).statusCode(422).body("errors[0].field", equalTo("parentId"));
        long pending = ((Number) fixtures.send(post.id, comment("f@example.org", "Pending")).statusCode(201)
                .extract().path("id")).longValue();
        fixtures.setStatus(pending, CommentState.PENDING);
        Map<String, Object> toPending = comment("g@example.org", "Reply to pending");
        toPending.put("parentId", pending);
        fixtures.send(post.id, toPending).statusCode(422);
    }

    @Test
    void thePublicThreadIsApprovedOnlyOldestFirstAndPaged() {
        Post post = data.post("Volunteers Week", p -> { });
        long first = fixtures.sendApproved(post.id, comment("a@example.org", "First <b>bold</b> & more\n\nSecond paragraph"));
        fixtures.send(post.id, comment("b@example.org", "Held")).statusCode(201);
        long spam = fixtures.sendApproved(post.id, comment("c@example.org", "Spam"));
        fixtures.setStatus(spam, CommentState.SPAM);
        fixtures.sendApproved(post.id, comment("d@example.org", "Last"));

        when().get("/api/posts/" + post.id + "/comments?perPage=1").then().statusCode(200)
                .header("Link", containsString("rel=\"next\""))
                .body("total", equalTo(2))
                .body("items[0].id", equalTo((int) first))
                .body("items[0].bodyHtml", equalTo("<p>First &lt;b&gt;bold&lt;/b&gt; &amp; more</p>\n<p>Second paragraph</p>"))
                .body("items[0].avatar", notNullValue());
        when().get("/api/posts/slug/" + post.slug + "/comments?page=2&perPage=1").then().statusCode(200)
                .body("items.bodyHtml", contains("<p>Last</p>"));
        when().get("/api/posts/" + post.id).then().statusCode(200).body("comments.count", equalTo(2));
    }

    @Test
    void eMailAndAddressNeverAppearInPublicReads() {
        data.site(site -> site.commentModeration = CommentModeration.NONE);
        Post post = data.post("Volunteers Week", p -> { });
        String submitted = fixtures.send(post.id, comment("secret.person@example.org", "Hello")).statusCode(201)
                .extract().asString();
        String thread = when().get("/api/posts/" + post.id + "/comments").then().statusCode(200).extract().asString();
        String postRead = when().get("/api/posts/" + post.id).then().statusCode(200).extract().asString();
        for (String body : new String[] {submitted, thread, postRead}) {
            assertThat(body).doesNotContain("secret.person").doesNotContain("127.0.0.1")
                    .doesNotContain(md5("secret.person@example.org"));
        }
        assertThat(fixtures.stored(((Number) io.restassured.path.json.JsonPath.from(submitted).get("id")).longValue())
                .ipAddress).isEqualTo("127.0.0.1");
    }

    @Test
    void draftsScheduledAndUnknownPostsTakeNoComments() {
        for (Post post : new Post[] {data.draft("Draft"), data.future("Future")}) {
            fixtures.send(post.id, comment("a@example.org", "Hello")).statusCode(404);
            when().get("/api/posts/" + post.id + "/comments").then().statusCode(404);
            when().get("/api/posts/" + post.id + "/comments/form").then().statusCode(404);
        }
        fixtures.send(999_999, comment("a@example.org", "Hello")).statusCode(404);
        assertThat(fixtures.countStored()).isZero();
    }

    @Test
    void theFormTokenMustBeThisSitesForThisPostAndFreshButNotTooFresh() {
        Post post = data.post("Volunteers Week", p -> { });
        Post other = data.post("Other", p -> { });
        Map<String, String> refused = Map.of(
                "", "missing",
                "not-a-token", "forged",
                fixtures.tokenIssued(post.id, Instant.now().minusSeconds(60)) + "x", "forged signature",
                fixtures.tokenIssued(other.id, Instant.now().minusSeconds(60)), "another post",
                fixtures.tokenIssued(post.id, Instant.now().minus(Duration.ofHours(3))), "expired");
        refused.forEach((token, why) -> {
            Map<String, Object> sent = comment("a@example.org", "Hello " + why);
            sent.put("formToken", token);
            fixtures.send(post.id, sent).statusCode(422).body("errors[0].field", equalTo("formToken"));
        });

        limits.formMinAge = Duration.ofSeconds(3);
        String fresh = fixtures.formToken(post.id);
        Map<String, Object> tooSoon = comment("a@example.org", "Too fast");
        tooSoon.put("formToken", fresh);
        fixtures.send(post.id, tooSoon).statusCode(422).body("errors[0].message", containsString("too recently"));
        Map<String, Object> inTime = comment("a@example.org", "In time");
        inTime.put("formToken", fixtures.tokenIssued(post.id, Instant.now().minusSeconds(4)));
        fixtures.send(post.id, inTime).statusCode(201);
        assertThat(fixtures.countStored()).isEqualTo(1);
    }

    @Test
    void theHoneypotLooksAcceptedButKeepsTheCommentInSpam() {
        data.site(site -> site.commentModeration = CommentModeration.NONE);
        Post post = data.post("Volunteers Week", p -> { });
        Map<String, Object> bot = comment("bot@example.org", "Buy now");
        bot.put("homepage", "https://spam.example");
        long id = ((Number) fixtures.send(post.id, bot).statusCode(201).body("status", equalTo("pending"))
                .extract().path("id")).longValue();
        assertThat(fixtures.stored(id).status).isEqualTo(CommentState.SPAM);
        when().get("/api/posts/" + post.id + "/comments").then().body("total", equalTo(0));
    }

    @Test
    void aNetworkThatSendsTooManyCommentsWaits() {
        limits.submissionsPerNetwork = 2;
        Post post = data.post("Volunteers Week", p -> { });
        fixtures.send(post.id, comment("a@example.org", "One")).statusCode(201);
        fixtures.send(post.id, comment("b@example.org", "Two")).statusCode(201);
        fixtures.send(post.id, comment("c@example.org", "Three")).statusCode(429)
                .header("Retry-After", notNullValue())
                .body("type", equalTo("/problems/too-many-requests"));
        assertThat(fixtures.countStored()).isEqualTo(2);
    }

    @Test
    void aBurstFromOneNetworkGetsExactlyTheLimitHoweverItArrives() {
        limits.submissionsPerNetwork = 3;
        Post post = data.post("Volunteers Week", p -> { });
        List<Callable<Integer>> burst = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Map<String, Object> comment = comment("burst" + i + "@example.org", "Burst " + i);
            burst.add(() -> fixtures.send(post.id, comment).extract().statusCode());
        }
        List<Integer> statuses = Race.run(burst);
        assertThat(statuses).filteredOn(status -> status == 201).hasSize(3);
        assertThat(statuses).filteredOn(status -> status == 429).hasSize(5);
        assertThat(fixtures.countStored()).isEqualTo(3);
    }

    @Test
    void networksAreIpv4Slash24AndIpv6Slash48() {
        limits.submissionsPerNetwork = 2;
        assertThat(fixtures.admitted("2001:db8:1:1::1")).isTrue();
        assertThat(fixtures.admitted("2001:db8:1:ffff::2")).isTrue();
        assertThat(fixtures.admitted("2001:DB8:1:abcd:1:2:3:4")).as("the same /48").isFalse();
        assertThat(fixtures.admitted("2001:db8:2::1")).as("the next /48").isTrue();

        assertThat(fixtures.admitted("192.0.2.1")).isTrue();
        assertThat(fixtures.admitted("::ffff:192.0.2.200")).as("IPv4 written as IPv6").isTrue();
        assertThat(fixtures.admitted("192.0.2.7")).as("the same /24").isFalse();
        assertThat(fixtures.admitted("192.0.3.1")).as("the next /24").isTrue();
        assertThat(fixtures.admitted("::ffff:10.0.0.1")).as("mapped addresses do not share one network").isTrue();
    }

    @Test
    void oneAddressMustLeaveTheFloodIntervalBetweenComments() {
        limits.floodInterval = Duration.ofMinutes(1);
        Post post = data.post("Volunteers Week", p -> { });
        fixtures.send(post.id, comment("a@example.org", "One")).statusCode(201);
        fixtures.send(post.id, comment("A@example.org", "Two")).statusCode(429)
                .header("Retry-After", notNullValue());
        fixtures.send(post.id, comment("b@example.org", "Two")).statusCode(201);
    }

    @Test
    void theSameCommentTwiceIsRefused() {
        Post post = data.post("Volunteers Week", p -> { });
        fixtures.send(post.id, comment("a@example.org", "Thank you!")).statusCode(201);
        fixtures.send(post.id, comment("a@example.org", "  thank   YOU! ")).statusCode(409)
                .body("type", equalTo("/problems/duplicate-comment"));
        fixtures.send(post.id, comment("b@example.org", "Thank you!")).statusCode(201);
    }

    @Test
    void overlongAndMissingFieldsAreRefusedAndNothingIsStored() {
        Post post = data.post("Volunteers Week", p -> { });
        fixtures.send(post.id, comment("a@example.org", "x".repeat(5001))).statusCode(422)
                .body("errors[0].field", containsString("body"));
        Map<String, Object> longName = comment("a@example.org", "Hello");
        longName.put("authorName", "n".repeat(101));
        fixtures.send(post.id, longName).statusCode(422);
        fixtures.send(post.id, comment("not-an-address", "Hello")).statusCode(422);
        Map<String, Object> script = comment("a@example.org", "Hello");
        script.put("authorWebsite", "javascript:alert(1)");
        fixtures.send(post.id, script).statusCode(422);
        assertThat(fixtures.countStored()).isZero();
    }

    @Test
    void anyOriginMaySendACommentButNotWriteAnythingElse() {
        Post post = data.post("Volunteers Week", p -> { });
        given().header("Origin", "https://front.example").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type")
                .options("/api/posts/" + post.id + "/comments")
                .then().statusCode(204)
                .header("Access-Control-Allow-Origin", "*")
                .header("Access-Control-Allow-Methods", containsString("POST"))
                .header("Access-Control-Allow-Headers", containsString("Content-Type"));
        Map<String, Object> sent = comment("a@example.org", "From the front end");
        sent.put("formToken", fixtures.tokenIssued(post.id, Instant.now().minusSeconds(60)));
        given().header("Origin", "https://front.example").contentType(ContentType.JSON).body(sent)
                .post("/api/posts/" + post.id + "/comments")
                .then().statusCode(201).header("Access-Control-Allow-Origin", "*");

        given().header("Origin", "https://front.example").header("Access-Control-Request-Method", "POST")
                .options("/api/posts").then().statusCode(403);
        given().header("Origin", "https://front.example").auth().oauth2(data.tokenFor(Role.EDITOR))
                .contentType(ContentType.JSON).body(Map.of("title", "Sneaky"))
                .post("/api/posts").then().statusCode(403).body("type", equalTo("/problems/origin-not-allowed"));
        given().header("Origin", "https://front.example").header("Access-Control-Request-Method", "DELETE")
                .options("/api/posts/" + post.id + "/comments").then().statusCode(403);
    }

    @Test
    void approvingACommentLeavesThePostsEditingTagAlone() {
        String editor = data.tokenFor(Role.EDITOR);
        Post post = data.post("Volunteers Week", p -> { });
        String tag = given().auth().oauth2(editor).get("/api/posts/" + post.id).then().statusCode(200)
                .body("comments.count", equalTo(0)).extract().header("ETag");
        fixtures.sendApproved(post.id, comment("a@example.org", "Hello"));
        given().auth().oauth2(editor).get("/api/posts/" + post.id).then().statusCode(200)
                .header("ETag", equalTo(tag)).body("comments.count", equalTo(1));
        given().auth().oauth2(editor).header("If-Match", tag).contentType(ContentType.JSON)
                .body(Map.of("title", "Volunteers Week", "status", "published"))
                .put("/api/posts/" + post.id).then().statusCode(200);
    }

    @Test
    void anApprovedCommentShowsInTheCachedThreadAtOnce() {
        Post post = data.post("Volunteers Week", p -> { });
        when().get("/api/posts/" + post.id + "/comments").then().statusCode(200).body("items", hasSize(0));
        long id = ((Number) fixtures.send(post.id, comment("a@example.org", "Hello")).statusCode(201)
                .extract().path("id")).longValue();
        when().get("/api/posts/" + post.id + "/comments").then().body("items", hasSize(0));
        fixtures.setStatus(id, CommentState.APPROVED);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                when().get("/api/posts/" + post.id + "/comments").then().body("items", hasSize(1)));
    }

    private static String md5(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
