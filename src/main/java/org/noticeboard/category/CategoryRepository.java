package org.noticeboard.category;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class CategoryRepository implements PanacheRepository<Category> {

    private static final String WITH_PUBLIC_COUNTS = """
            select c.id, c.slug, c.name, c.description, parent.slug,
                   (select count(*) from post_categories pc join public_posts p on p.id = pc.post_id
                    where pc.category_id = c.id)
            from categories c
            left join categories parent on parent.id = c.parent_id
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
                ((Number) row[5]).longValue())).toList();
    }
}
