package org.noticeboard.comment;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.noticeboard.post.Post;
import org.noticeboard.support.SmtpServer;
import org.noticeboard.support.TestData;
import org.noticeboard.user.Role;
import org.noticeboard.user.User;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.noticeboard.comment.CommentFixtures.comment;

/** Mails to moderators about held comments, received by a real SMTP server, and the one-click links in them. */
@QuarkusTest
@TestProfile(ModeratorMailTest.RealSmtp.class)
class ModeratorMailTest {

    public static class RealSmtp implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(SmtpServer.class));
        }
    }

    private static final Pattern LINK = Pattern.compile("https://api\\.example\\.org(/api/moderation-links/\\S+)");

    @Inject
    TestData data;
    @Inject
    CommentFixtures fixtures;

    private User editor;
    private User admin;
    private Post post;

    @BeforeEach
    void startEmpty() throws Exception {
        data.reset();
        SmtpServer.server().purgeEmailFromAllMailboxes();
        editor = data.user("editor@example.org", Role.EDITOR);
        admin = data.user("admin@example.org", Role.ADMIN);
        post = data.post("Volunteers Week", p -> { });
    }

    private long held(Map<String, Object> comment) {
        return ((Number) fixtures.send(post.id, comment).statusCode(201).body("status", equalTo("pending"))
                .extract().path("id")).longValue();
    }

    private static List<MimeMessage> mails(int expected) {
        assertThat(SmtpServer.server().waitForIncomingEmail(30_000, expected)).as("%d mails arrived", expected).isTrue();
        return Arrays.asList(SmtpServer.server().getReceivedMessages());
    }

    private static String text(MimeMessage mail) {
        try {
            // Decoded by hand: getContent() needs javax.activation, which the test class path does not have.
            byte[] decoded = MimeUtility.decode(mail.getRawInputStream(), mail.getEncoding()).readAllBytes();
            return new String(decoded, StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String recipient(MimeMessage mail) {
        try {
            return mail.getRecipients(Message.RecipientType.TO)[0].toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The paths of the approve, spam and trash links, in that order. */
    private static List<String> links(MimeMessage mail) {
        List<String> paths = new ArrayList<>();
        Matcher matcher = LINK.matcher(text(mail));
        while (matcher.find()) {
            paths.add(matcher.group(1));
        }
        assertThat(paths).hasSize(3);
        return paths;
    }

    private MimeMessage mailTo(String address) {
        return mails(2).stream().filter(mail -> recipient(mail).equals(address)).findFirst().orElseThrow();
    }

    @Test
    void everyModeratorIsToldOfAHeldCommentWithAnExcerptAndNeverTheReader() throws Exception {
        String body = "Count me in for the litter pick on Saturday. " + "I can bring gloves and bags. ".repeat(40)
                + "THE-VERY-END";
        held(comment("reader@example.net", body));

        List<MimeMessage> mails = mails(2);
        assertThat(mails).extracting(ModeratorMailTest::recipient)
                .containsExactlyInAnyOrder("editor@example.org", "admin@example.org");
        MimeMessage mail = mailTo("editor@example.org");
        assertThat(mail.getSubject()).isEqualTo("Comment awaiting moderation: Volunteers Week");
        String text = text(mail);
        assertThat(text).contains("Volunteers Week", "Jo Bloggs <reader@example.net>", "Held because:",
                        "Count me in for the litter pick on Saturday.")
                .doesNotContain("THE-VERY-END");
        String excerpt = text.substring(text.indexOf("It begins:\n") + 11).split("\n", 2)[0];
        assertThat(excerpt.length()).isLessThanOrEqualTo(ModeratorMail.EXCERPT_LENGTH + 1);
        // Each moderator gets links of their own.
        assertThat(links(mail)).doesNotContainAnyElementsOf(links(mailTo("admin@example.org")));
    }

    @Test
    void commentsThatNeedNoModeratorAndHoneypotSpamSendNoMail() throws Exception {
        data.site(site -> site.commentModeration = org.noticeboard.site.CommentModeration.NONE);
        fixtures.send(post.id, comment("reader@example.net", "Straight through")).statusCode(201)
                .body("status", equalTo("approved"));
        Map<String, Object> bot = comment("bot@example.net", "Cheap pills");
        bot.put("homepage", "https://spam.example");
        fixtures.send(post.id, bot).statusCode(201);
        // A held comment sent after them is the first and only mail each moderator gets.
        data.site(site -> site.commentModeration = org.noticeboard.site.CommentModeration.ALL_HELD);
        held(comment("reader@example.net", "Held one"));
        assertThat(mails(2)).hasSize(2).allSatisfy(mail -> assertThat(text(mail)).contains("Held one"));
    }

    @Test
    void aLinkAsksFirstThenActsOnceAsItsModeratorAndSpendsTheMailsOtherLinks() {
        long id = held(comment("reader@example.net", "Please approve me"));
        List<String> links = links(mailTo("editor@example.org"));
        String approve = links.get(0);

        // Opening the link (as a mail scanner does) changes nothing.
        given().get(approve).then().statusCode(200)
                .contentType(containsString("text/html"))
                .header("Cache-Control", "no-store")
                .header("Content-Security-Policy", containsString("form-action 'self'"))
                .body(containsString("Approve this comment?"), containsString("<form method=\"post\">"),
                        containsString("Please approve me"), containsString("editor"));
        assertThat(fixtures.stored(id).status).isEqualTo(CommentState.PENDING);

        // The page's form posts from the API's own origin; a mail client's browser may send any.
        given().header("Origin", "https://mail.example.com").post(approve).then().statusCode(200)
                .contentType(containsString("text/html")).body(containsString("Comment approved"));
        Comment approved = fixtures.stored(id);
        assertThat(approved.status).isEqualTo(CommentState.APPROVED);
        assertThat(approved.moderatedBy).isEqualTo(editor.id);
        when().get("/api/posts/" + post.id + "/comments").then().statusCode(200).body("total", equalTo(1));

        given().post(approve).then().statusCode(410).contentType("application/problem+json")
                .body("type", equalTo("/problems/link-spent"), "detail", containsString("it is now approved"));
        given().post(links.get(2)).then().statusCode(410);
        given().get(links.get(1)).then().statusCode(410);
        // The admin's mail names the same comment: its links are spent too.
        given().post(links(mailTo("admin@example.org")).get(2)).then().statusCode(410);
        assertThat(fixtures.stored(id).status).isEqualTo(CommentState.APPROVED);
    }

    @Test
    void anExpiredLinkChangesNothing() {
        long id = held(comment("reader@example.net", "Too late"));
        String trash = links(mailTo("admin@example.org")).get(2);
        fixtures.expireModerationLinks();
        given().post(trash).then().statusCode(410).body("detail", containsString("expired"));
        assertThat(fixtures.stored(id).status).isEqualTo(CommentState.PENDING);
    }

    @Test
    void aForgedOrAlteredLinkIsUnknown() {
        long id = held(comment("reader@example.net", "Forge me"));
        String spam = links(mailTo("admin@example.org")).get(1);
        String token = spam.substring(spam.lastIndexOf('/') + 1);
        String payload = token.substring(0, token.indexOf('.'));
        String otherLink = "m" + (Long.parseLong(payload.substring(1)) + 1);
        given().post("/api/moderation-links/" + otherLink + token.substring(token.indexOf('.'))).then().statusCode(404)
                .contentType("application/problem+json");
        given().post("/api/moderation-links/" + payload + ".AAAA").then().statusCode(404);
        given().post("/api/moderation-links/" + fixtures.tokenIssued(post.id, java.time.Instant.now())).then()
                .statusCode(404);
        assertThat(fixtures.stored(id).status).isEqualTo(CommentState.PENDING);
    }

    @Test
    void aCommentModeratedInTheQueueSpendsItsLinks() {
        long id = held(comment("reader@example.net", "Moderated elsewhere"));
        String approve = links(mailTo("admin@example.org")).get(0);
        given().auth().oauth2(data.tokenFor(editor)).post("/api/comments/" + id + "/spam").then().statusCode(200);
        given().post(approve).then().statusCode(410).body("detail", containsString("now spam"));
        assertThat(fixtures.stored(id).status).isEqualTo(CommentState.SPAM);
    }
}
