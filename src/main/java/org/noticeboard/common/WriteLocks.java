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
 * <p>Lock order, to stay free of deadlocks: a transaction that takes several scopes takes them in the order
 * {@link Scope} declares them (START_UP, CATEGORIES, POSTS, PAGES, MENUS, USERS), all before it writes. Most take
 * their own content's lock and then {@link Scope#MENUS} (deleting content edits the menus that link to it); a feed
 * import takes CATEGORIES and POSTS; a WordPress import CATEGORIES to MENUS; the demo loader START_UP and then
 * CATEGORIES to MENUS up front, before it asks whether the database is empty; a restore takes them all.
 */
@ApplicationScoped
public class WriteLocks {

    /** Distinguishes Noticeboard's advisory locks from any other application's on the same database. */
    private static final int NAMESPACE = 0x4E42;

    /**
     * Declared in lock order. Each keeps the key it has always had, so that instances of different versions
     * serving one database still exclude each other.
     */
    public enum Scope {
        START_UP(5), CATEGORIES(1), POSTS(2), PAGES(0), MENUS(3), USERS(4);

        private final int key;

        Scope(int key) {
            this.key = key;
        }
    }

    private final EntityManager entityManager;

    WriteLocks(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void lock(Scope scope) {
        entityManager.createNativeQuery("select pg_advisory_xact_lock(:namespace, :scope)")
                .setParameter("namespace", NAMESPACE)
                .setParameter("scope", scope.key)
                .getSingleResult();
    }
}
