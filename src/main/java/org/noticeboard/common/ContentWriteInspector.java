package org.noticeboard.common;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.hibernate.resource.jdbc.spi.StatementInspector;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Clears this instance's response cache as soon as a transaction that wrote content commits, before the writer
 * is answered: the notification every instance hears arrives a moment later, and the writer's next read must
 * not see what it just changed. Every SQL statement passes here, so the check is a glance at its first words.
 */
@PersistenceUnitExtension
public class ContentWriteInspector implements StatementInspector {

    private static final Pattern WRITE = Pattern.compile(
            "^\\s*(?:insert\\s+into|update|delete\\s+from|truncate(?:\\s+table)?|merge\\s+into)\\s+(?:only\\s+)?"
                    + "([a-z_][a-z0-9_]*(?:\\s*,\\s*[a-z_][a-z0-9_]*)*)",
            Pattern.CASE_INSENSITIVE);
    /** A query with a common table expression writes if one of its parts does; calls and copies may write anything. */
    private static final Pattern WITH = Pattern.compile("^\\s*with\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern WRITE_WITHIN = Pattern.compile(
            "\\b(?:insert\\s+into|delete\\s+from|update\\s+[a-z_][a-z0-9_]*\\s+set|merge\\s+into)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern OTHER_WRITE = Pattern.compile("^\\s*(?:merge|copy|call|do)\\b", Pattern.CASE_INSENSITIVE);
    /** The tables that are not content: who may sign in, and how. Anything else is content, new tables included. */
    private static final Set<String> NOT_CONTENT = Set.of("users", "access_tokens", "flyway_schema_history");

    private final ResponseCache cache;
    private final TransactionSynchronizationRegistry transactions;

    ContentWriteInspector(ResponseCache cache, TransactionSynchronizationRegistry transactions) {
        this.cache = cache;
        this.transactions = transactions;
    }

    @Override
    public String inspect(String sql) {
        if (cache.enabled() && writesContent(sql)) {
            invalidateAfterCommit();
        }
        return sql;
    }

    static boolean writesContent(String sql) {
        if (sql.regionMatches(true, 0, "select", 0, 6)) {
            return false;
        }
        Matcher write = WRITE.matcher(sql);
        if (write.lookingAt()) {
            return Arrays.stream(write.group(1).split(","))
                    .map(table -> table.strip().toLowerCase(Locale.ROOT))
                    .anyMatch(table -> !NOT_CONTENT.contains(table));
        }
        if (WITH.matcher(sql).lookingAt()) {
            return WRITE_WITHIN.matcher(sql).find();
        }
        return OTHER_WRITE.matcher(sql).lookingAt();
    }

    private void invalidateAfterCommit() {
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            cache.invalidateAll();
            return;
        }
        if (transactions.getResource(ContentWriteInspector.class) != null) {
            return;
        }
        transactions.putResource(ContentWriteInspector.class, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    cache.invalidateAll();
                }
            }
        });
    }
}
