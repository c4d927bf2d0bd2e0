package org.noticeboard.archive;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.noticeboard.support.TestData;

import java.time.Instant;

import static io.restassured.RestAssured.when;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;

@QuarkusTest
class ArchiveResourceTest {

    @Inject
    TestData data;

    @BeforeEach
    void startEmpty() {
        data.reset();
    }

    @Test
    void monthsWithPublishedPostsAreListedNewestFirstWithCounts() {
        data.post("April", Instant.parse("2025-04-10T09:00:00Z"));
        data.post("July One", Instant.parse("2025-07-01T09:00:00Z"));
        data.post("July Two", Instant.parse("2025-07-16T09:00:00Z"));
        data.post("August", Instant.parse("2025-08-02T09:00:00Z"));
        data.post("Last Year", Instant.parse("2024-12-24T09:00:00Z"));
        data.draft("Draft In June");
        data.future("Scheduled");

        when().get("/api/archives").then().statusCode(200)
                .body("label", contains("August 2025", "July 2025", "April 2025", "December 2024"))
                .body("year", contains(2025, 2025, 2025, 2024))
                .body("month", contains(8, 7, 4, 12))
                .body("count", contains(1, 2, 1, 1))
                .body("path", contains("/news/archive/2025/08", "/news/archive/2025/07", "/news/archive/2025/04",
                        "/news/archive/2024/12"));
    }

    @Test
    void monthsFollowTheSiteTimeZone() {
        // 23:30 UTC on 31 July is August in London, but still July in New York.
        data.post("Midnight Post", Instant.parse("2025-07-31T23:30:00Z"));
        when().get("/api/archives").then().body("label", contains("August 2025"));

        data.site(site -> site.timezone = "America/New_York");
        when().get("/api/archives").then().body("label", contains("July 2025"));
    }

    @Test
    void noPublishedPostsMeansNoArchives() {
        data.draft("Draft");
        when().get("/api/archives").then().statusCode(200).body("$", empty());
    }
}
