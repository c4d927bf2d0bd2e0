package org.noticeboard;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.noticeboard.category.Category;
import org.noticeboard.menu.Menu;
import org.noticeboard.menu.MenuItem;
import org.noticeboard.page.Page;
import org.noticeboard.support.Race;
import org.noticeboard.support.TestData;
import org.noticeboard.user.Role;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two editors at the same moment: moves that would loop a tree, and slugs the server chooses. Each race runs
 * many rounds, because a check that reads a snapshot another transaction is changing fails only sometimes.
 */
@QuarkusTest
class ConcurrentWritesTest {

    private static final String MERGE_PATCH = "application/merge-patch+json";
    private static final int ROUNDS = 20;
    private static final int WRITERS = 30;

    @Inject
    TestData data;

    private String editor;
    private String admin;

    @BeforeEach
    void signIn() {
        data.reset();
        editor = data.tokenFor(Role.EDITOR);
        admin = data.tokenFor(Role.ADMIN);
    }

    @Test
    void pagesMovedUnderEachOtherAtOnceNeverLoop() {
        for (int round = 0; round < ROUNDS; round++) {
            Page a = data.page("Cyc A " + round, null);
            Page b = data.page("Cyc B " + round, null);
            String tagA = etag("/api/pages/" + a.id);
            String tagB = etag("/api/pages/" + b.id);

            List<Integer> statuses = Race.run(
                    () -> patch("/api/pages/" + a.id, tagA, "{\"parentId\":" + b.id + "}"),
                    () -> patch("/api/pages/" + b.id, tagB, "{\"parentId\":" + a.id + "}"));

            assertThat(statuses).as("round %d", round).containsOnlyOnce(200);
            assertThat(data.pageTreeFaults()).as("round %d", round).isEmpty();
        }
    }

    @Test
    void categoriesPlacedUnderEachOtherAtOnceNeverLoop() {
        for (int round = 0; round < ROUNDS; round++) {
            Category a = data.category("Cyc A " + round);
            Category b = data.category("Cyc B " + round);
            String tagA = etag("/api/categories/" + a.slug);
            String tagB = etag("/api/categories/" + b.slug);

            List<Integer> statuses = Race.run(
                    () -> patch("/api/categories/" + a.slug, tagA, "{\"parentSlug\":\"" + b.slug + "\"}"),
                    () -> patch("/api/categories/" + b.slug, tagB, "{\"parentSlug\":\"" + a.slug + "\"}"));

            assertThat(statuses).as("round %d", round).containsOnlyOnce(200);
            assertThat(data.categoryTreeFaults()).as("round %d", round).isEmpty();
        }
    }

    @Test
    void menuItemsMovedUnderEachOtherAtOnceNeverLoop() {
        for (int round = 0; round < ROUNDS; round++) {
            Menu menu = data.menu("menu-" + round);
            MenuItem a = data.menuItem(menu, null, "A", item -> { });
            MenuItem b = data.menuItem(menu, null, "B", item -> { });
            String tag = etag("/api/menus/" + menu.slug);
            String items = "/api/menus/" + menu.slug + "/items/";

            List<Integer> statuses = Race.run(
                    () -> patch(items + a.id, tag, "{\"parentId\":" + b.id + "}", admin),
                    () -> patch(items + b.id, tag, "{\"parentId\":" + a.id + "}", admin));

            assertThat(statuses).as("round %d", round).containsOnlyOnce(200);
            assertThat(data.menuTreeFaults()).as("round %d", round).isEmpty();
        }
    }

    @Test
    void postsCreatedAtOnceWithTheSameTitleAllGetFreeSlugs() {
        List<String> slugs = createAtOnce("/api/posts", "{\"title\":\"same\"}", "slug");

        assertThat(slugs).containsExactlyInAnyOrderElementsOf(expectedSlugs("same"));
    }

    @Test
    void pagesCreatedAtOnceWithTheSameTitleAllGetFreeSlugs() {
        List<String> slugs = createAtOnce("/api/pages", "{\"title\":\"same\"}", "slug");

        assertThat(slugs).containsExactlyInAnyOrderElementsOf(expectedSlugs("same"));
        assertThat(data.pageTreeFaults()).isEmpty();
    }

    @Test
    void categoriesCreatedAtOnceWithTheSameNameAllGetFreeSlugs() {
        List<String> slugs = createAtOnce("/api/categories", "{\"name\":\"Same\"}", "slug");

        assertThat(slugs).containsExactlyInAnyOrderElementsOf(expectedSlugs("same"));
    }

    private List<String> createAtOnce(String path, String body, String field) {
        List<Callable<String>> creates = new ArrayList<>();
        for (int i = 0; i < WRITERS; i++) {
            creates.add(() -> asEditor().contentType("application/json").body(body).post(path)
                    .then().statusCode(201).extract().path(field));
        }
        return Race.run(creates);
    }

    private static List<String> expectedSlugs(String base) {
        return IntStream.rangeClosed(1, WRITERS).mapToObj(n -> n == 1 ? base : base + "-" + n).toList();
    }

    private String etag(String path) {
        return given().auth().oauth2(admin).get(path).then().statusCode(200).extract().header("ETag");
    }

    private int patch(String path, String etag, String body) {
        return patch(path, etag, body, editor);
    }

    private static int patch(String path, String etag, String body, String token) {
        return given().auth().oauth2(token).header("If-Match", etag).contentType(MERGE_PATCH).body(body)
                .patch(path).statusCode();
    }

    private RequestSpecification asEditor() {
        return given().auth().oauth2(editor);
    }
}
