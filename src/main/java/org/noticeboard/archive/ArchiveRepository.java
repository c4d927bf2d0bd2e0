package org.noticeboard.archive;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.List;

/**
 * Archive months are read from the counts that V17's triggers keep per month in the site's time zone (rebuilt when
 * it changes), less the scheduled posts still to come: no read counts the posts themselves.
 */
@ApplicationScoped
public class ArchiveRepository {

    private final EntityManager entityManager;

    ArchiveRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Rows of year, month, count, newest month first; months are those of the site's time zone. */
    public List<Object[]> publicPostCountsByMonth() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        with scheduled as (select post_archive_month(published_at) as month, count(*) as posts
                                           from posts
                                           where post_is_scheduled(status, published_at)
                                           group by 1)
                        select cast(extract(year from c.month) as integer),
                               cast(extract(month from c.month) as integer),
                               c.posts - coalesce(s.posts, 0)
                        from post_month_counts c
                        left join scheduled s on s.month = c.month
                        where c.posts - coalesce(s.posts, 0) > 0
                        order by c.month desc""")
                .getResultList();
        return rows;
    }
}
