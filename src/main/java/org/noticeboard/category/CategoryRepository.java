package org.noticeboard.category;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class CategoryRepository implements PanacheRepository<Category> {

    /**
     * Public post counts from the counts kept by V17's triggers, less the category's scheduled posts still to
     * come (a short range of posts_public_idx), so that the list never counts the posts themselves.
     */
    private static final String WITH_PUBLIC_COUNTS = """
            with counted as (select category_id, sum(posts) as posts from category_month_counts group by category_id),
                 scheduled as (select pc.category_id, count(*) as posts
                               from posts p join post_categories pc on pc.post_id = p.id
                               where post_is_scheduled(p.status, p.published_at)
                               group by pc.category_id)
            select c.id, c.slug, c.name, c.description, parent.slug,
                   coalesce(counted.posts, 0) - coalesce(scheduled.posts, 0), c.version
            from categories c
            left join categories parent on parent.id = c.parent_id
            left join counted on counted.category_id = c.id
            left join scheduled on scheduled.category_id = c.id
            """;

    public Optional<Category> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    public List<CategoryResponse> listWithPublicPostCounts() {
        return rows(getEntityManager().createNativeQuery(WITH_PUBLIC_COUNTS + " order by lower(c.name), c.id").getResultList());
    }

    public Optional<CategoryResponse> findWithPublicPostCount(String slug) {
        return rows(getEntityManager().createNativeQuery(WITH_PUBLIC_COUNTS + " where c.slug = :slug")
                .setParameter("slug", slug).getResultList()).stream().findFirst();
    }

    private static List<CategoryResponse> rows(List<?> rows) {
        return rows.stream().map(Object[].class::cast).map(row -> CategoryResponse.of(
                ((Number) row[0]).longValue(), (String) row[1], (String) row[2], (String) row[3], (String) row[4],
                ((Number) row[5]).longValue(), ((Number) row[6]).longValue())).toList();
    }
}
