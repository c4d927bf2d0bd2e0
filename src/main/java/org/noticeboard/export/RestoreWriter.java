package org.noticeboard.export;

import org.noticeboard.common.WireEnum;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes a restore's rows with plain JDBC batches, every column as the document has it: ids, versions and audit
 * times. The entities cannot: their ids are IDENTITY, their times {@code @CreationTimestamp}/{@code @UpdateTimestamp}
 * and their versions {@code @Version}, all of which Hibernate sets itself. A refusal by the database (a taken slug,
 * a check) becomes a 400 that names the element, never a 500.
 */
final class RestoreWriter implements RestoreRows, AutoCloseable {

    private static final int BATCH_SIZE = 500;
    private static final Pattern BATCH_ENTRY = Pattern.compile("Batch entry (\\d+)");
    /** Tables whose ids are identities, in the order their sequences are set. */
    private static final List<String> IDENTITY_TABLES = List.of("users", "categories", "pages", "posts", "menus",
            "menu_items", "comments");

    private final Connection connection;
    private final Batch categories;
    private final Batch pages;
    private final Batch pageRedirects;
    private final Batch posts;
    private final Batch postCategories;
    private final Batch postRedirects;
    private final Batch menus;
    private final Batch menuItems;
    private final Batch comments;
    private final Batch blocklist;
    private final Batch importedItems;
    private final Batch importedPages;
    private final Batch importRedirects;
    /** In the order the foreign keys need: a row's parent table comes before it. */
    private final List<Batch> batches;

    RestoreWriter(Connection connection) {
        this.connection = connection;
        try {
            categories = new Batch("""
                    insert into categories (id, slug, name, description, parent_id, version, created_at, updated_at,
                        created_by, updated_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
            pages = new Batch("""
                    insert into pages (id, parent_id, slug, path, title, summary, body_html, position, status,
                        meta_description, version, created_at, updated_at, created_by, updated_by)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
            pageRedirects = new Batch("insert into page_path_redirects (old_path, page_id, created_at) values (?, ?, ?)");
            posts = new Batch("""
                    insert into posts (id, slug, title, excerpt, body_html, featured_image_url, featured_image_alt,
                        author_name, status, published_at, comment_status, version, created_at, updated_at, created_by,
                        updated_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
            postCategories = new Batch("insert into post_categories (post_id, category_id) values (?, ?)");
            postRedirects = new Batch("insert into post_slug_redirects (old_slug, post_id, created_at) values (?, ?, ?)");
            menus = new Batch("""
                    insert into menus (id, slug, name, version, created_at, updated_at, created_by, updated_by)
                    values (?, ?, ?, ?, ?, ?, ?, ?)""");
            menuItems = new Batch("""
                    insert into menu_items (id, menu_id, parent_id, position, label, link_type, page_id, post_id,
                        category_id, archive_year, archive_month, url, version, created_at, updated_at, created_by,
                        updated_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
            comments = new Batch("""
                    insert into comments (id, post_id, parent_id, depth, status, previous_status, held_reason,
                        author_name, author_email, author_website, body, ip_address, fingerprint, edited_at, edited_by,
                        moderated_at, moderated_by, version, created_at, updated_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as inet), ?, ?, ?, ?, ?, ?, ?, ?)""");
            blocklist = new Batch("insert into comment_blocklist (word) values (?)");
            importedItems = new Batch("""
                    insert into imported_posts (source, external_id, post_id, link, imported_at)
                    values (?, ?, ?, ?, ?)""");
            importedPages = new Batch("""
                    insert into imported_pages (source, external_id, page_id, link, imported_at)
                    values (?, ?, ?, ?, ?)""");
            importRedirects = new Batch("""
                    insert into import_redirects (from_url, post_id, page_id, category_id, created_at)
                    values (?, ?, ?, ?, ?)""");
        } catch (SQLException e) {
            throw new Failed(e);
        }
        batches = List.of(categories, pages, pageRedirects, posts, postCategories, postRedirects, menus, menuItems,
                comments, blocklist, importedItems, importedPages, importRedirects);
    }

    @Override
    public void users(List<SiteExport.User> users) {
        // Who made and changed a user may be a user further down the list: those ids are set once all are in.
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into users (id, email, display_name, password_hash, role, version, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""");
             PreparedStatement audit = connection.prepareStatement(
                     "update users set created_by = ?, updated_by = ? where id = ?")) {
            List<String> labels = new ArrayList<>();
            for (int i = 0; i < users.size(); i++) {
                SiteExport.User user = users.get(i);
                values(insert, user.id(), user.email(), user.displayName(), user.passwordHash(), wire(user.role()),
                        user.version(), user.audit().createdAt(), user.audit().updatedAt());
                insert.addBatch();
                values(audit, user.audit().createdBy(), user.audit().updatedBy(), user.id());
                audit.addBatch();
                labels.add("users[" + i + "]");
            }
            execute(insert, labels);
            execute(audit, labels);
        } catch (SQLException e) {
            throw failure(e, List.of("users"));
        }
    }

    @Override
    public void site(SiteExport.Site site) {
        try (PreparedStatement update = connection.prepareStatement("""
                update site_settings set name = ?, tagline = ?, about = ?, contact_email = ?, contact_phone = ?,
                    contact_address = ?, site_url = ?, timezone = ?, language = ?, comments_open_by_default = ?,
                    comments_auto_close_days = ?, comment_moderation = ?, comment_max_links = ?,
                    comment_thread_depth = ?, feed_site_id = ?, version = ?, updated_at = ?, updated_by = ?
                where id = 1""")) {
            values(update, site.name(), site.tagline(), site.about(), site.contactEmail(), site.contactPhone(),
                    site.contactAddress(), site.siteUrl(), site.timezone(), wire(site.language()),
                    site.commentsOpenByDefault(), site.commentsAutoCloseDays(), wire(site.commentModeration()),
                    site.commentMaxLinks(), site.commentThreadDepth(), site.feedSiteId(), site.version(),
                    site.updatedAt(), site.updatedBy());
            update.executeUpdate();
        } catch (SQLException e) {
            throw failure(e, List.of("site"));
        }
    }

    @Override
    public void category(SiteExport.Category category, String at) {
        categories.add(at, category.id(), category.slug(), category.name(), category.description(), category.parentId(),
                category.version(), category.audit().createdAt(), category.audit().updatedAt(),
                category.audit().createdBy(), category.audit().updatedBy());
    }

    @Override
    public void page(SiteExport.Page page, String bodyHtml, String at) {
        pages.add(at, page.id(), page.parentId(), page.slug(), page.path(), page.title(), page.summary(), bodyHtml,
                page.position(), wire(page.status()), page.metaDescription(), page.version(), page.audit().createdAt(),
                page.audit().updatedAt(), page.audit().createdBy(), page.audit().updatedBy());
        for (int i = 0; i < page.formerPaths().size(); i++) {
            SiteExport.FormerPath former = page.formerPaths().get(i);
            pageRedirects.add(at + ".formerPaths[" + i + "]", former.path(), page.id(), former.createdAt());
        }
    }

    @Override
    public void post(SiteExport.Post post, String bodyHtml, String at) {
        posts.add(at, post.id(), post.slug(), post.title(), post.excerpt(), bodyHtml, post.featuredImageUrl(),
                post.featuredImageAlt(), post.authorName(), wire(post.status()), post.publishedAt(),
                wire(post.commentStatus()), post.version(), post.audit().createdAt(), post.audit().updatedAt(),
                post.audit().createdBy(), post.audit().updatedBy());
        for (int i = 0; i < post.categoryIds().size(); i++) {
            postCategories.add(at + ".categoryIds[" + i + "]", post.id(), post.categoryIds().get(i));
        }
        for (int i = 0; i < post.formerSlugs().size(); i++) {
            SiteExport.FormerSlug former = post.formerSlugs().get(i);
            postRedirects.add(at + ".formerSlugs[" + i + "]", former.slug(), post.id(), former.createdAt());
        }
    }

    @Override
    public void menu(SiteExport.Menu menu, String at) {
        menus.add(at, menu.id(), menu.slug(), menu.name(), menu.version(), menu.audit().createdAt(),
                menu.audit().updatedAt(), menu.audit().createdBy(), menu.audit().updatedBy());
    }

    @Override
    public void menuItem(long menuId, SiteExport.MenuItem item, String at) {
        menuItems.add(at, item.id(), menuId, item.parentId(), item.position(), item.label(), wire(item.linkType()),
                item.pageId(), item.postId(), item.categoryId(), item.archiveYear(), item.archiveMonth(), item.url(),
                item.version(), item.audit().createdAt(), item.audit().updatedAt(), item.audit().createdBy(),
                item.audit().updatedBy());
    }

    @Override
    public void comment(SiteExport.Comment comment, String at) {
        comments.add(at, comment.id(), comment.postId(), comment.parentId(), comment.depth(), wire(comment.status()),
                wire(comment.previousStatus()), comment.heldReason(), comment.authorName(), comment.authorEmail(),
                comment.authorWebsite(), comment.body(), comment.ipAddress(), comment.fingerprint(), comment.editedAt(),
                comment.editedBy(), comment.moderatedAt(), comment.moderatedBy(), comment.version(),
                comment.createdAt(), comment.updatedAt());
    }

    @Override
    public void blocklistWord(String word, String at) {
        blocklist.add(at, word);
    }

    @Override
    public void importedItem(SiteExport.ImportedItem item, String at) {
        importedItems.add(at, item.source(), item.externalId(), item.postId(), item.link(), item.importedAt());
    }

    @Override
    public void importedPage(SiteExport.ImportedPage item, String at) {
        importedPages.add(at, item.source(), item.externalId(), item.pageId(), item.link(), item.importedAt());
    }

    @Override
    public void importRedirect(SiteExport.ImportRedirect redirect, String at) {
        importRedirects.add(at, redirect.fromUrl(), redirect.postId(), redirect.pageId(), redirect.categoryId(),
                redirect.createdAt());
    }

    @Override
    public void flush() {
        for (Batch batch : batches) {
            batch.execute();
        }
    }

    @Override
    public void finish() {
        flush();
        try (Statement statement = connection.createStatement()) {
            // The siblings' positions are checked at commit (V7), where a failure could only be a 500: check them now.
            try {
                statement.execute("set constraints all immediate");
            } catch (SQLException e) {
                throw failure(e, List.of("menus"));
            }
            // A slug or path that is in use answers with its own post or page, so it cannot also redirect elsewhere.
            try (ResultSet taken = statement.executeQuery("""
                    select r.old_slug, r.post_id, p.id from post_slug_redirects r join posts p on p.slug = r.old_slug
                    order by r.post_id limit 1""")) {
                if (taken.next()) {
                    throw ExportReading.invalid("posts", "post " + taken.getLong(2) + " has the former slug '"
                            + taken.getString(1) + "', which is the slug of post " + taken.getLong(3));
                }
            }
            try (ResultSet taken = statement.executeQuery("""
                    select r.old_path, r.page_id, g.id from page_path_redirects r join pages g on g.path = r.old_path
                    order by r.page_id limit 1""")) {
                if (taken.next()) {
                    throw ExportReading.invalid("pages", "page " + taken.getLong(2) + " has the former path '"
                            + taken.getString(1) + "', which is the path of page " + taken.getLong(3));
                }
            }
            // Past the largest id, so that the next create gets a new one. Sequences never roll back: they are only
            // ever moved forward (greatest with nextval), so a dry run or a failed restore leaves no id to be reused.
            for (String table : IDENTITY_TABLES) {
                statement.execute("select setval(s, greatest(coalesce((select max(id) from " + table + "), 1), "
                        + "nextval(s))) from pg_get_serial_sequence('" + table + "', 'id') as s");
            }
        } catch (SQLException e) {
            throw new Failed(e);
        }
    }

    @Override
    public void close() {
        for (Batch batch : batches) {
            try {
                batch.statement.close();
            } catch (SQLException e) {
                throw new Failed(e);
            }
        }
    }

    private final class Batch {
        private final PreparedStatement statement;
        private final List<String> labels = new ArrayList<>();

        Batch(String sql) throws SQLException {
            statement = connection.prepareStatement(sql);
        }

        void add(String at, Object... values) {
            try {
                values(statement, values);
                statement.addBatch();
            } catch (SQLException e) {
                throw failure(e, List.of(at));
            }
            labels.add(at);
            if (labels.size() >= BATCH_SIZE) {
                // Everything before it too: the rows it refers to may still wait in another batch.
                flush();
            }
        }

        void execute() {
            if (labels.isEmpty()) {
                return;
            }
            try {
                RestoreWriter.execute(statement, labels);
            } finally {
                labels.clear();
            }
        }
    }

    private static void execute(PreparedStatement statement, List<String> labels) {
        try {
            statement.executeBatch();
        } catch (SQLException e) {
            throw failure(e, labels);
        }
    }

    private static void values(PreparedStatement statement, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            Object value = values[i];
            if (value instanceof Instant instant) {
                statement.setObject(i + 1, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
            } else if (value == null) {
                statement.setNull(i + 1, Types.NULL);
            } else {
                statement.setObject(i + 1, value);
            }
        }
    }

    private static String wire(Enum<?> value) {
        return value == null ? null : WireEnum.name(value);
    }

    /**
     * A row the database refuses (SQLSTATE class 23, integrity, or 22, data: a value too long, an address that is
     * not one) is the document's fault, named by its element; anything else is the server's.
     */
    private static RuntimeException failure(SQLException e, List<String> labels) {
        SQLException cause = e instanceof BatchUpdateException && e.getNextException() != null ? e.getNextException() : e;
        String state = cause.getSQLState();
        if (state == null || !(state.startsWith("23") || state.startsWith("22"))) {
            return new Failed(e);
        }
        String at = labels.size() == 1 ? labels.get(0) : labels.get(0).replaceFirst("\\[.*", "");
        Matcher entry = BATCH_ENTRY.matcher(String.valueOf(e.getMessage()));
        if (entry.find() && Integer.parseInt(entry.group(1)) < labels.size()) {
            at = labels.get(Integer.parseInt(entry.group(1)));
        }
        String message = cause.getMessage();
        if (cause instanceof PSQLException psql && psql.getServerErrorMessage() != null) {
            ServerErrorMessage server = psql.getServerErrorMessage();
            message = server.getMessage();
            // Which key is taken or missing; a check's detail would repeat the whole row.
            if ((state.equals("23505") || state.equals("23503")) && server.getDetail() != null) {
                message += " (" + server.getDetail() + ")";
            }
        }
        return ExportReading.invalid(at, "the database refuses it: " + message);
    }

    /** A failure of the database itself, not of the document. */
    static final class Failed extends RuntimeException {
        Failed(SQLException cause) {
            super(cause.getMessage(), cause);
        }
    }
}
