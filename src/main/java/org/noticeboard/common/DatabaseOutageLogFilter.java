package org.noticeboard.common;

import io.quarkus.logging.LoggingFilter;

import java.util.logging.Filter;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/**
 * Drops the warnings in which libraries repeat a database outage that {@link ProblemMappers} already logs
 * in one line per request: above all Narayana's, with a stack trace, for every rollback it cannot send
 * over a connection that is gone (PostgreSQL rolls back a lost session's transaction by itself).
 */
@LoggingFilter(name = "database-outage-repeats")
public final class DatabaseOutageLogFilter implements Filter {

    @Override
    public boolean isLoggable(LogRecord record) {
        return record.getThrown() == null || record.getLevel().intValue() > Level.WARNING.intValue()
                || DatabaseOutage.find(record.getThrown()).isEmpty();
    }
}
