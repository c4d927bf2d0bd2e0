package org.noticeboard.post;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.TypedQuery;
import org.noticeboard.common.PageRequest;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@ApplicationScoped
public class PostRepository implements PanacheRepository<Post> {

    /** JPQL twin of the {@code public_posts} view: not a draft, and published_at has passed. */
    private static final String PUBLIC = "p.status <> :draft and p.publishedAt <= :now";
    private static final String SUMMARY = "select new org.noticeboard.post.PostSummaryRow("
            + "p.id, p.slug, p.title, p.excerpt, p.featuredImageUrl, p.featuredImageAlt, p.authorName, "
            + "p.publishedAt, p.updatedAt) from Post p ";
    private static final String LINK = "select new org.noticeboard.post.PostLink(p.id, p.slug, p.title, p.publishedAt) from Post p ";

    /** Narrows the public posts; null fields do not filter. {@code to} is exclusive. */
    public record Filter(Long categoryId, Instant from, Instant to) {
    }

    public long countPublic(Filter filter, Instant now) {
        return publicQuery("select count(p) from Post p ", filter, now, Long.class).getSingleResult();
    }

    public List<PostSummaryRow> listPublic(Filter filter, Instant now, PageRequest page) {
        return publicQuery(SUMMARY, filter, now, PostSummaryRow.class, " order by p.publishedAt desc, p.id desc")
                .setFirstResult(page.index() * page.perPage())
                .setMaxResults(page.perPage())
                .getResultList();
    }

    public Map<Long, List<CategoryLink>> categoriesOf(Collection<Long> postIds) {
        Map<Long, List<CategoryLink>> byPost = new LinkedHashMap<>();
        if (postIds.isEmpty()) {
            return byPost;
        }
        List<Object[]> rows = getEntityManager().createQuery(
                        "select p.id, c.slug, c.name from Post p join p.categories c where p.id in :ids "
                                + "order by lower(c.name), c.id", Object[].class)
                .setParameter("ids", postIds)
                .getResultList();
        for (Object[] row : rows) {
            byPost.computeIfAbsent((Long) row[0], id -> new java.util.ArrayList<>())
                    .add(CategoryLink.of((String) row[1], (String) row[2]));
        }
        return byPost;
    }

    public Optional<Post> findPublicById(long id, Instant now) {
        return findPublic("p.id = :key", id, now);
    }

    public Optional<Post> findPublicBySlug(String slug, Instant now) {
        return findPublic("p.slug = :key", slug, now);
    }

    /** The public post published just before this one (ties broken by id), if any. */
    public Optional<PostLink> previousPublic(Post post, Instant now) {
        return neighbour("(p.publishedAt < :at or (p.publishedAt = :at and p.id < :id)) order by p.publishedAt desc, p.id desc",
                post, now);
    }

    /** The public post published just after this one, if any. */
    public Optional<PostLink> nextPublic(Post post, Instant now) {
        return neighbour("(p.publishedAt > :at or (p.publishedAt = :at and p.id > :id)) order by p.publishedAt asc, p.id asc",
                post, now);
    }

    private Optional<Post> findPublic(String condition, Object key, Instant now) {
        return getEntityManager().createQuery("from Post p where " + condition + " and " + PUBLIC, Post.class)
                .setParameter("key", key)
                .setParameter("draft", PostStatus.DRAFT)
                .setParameter("now", now)
                .getResultStream().findFirst();
    }

    private Optional<PostLink> neighbour(String conditionAndOrder, Post post, Instant now) {
        return getEntityManager().createQuery(LINK + "where " + PUBLIC + " and " + conditionAndOrder, PostLink.class)
                .setParameter("draft", PostStatus.DRAFT)
                .setParameter("now", now)
                .setParameter("at", post.publishedAt)
                .setParameter("id", post.id)
                .setMaxResults(1)
                .getResultStream().findFirst();
    }

    private <T> TypedQuery<T> publicQuery(String select, Filter filter, Instant now, Class<T> type) {
        return publicQuery(select, filter, now, type, "");
    }

    private <T> TypedQuery<T> publicQuery(String select, Filter filter, Instant now, Class<T> type, String orderBy) {
        StringBuilder jpql = new StringBuilder(select).append("where ").append(PUBLIC);
        if (filter.categoryId() != null) {
            jpql.append(" and p.id in (select cp.id from Post cp join cp.categories c where c.id = :categoryId)");
        }
        if (filter.from() != null) {
            jpql.append(" and p.publishedAt >= :from");
        }
        if (filter.to() != null) {
            jpql.append(" and p.publishedAt < :to");
        }
        TypedQuery<T> query = getEntityManager().createQuery(jpql.append(orderBy).toString(), type)
                .setParameter("draft", PostStatus.DRAFT)
                .setParameter("now", now);
        if (filter.categoryId() != null) {
            query.setParameter("categoryId", filter.categoryId());
        }
        if (filter.from() != null) {
            query.setParameter("from", filter.from());
        }
        if (filter.to() != null) {
            query.setParameter("to", filter.to());
        }
        return query;
    }
}
