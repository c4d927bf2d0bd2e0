package org.noticeboard.common;

import io.quarkus.security.AuthenticationFailedException;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.RollbackException;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

/** The shapes in which an outage reaches the exception mappers, and failures that only look alike. */
class DatabaseOutageTest {

    @ParameterizedTest
    @ValueSource(strings = {"08001", "08003", "08006", "57P01", "57P02", "57P03", "53300"})
    void connectionAndShutdownStatesAreOutages(String state) {
        assertThat(DatabaseOutage.find(new SQLException("lost", state))).isPresent();
    }

    @Test
    void aRefusedConnectionIsFoundUnderHibernatesWrapping() {
        SQLException refused = new SQLException("Connection to 127.0.0.1:5432 refused", "08001");
        PersistenceException failure = new PersistenceException("could not execute query",
                new JDBCConnectionException("Unable to acquire JDBC Connection", refused));

        assertThat(DatabaseOutage.find(failure)).isPresent();
        assertThat(DatabaseOutage.reason(DatabaseOutage.find(failure).get()))
                .isEqualTo("Connection to 127.0.0.1:5432 refused (SQLState 08001)");
    }

    @Test
    void aCommitThatLostItsConnectionIsFoundAmongSuppressedExceptions() {
        RollbackException commit = new RollbackException("ARJUNA016053: Could not commit transaction.");
        commit.addSuppressed(new SQLException("terminating connection due to administrator command", "57P01"));

        assertThat(DatabaseOutage.find(new IllegalStateException(commit))).isPresent();
    }

    @Test
    void aBearerTokenCheckThatCouldNotReachTheDatabaseIsFound() {
        assertThat(DatabaseOutage.find(new AuthenticationFailedException(
                new PersistenceException(new SQLException("the database system is starting up", "57P03"))))).isPresent();
    }

    @Test
    void thePoolGivingUpWaitingForAConnectionIsAnOutage() {
        assertThat(DatabaseOutage.find(new SQLException("Acquisition timeout while waiting for new connection",
                new TimeoutException()))).isPresent();
    }

    @Test
    void aBatchReportsItsCauseAsTheNextException() {
        BatchUpdateException batch = new BatchUpdateException("Batch entry 0 was aborted", "25P02", new int[0]);
        batch.setNextException(new SQLException("An I/O error occurred while sending to the backend", "08006"));

        assertThat(DatabaseOutage.find(batch)).isPresent();
    }

    @Test
    void refusalsAndBugsAreNotOutages() {
        SQLException duplicate = new SQLException("duplicate key value violates unique constraint", "23505");
        assertThat(DatabaseOutage.find(new ConstraintViolationException("conflict", duplicate, "posts_slug_key"))).isEmpty();
        assertThat(DatabaseOutage.find(new PersistenceException(new SQLException("syntax error", "42601")))).isEmpty();
        assertThat(DatabaseOutage.find(new SQLException("no state, no cause"))).isEmpty();
        assertThat(DatabaseOutage.find(new IllegalStateException("a bug"))).isEmpty();
    }

    @Test
    void exceptionsThatSuppressEachOtherDoNotLoopForever() {
        IllegalStateException first = new IllegalStateException("first");
        IllegalStateException second = new IllegalStateException("second");
        first.addSuppressed(second);
        second.addSuppressed(first);

        assertThat(DatabaseOutage.find(first)).isEmpty();
    }
}
