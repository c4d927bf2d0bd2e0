package org.noticeboard.common;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Which statements empty the response cache when their transaction commits. */
class ContentWriteInspectorTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "insert into posts (author_name,body_html) values (?,?) returning id",
            "update posts set title=?,version=? where id=? and version=?",
            "delete from post_categories where post_id=?",
            "truncate menu_items, menus, post_categories restart identity cascade",
            "  UPDATE site_settings SET name = 'x'",
            "insert into post_slug_redirects (old_slug, post_id) values (:slug, :post) on conflict (old_slug) do update set post_id = 1",
            "with moved as (update pages set path = ? where id = ? returning id) select count(*) from moved"})
    void writesToContentEmptyTheCache(String sql) {
        assertThat(ContentWriteInspector.writesContent(sql)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "select p1_0.id,p1_0.slug from posts p1_0 where p1_0.slug=?",
            "select pg_advisory_xact_lock(?)",
            "with counted as (select category_id, sum(posts) as posts from category_month_counts group by category_id) "
                    + "select c.id from categories c left join counted on counted.category_id = c.id",
            "update access_tokens set last_used_at=? where id=?",
            "insert into users (email,password_hash) values (?,?)",
            "delete from access_tokens where expires_at < now()"})
    void readsAndSignInsLeaveItAlone(String sql) {
        assertThat(ContentWriteInspector.writesContent(sql)).isFalse();
    }
}
