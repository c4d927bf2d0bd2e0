package org.noticeboard;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;
import org.noticeboard.category.Category;
import org.noticeboard.menu.LinkType;
import org.noticeboard.menu.Menu;
import org.noticeboard.menu.MenuItem;
import org.noticeboard.page.Page;
import org.noticeboard.post.Post;
import org.noticeboard.support.TestData;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.function.IntConsumer;

import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * No N+1: every list and tree endpoint runs the same number of SQL statements for 1 row as for 50.
 * Counted by Hibernate statistics (enabled in the test profile), which see every JDBC statement.
 */
@QuarkusTest
class StatementCountTest {

    private static final int FEW = 1;
    private static final int MANY = 50;
    private static final int MAX_STATEMENTS = 6;

    @Inject
    TestData data;

    @Inject
    SessionFactory sessionFactory;

    @Test
    void postListing() {
        assertFixedStatementCount("/api/posts?perPage=100", count -> {
            Category a = data.category("Alpha");
            Category b = data.category("Beta");
            for (int i = 0; i < count; i++) {
                data.post("Post " + i, Instant.parse("2025-07-01T09:00:00Z").plusSeconds(i), a, b);
            }
        });
    }

    @Test
    void filteredPostListing() {
        assertFixedStatementCount("/api/posts?perPage=100&category=alpha&year=2025&month=7", count -> {
            Category a = data.category("Alpha");
            for (int i = 0; i < count; i++) {
                data.post("Post " + i, Instant.parse("2025-07-01T09:00:00Z").plusSeconds(i), a);
            }
        });
    }

    @Test
    void singlePost() {
        assertFixedStatementCount("/api/posts/slug/post-0", count -> {
            Category[] categories = new Category[count];
            for (int i = 0; i < count; i++) {
                categories[i] = data.category("Category " + i);
            }
            data.post("Post 0", post -> { }, categories);
            data.post("Older", Instant.parse("2020-01-01T00:00:00Z"));
        });
    }

    @Test
    void pageListing() {
        assertFixedStatementCount("/api/pages?perPage=100", count -> {
            Page parent = data.page("Parent", null);
            for (int i = 1; i < count; i++) {
                data.page("Child " + i, parent);
            }
        });
    }

    @Test
    void pageWithBreadcrumbsAndChildren() {
        assertFixedStatementCount("/api/pages/by-path/a/b/c", count -> {
            Page c = data.page("C", data.page("B", data.page("A", null)));
            for (int i = 0; i < count; i++) {
                data.page("Child " + i, c);
            }
        });
    }

    @Test
    void menuTree() {
        assertFixedStatementCount("/api/menus/main", count -> {
            Menu main = data.menu("main");
            MenuItem parent = null;
            for (int i = 0; i < count; i++) {
                Page page = data.page("Page " + i, null);
                Post post = data.post("Post " + i, p -> { });
                parent = data.menuItem(main, parent, "Level " + i, TestData.toPage(page));
                data.menuItem(main, parent, "Post " + i, TestData.toPost(post));
            }
        });
    }

    @Test
    void allMenus() {
        assertFixedStatementCount("/api/menus", count -> {
            for (int i = 0; i < count; i++) {
                Menu menu = data.menu("menu-" + i);
                data.menuItem(menu, null, "News", item -> item.linkType = LinkType.NEWS);
            }
        });
    }

    @Test
    void categories() {
        assertFixedStatementCount("/api/categories", count -> {
            for (int i = 0; i < count; i++) {
                Category category = data.category("Category " + i);
                data.post("Post " + i, p -> { }, category);
            }
        });
    }

    @Test
    void archives() {
        assertFixedStatementCount("/api/archives", count -> {
            for (int i = 0; i < count; i++) {
                Instant month = LocalDate.of(2020, 1, 15).plusMonths(i).atStartOfDay().toInstant(ZoneOffset.UTC);
                data.post("Post " + i, month);
            }
        });
    }

    private void assertFixedStatementCount(String url, IntConsumer seed) {
        long few = statementsWith(FEW, url, seed);
        long many = statementsWith(MANY, url, seed);
        assertThat(many).as("statements for %s with %d rows vs %d", url, MANY, FEW).isEqualTo(few);
        assertThat(few).as("statements for %s", url).isBetween(1L, (long) MAX_STATEMENTS);
    }

    private long statementsWith(int rows, String url, IntConsumer seed) {
        data.reset();
        seed.accept(rows);
        sessionFactory.getStatistics().clear();
        when().get(url).then().statusCode(200);
        return sessionFactory.getStatistics().getPrepareStatementCount();
    }
}
