package org.noticeboard.site;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.noticeboard.support.TestData;

import static io.restassured.RestAssured.when;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class SiteResourceTest {

    @Inject
    TestData data;

    @BeforeEach
    void startEmpty() {
        data.reset();
    }

    @Test
    void siteSettingsIncludeTheCommentDefaults() {
        data.site(site -> {
            site.name = "BPRCVS";
            site.tagline = "Supporting the voluntary sector";
            site.about = "Write something about yourself.";
            site.contactEmail = "info@example.org";
            site.siteUrl = "https://www.example.org";
            site.timezone = "Europe/London";
            site.commentsOpenByDefault = false;
            site.commentsAutoCloseDays = 14;
            site.commentModeration = CommentModeration.FIRST_TIME_HELD;
        });

        when().get("/api/site").then().statusCode(200)
                .body("name", equalTo("BPRCVS"))
                .body("tagline", equalTo("Supporting the voluntary sector"))
                .body("about", equalTo("Write something about yourself."))
                .body("contact.email", equalTo("info@example.org"))
                .body("contact.phone", nullValue())
                .body("url", equalTo("https://www.example.org"))
                .body("timezone", equalTo("Europe/London"))
                .body("comments.openOnNewPosts", equalTo(false))
                .body("comments.autoCloseAfterDays", equalTo(14))
                .body("comments.moderation", equalTo("first-time-held"))
                .body("comments.maxLinks", equalTo(2))
                .body("comments.threadDepth", equalTo(2));
    }

    @Test
    void commentsNeverAutoCloseUnlessConfigured() {
        when().get("/api/site").then().statusCode(200)
                .body("comments.autoCloseAfterDays", nullValue())
                .body("comments.openOnNewPosts", equalTo(true));
    }
}
