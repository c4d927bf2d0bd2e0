package org.noticeboard.category;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.noticeboard.support.TestData;

import java.time.Instant;

import static io.restassured.RestAssured.when;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class CategoryResourceTest {

    @Inject
    TestData data;

    @BeforeEach
    void startEmpty() {
        data.reset();
    }

    @Test
    void categoriesAreListedByNameWithPublishedPostCounts() {
        Category newsletters = data.category("Newsletters");
        Category whatsOn = data.category("What's On In Lancashire");
        Category pendle = data.category("What's On In Pendle", whatsOn);
        data.category("Local Authority/Community Notices");
        data.post("One", Instant.parse("2025-07-01T09:00:00Z"), newsletters);
        data.post("Two", Instant.parse("2025-07-02T09:00:00Z"), newsletters, pendle);
        data.draft("Draft", newsletters, pendle);
        data.future("Future", newsletters);

        when().get("/api/categories").then().statusCode(200)
                .body("name", contains("Local Authority/Community Notices", "Newsletters",
                        "What's On In Lancashire", "What's On In Pendle"))
                .body("slug", contains("local-authority-community-notices", "newsletters",
                        "whats-on-in-lancashire", "whats-on-in-pendle"))
                .body("postCount", contains(0, 2, 0, 1))
                .body("parentSlug", contains(null, null, null, "whats-on-in-lancashire"))
                .body("[1].path", equalTo("/news/category/newsletters"));
    }

    @Test
    void categoryBySlugCountsOnlyPublishedPosts() {
        Category newsletters = data.category("Newsletters");
        data.post("One", Instant.parse("2025-07-01T09:00:00Z"), newsletters);
        data.draft("Draft", newsletters);

        when().get("/api/categories/newsletters").then().statusCode(200)
                .body("name", equalTo("Newsletters"))
                .body("postCount", equalTo(1))
                .body("parentSlug", nullValue());
    }

    @Test
    void unknownCategoryIsNotFound() {
        when().get("/api/categories/nope").then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/not-found"));
    }
}
