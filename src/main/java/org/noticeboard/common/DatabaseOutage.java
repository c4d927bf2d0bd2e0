package org.noticeboard.common;

import org.hibernate.exception.JDBCConnectionException;

import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * Recognises a failure whose root is the database being out of reach (stopped, restarting, crashed, out
 * of connections, or unable to hand out a connection in time), however it surfaced: Hibernate, the
 * transaction manager at begin or commit, an identity provider during sign-in, each wraps it in its own
 * way. Such a failure is not the request's fault and passes without a restart, hence 503 and not 500.
 */
public final class DatabaseOutage {

    /** About the time PostgreSQL takes to restart; clients retrying sooner would only add load. */
    private static final int RETRY_AFTER_SECONDS = 5;

    /**
     * 57P01 admin shutdown, 57P02 crash shutdown, 57P03 cannot connect now (starting up or shutting down),
     * 53300 too many connections. Class 08 (connection exceptions) is matched by prefix.
     */
    private static final Set<String> OUTAGE_STATES = Set.of("57P01", "57P02", "57P03", "53300");

    private DatabaseOutage() {
    }

    /** The failure in the chain (causes, suppressed, next SQL exceptions) that shows an outage, if any. */
    public static Optional<Throwable> find(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> pending = new ArrayDeque<>();
        pending.add(failure);
        while (!pending.isEmpty()) {
            Throwable current = pending.poll();
            if (!seen.add(current)) {
                continue;
            }
            if (isOutage(current)) {
                return Optional.of(current);
            }
            // Narayana reports what failed at commit as suppressed exceptions, and PgJDBC chains batch failures.
            addIfPresent(pending, current.getCause());
            for (Throwable suppressed : current.getSuppressed()) {
                addIfPresent(pending, suppressed);
            }
            if (current instanceof SQLException sql) {
                addIfPresent(pending, sql.getNextException());
            }
        }
        return Optional.empty();
    }

    /** The answer to a request that failed this way. */
    public static ProblemException problem() {
        return new ProblemException(ProblemType.SERVICE_UNAVAILABLE, 503,
                "The database cannot be reached just now; try again in " + RETRY_AFTER_SECONDS + " seconds",
                null, null, Map.of("Retry-After", Integer.toString(RETRY_AFTER_SECONDS)));
    }

    /** One line for the log: the driver's or the pool's own words, with the SQLState when there is one. */
    public static String reason(Throwable outage) {
        for (Throwable current = outage; current != null; current = current.getCause()) {
            if (current instanceof SQLException sql) {
                return firstLine(sql.getMessage()) + (sql.getSQLState() == null ? "" : " (SQLState " + sql.getSQLState() + ")");
            }
        }
        return firstLine(outage.getMessage());
    }

    private static boolean isOutage(Throwable failure) {
        if (failure instanceof JDBCConnectionException) {
            return true;
        }
        if (!(failure instanceof SQLException sql)) {
            return false;
        }
        String state = sql.getSQLState();
        if (state == null) {
            // Agroal's "Acquisition timeout while waiting for new connection" carries no SQLState.
            return sql.getCause() instanceof TimeoutException;
        }
        return state.startsWith("08") || OUTAGE_STATES.contains(state);
    }

    private static void addIfPresent(Deque<Throwable> pending, Throwable failure) {
        if (failure != null) {
            pending.add(failure);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no message";
        }
        int end = message.indexOf('\n');
        return (end < 0 ? message : message.substring(0, end)).strip();
    }
}
