package org.noticeboard.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;
import org.noticeboard.common.HtmlSanitizer;
import org.noticeboard.common.ProblemException;
import org.noticeboard.common.ProblemType;
import org.noticeboard.common.WriteLocks;

import java.io.InputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Restores an export ({@link SiteExport}) into an empty site: a backup coming back, so it keeps every id, version
 * and audit time as the document has them, rather than making new ones the way the editing API does. It therefore
 * writes with JDBC ({@link RestoreWriter}), not through the entities and services, and instead of re-deriving what
 * the write operations derive it checks their rules ({@link ExportReading}): every reference resolves, a page's
 * path is its parent's and its slug, slugs are slugs, bodies are what the sanitiser leaves (a body it changes is
 * stored as it cleans it, and counted). The database's constraints catch the rest, answered as 400 invalid-export.
 *
 * <p>All in one transaction, so that a failure anywhere, even in the document's last comment, leaves the site as
 * it was; a dry run does all of it and rolls back. The document is read as a stream (an export of 100,000 posts is
 * some 300 MB): only ids and a few values per row are held.
 *
 * <p>Only into an empty site (no categories, pages, posts, menus, comments, blocklist words or imported items):
 * merging two sites' ids is not a restore. Users are the exception, since restoring needs a signed-in admin: the
 * users here are replaced by the document's, and their tokens deleted. A document user without a password hash (a
 * plain export) keeps the hash of the user here with the same e-mail address, else gets none ({@code Passwords.NONE},
 * which no password matches) until an admin sets one.
 */
@ApplicationScoped
public class SiteRestorer {

    private final ObjectMapper mapper;
    private final HtmlSanitizer sanitizer;
    private final EntityManager entityManager;
    private final WriteLocks locks;

    SiteRestorer(ObjectMapper mapper, HtmlSanitizer sanitizer, EntityManager entityManager, WriteLocks locks) {
        this.mapper = mapper;
        this.sanitizer = sanitizer;
        this.entityManager = entityManager;
        this.locks = locks;
    }

    /**
     * @throws ProblemException 400 invalid-export when the document is not a consistent export, else 409
     *                          site-not-empty when the site holds content
     */
    @Transactional
    @TransactionConfiguration(timeout = 3600)
    public RestoreReport restore(InputStream document, boolean dryRun) {
        // Every lock, in the order WriteLocks documents, before anything is read: no write can slip in meanwhile.
        for (WriteLocks.Scope scope : WriteLocks.Scope.values()) {
            locks.lock(scope);
        }
        RestoreReport report = entityManager.unwrap(Session.class).doReturningWork(connection -> {
            Map<String, String> hashes = passwordHashes(connection);
            String content = content(connection);
            if (content != null) {
                // Read to the end all the same: a broken document is refused as broken wherever it is sent.
                new ExportReading(document, mapper, sanitizer, RestoreRows.NONE, hashes).read(dryRun);
                throw new ProblemException(ProblemType.SITE_NOT_EMPTY, "The site already holds " + content
                        + ": an export is restored only into a site without content. Nothing was changed.");
            }
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("delete from access_tokens");
                statement.executeUpdate("delete from users");
            }
            try (RestoreWriter writer = new RestoreWriter(connection)) {
                return new ExportReading(document, mapper, sanitizer, writer, hashes).read(dryRun);
            }
        });
        if (dryRun) {
            QuarkusTransaction.setRollbackOnly();
        }
        return report;
    }

    private static Map<String, String> passwordHashes(Connection connection) throws SQLException {
        Map<String, String> hashes = new HashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select email, password_hash from users")) {
            while (rows.next()) {
                hashes.put(rows.getString(1), rows.getString(2));
            }
        }
        return hashes;
    }

    /** What content the site holds, e.g. "2 posts, 1 menu", or null when it holds none. */
    private static String content(Connection connection) throws SQLException {
        String[][] kinds = {{"categories", "category", "categories"}, {"pages", "page", "pages"},
                {"posts", "post", "posts"}, {"menus", "menu", "menus"}, {"comments", "comment", "comments"},
                {"comment_blocklist", "blocklist word", "blocklist words"},
                {"imported_posts", "imported item", "imported items"},
                {"imported_pages", "imported page", "imported pages"},
                {"import_redirects", "imported address", "imported addresses"}};
        List<String> found = new ArrayList<>();
        try (Statement statement = connection.createStatement()) {
            for (String[] kind : kinds) {
                try (ResultSet count = statement.executeQuery("select count(*) from " + kind[0])) {
                    count.next();
                    long n = count.getLong(1);
                    if (n > 0) {
                        found.add(n + " " + (n == 1 ? kind[1] : kind[2]));
                    }
                }
            }
        }
        return found.isEmpty() ? null : String.join(", ", found);
    }
}
