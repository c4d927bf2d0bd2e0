package org.noticeboard.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Serialises writes that check before they change: a move's cycle check, a generated slug's search for a free
 * suffix, start-up's "is the database empty?". Each check reads what another transaction may be changing at the
 * same moment, so the lock is taken first, before the transaction reads anything, and held until it ends;
 * PostgreSQL's read-committed statements then see everything the previous holder committed. The locks are
 * PostgreSQL advisory locks, so they hold across every instance serving the database.
 *
 * <p>Lock order, to stay free of deadlocks: a transaction takes at most its own content's lock and then
 * {@link Scope#MENUS} (deleting content edits the menus that link to it), and takes both before it writes; a feed
 * import, which makes categories and posts, takes {@link Scope#CATEGORIES} and then {@link Scope#POSTS}.
 */
@ApplicationScoped
public class WriteLocks {

    /** Distinguishes Noticeboard's advisory locks from any other application's on the same database. */
    private static final int NAMESPACE = 0x4E42;

    public enum Scope {
        PAGES, CATEGORIES, POSTS, MENUS, USERS, START_UP
    }

    private final EntityManager entityManager;

    WriteLocks(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void lock(Scope scope) {
        entityManager.createNativeQuery("select pg_advisory_xact_lock(:namespace, :scope)")
                .setParameter("namespace", NAMESPACE)
                .setParameter("scope", scope.ordinal())
                .getSingleResult();
    }
}
