package org.noticeboard.archive;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.List;

/** Archives have no table: they are counted from the public posts on every read, so they never drift. */
@ApplicationScoped
public class ArchiveRepository {

    private final EntityManager entityManager;

    ArchiveRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Rows of year, month, count, newest month first; months are those of the given time zone. */
    public List<Object[]> publicPostCountsByMonth(String timezone) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        select cast(extract(year from local_time) as integer),
                               cast(extract(month from local_time) as integer),
                               count(*)
                        from (select published_at at time zone :timezone as local_time from public_posts) p
                        group by 1, 2
                        order by 1 desc, 2 desc""")
                .setParameter("timezone", timezone)
                .getResultList();
        return rows;
    }
}
