package org.noticeboard.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import jakarta.enterprise.context.ApplicationScoped;
import org.noticeboard.comment.CommentState;
import org.noticeboard.common.WireEnum;
import org.noticeboard.menu.LinkType;
import org.noticeboard.page.PageStatus;
import org.noticeboard.post.CommentStatus;
import org.noticeboard.post.PostStatus;
import org.noticeboard.site.CommentModeration;
import org.noticeboard.site.SiteLanguage;
import org.noticeboard.user.Role;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * Writes {@link SiteExport} as it reads it: row by row from cursors (a site of 100,000 posts is some 300 MB of JSON,
 * never held whole), all in one read-only repeatable-read transaction, so the document is one moment of the site
 * even while editors keep writing.
 */
@ApplicationScoped
public class SiteExporter {

    private static final int FETCH_SIZE = 500;

    private final DataSource dataSource;
    private final ObjectMapper mapper;
    /** Flushed by the stream's own buffer, not after every row. */
    private final ObjectWriter rowWriter;

    SiteExporter(DataSource dataSource, ObjectMapper mapper) {
        this.dataSource = dataSource;
        this.mapper = mapper;
        this.rowWriter = mapper.writer().without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
    }

    /** @param full whether password hashes and commenters' IP addresses go in */
    public void write(OutputStream out, boolean full) throws IOException {
        try (Connection connection = dataSource.getConnection();
             JsonGenerator json = mapper.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                new Writing(connection, json, full).document();
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new IOException("The export stopped: " + e.getMessage(), e);
        }
    }

    private interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    private final class Writing {
        private final Connection connection;
        private final JsonGenerator json;
        private final boolean full;

        Writing(Connection connection, JsonGenerator json, boolean full) {
            this.connection = connection;
            this.json = json;
            this.full = full;
        }

        void document() throws SQLException, IOException {
            json.writeStartObject();
            json.writeStringField("format", SiteExport.FORMAT);
            json.writeNumberField("version", SiteExport.VERSION);
            json.writeBooleanField("full", full);
            json.writeFieldName("site");
            each("select * from site_settings", this::site);
            array("users", "select * from users order by id", this::user);
            array("categories", "select * from categories order by id", this::category);
            array("pages", """
                    select g.*, array(select r.old_path from page_path_redirects r where r.page_id = g.id
                                      order by r.created_at, r.old_path) as former_paths,
                                array(select r.created_at from page_path_redirects r where r.page_id = g.id
                                      order by r.created_at, r.old_path) as former_paths_created
                    from pages g order by g.id""", this::page);
            array("posts", """
                    select p.*, array(select pc.category_id from post_categories pc where pc.post_id = p.id
                                      order by pc.category_id) as category_ids,
                                array(select r.old_slug from post_slug_redirects r where r.post_id = p.id
                                      order by r.created_at, r.old_slug) as former_slugs,
                                array(select r.created_at from post_slug_redirects r where r.post_id = p.id
                                      order by r.created_at, r.old_slug) as former_slugs_created
                    from posts p order by p.id""", this::post);
            menus();
            array("comments", "select c.*, host(c.ip_address) as ip from comments c order by c.id", this::comment);
            array("commentBlocklist", "select word from comment_blocklist order by word", row -> row.getString("word"));
            array("importedItems", "select * from imported_posts order by source, external_id",
                    row -> new SiteExport.ImportedItem(row.getString("source"), row.getString("external_id"),
                            id(row, "post_id"), row.getString("link"), instant(row, "imported_at")));
            array("importedPages", "select * from imported_pages order by source, external_id",
                    row -> new SiteExport.ImportedPage(row.getString("source"), row.getString("external_id"),
                            id(row, "page_id"), row.getString("link"), instant(row, "imported_at")));
            array("importRedirects", "select * from import_redirects order by from_url",
                    row -> new SiteExport.ImportRedirect(row.getString("from_url"), id(row, "post_id"),
                            id(row, "page_id"), id(row, "category_id"), instant(row, "created_at")));
            json.writeEndObject();
        }

        private <T> void array(String name, String sql, RowMapper<T> mapper) throws SQLException, IOException {
            json.writeArrayFieldStart(name);
            each(sql, mapper);
            json.writeEndArray();
        }

        private <T> void each(String sql, RowMapper<T> rowMapper) throws SQLException, IOException {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setFetchSize(FETCH_SIZE);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        rowWriter.writeValue(json, rowMapper.map(rows));
                    }
                }
            }
        }

        /** Menus are few and small: their items are gathered first, then each menu is written whole. */
        private void menus() throws SQLException, IOException {
            Map<Long, List<SiteExport.MenuItem>> items = new LinkedHashMap<>();
            try (PreparedStatement statement = connection.prepareStatement("select * from menu_items order by id");
                 ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    items.computeIfAbsent(rows.getLong("menu_id"), menu -> new ArrayList<>()).add(menuItem(rows));
                }
            }
            array("menus", "select * from menus order by id", row -> new SiteExport.Menu(row.getLong("id"),
                    row.getString("slug"), row.getString("name"), items.getOrDefault(row.getLong("id"), List.of()),
                    row.getLong("version"), audit(row)));
        }

        private SiteExport.Site site(ResultSet row) throws SQLException {
            return new SiteExport.Site(row.getString("name"), row.getString("tagline"), row.getString("about"),
                    row.getString("contact_email"), row.getString("contact_phone"), row.getString("contact_address"),
                    row.getString("site_url"), row.getString("timezone"),
                    wire(SiteLanguage.class, row.getString("language")), row.getBoolean("comments_open_by_default"),
                    integer(row, "comments_auto_close_days"),
                    wire(CommentModeration.class, row.getString("comment_moderation")),
                    row.getInt("comment_max_links"), row.getInt("comment_thread_depth"),
                    row.getObject("feed_site_id", UUID.class), row.getLong("version"), instant(row, "updated_at"),
                    id(row, "updated_by"));
        }

        private SiteExport.User user(ResultSet row) throws SQLException {
            return new SiteExport.User(row.getLong("id"), row.getString("email"), row.getString("display_name"),
                    wire(Role.class, row.getString("role")), full ? row.getString("password_hash") : null,
                    row.getLong("version"), audit(row));
        }

        private SiteExport.Category category(ResultSet row) throws SQLException {
            return new SiteExport.Category(row.getLong("id"), row.getString("slug"), row.getString("name"),
                    row.getString("description"), id(row, "parent_id"), row.getLong("version"), audit(row));
        }

        private SiteExport.Page page(ResultSet row) throws SQLException {
            List<SiteExport.FormerPath> formerPaths = former(row, "former_paths", SiteExport.FormerPath::new);
            return new SiteExport.Page(row.getLong("id"), id(row, "parent_id"), row.getString("slug"),
                    row.getString("path"), row.getString("title"), row.getString("summary"),
                    row.getString("body_html"), row.getInt("position"), wire(PageStatus.class, row.getString("status")),
                    row.getString("meta_description"), formerPaths, row.getLong("version"), audit(row));
        }

        private SiteExport.Post post(ResultSet row) throws SQLException {
            List<SiteExport.FormerSlug> formerSlugs = former(row, "former_slugs", SiteExport.FormerSlug::new);
            List<Long> categoryIds = new ArrayList<>();
            for (Object id : (Object[]) row.getArray("category_ids").getArray()) {
                categoryIds.add(((Number) id).longValue());
            }
            return new SiteExport.Post(row.getLong("id"), row.getString("slug"), row.getString("title"),
                    row.getString("excerpt"), row.getString("body_html"), row.getString("featured_image_url"),
                    row.getString("featured_image_alt"), row.getString("author_name"),
                    wire(PostStatus.class, row.getString("status")), instant(row, "published_at"),
                    wire(CommentStatus.class, row.getString("comment_status")), categoryIds, formerSlugs,
                    row.getLong("version"), audit(row));
        }

        private SiteExport.MenuItem menuItem(ResultSet row) throws SQLException {
            return new SiteExport.MenuItem(row.getLong("id"), id(row, "parent_id"), row.getInt("position"),
                    row.getString("label"), wire(LinkType.class, row.getString("link_type")), id(row, "page_id"),
                    id(row, "post_id"), id(row, "category_id"), integer(row, "archive_year"),
                    integer(row, "archive_month"), row.getString("url"), row.getLong("version"), audit(row));
        }

        private SiteExport.Comment comment(ResultSet row) throws SQLException {
            return new SiteExport.Comment(row.getLong("id"), row.getLong("post_id"), id(row, "parent_id"),
                    row.getInt("depth"), wire(CommentState.class, row.getString("status")),
                    wire(CommentState.class, row.getString("previous_status")), row.getString("held_reason"),
                    row.getString("author_name"), row.getString("author_email"), row.getString("author_website"),
                    row.getString("body"), full ? row.getString("ip") : null, row.getString("fingerprint"),
                    instant(row, "edited_at"), id(row, "edited_by"), instant(row, "moderated_at"),
                    id(row, "moderated_by"), row.getLong("version"), instant(row, "created_at"),
                    instant(row, "updated_at"));
        }
    }

    private static SiteExport.Audit audit(ResultSet row) throws SQLException {
        return new SiteExport.Audit(instant(row, "created_at"), instant(row, "updated_at"), id(row, "created_by"),
                id(row, "updated_by"));
    }

    private static <E extends Enum<E>> E wire(Class<E> type, String value) {
        return value == null ? null : WireEnum.parse(type, value);
    }

    private static Long id(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }

    private static Integer integer(ResultSet row, String column) throws SQLException {
        int value = row.getInt(column);
        return row.wasNull() ? null : value;
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** Redirects kept beside a row as two arrays in the same order: {@code column} and {@code column_created}. */
    private static <T> List<T> former(ResultSet row, String column, BiFunction<String, Instant, T> make)
            throws SQLException {
        Object[] values = (Object[]) row.getArray(column).getArray();
        Object[] created = (Object[]) row.getArray(column + "_created").getArray();
        List<T> former = new ArrayList<>(values.length);
        for (int i = 0; i < values.length; i++) {
            former.add(make.apply((String) values[i], ((Timestamp) created[i]).toInstant()));
        }
        return former;
    }
}
