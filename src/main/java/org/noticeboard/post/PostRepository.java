package org.noticeboard.post;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.TypedQuery;
import org.noticeboard.common.Paging;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@ApplicationScoped
public class PostRepository implements PanacheRepository<Post> {

    private static final String SUMMARY = "select new org.noticeboard.post.PostSummaryRow("
            + "p.id, p.slug, p.title, p.excerpt, p.featuredImageUrl, p.featuredImageAlt, p.authorName, "
            + "p.status, p.publishedAt, p.updatedAt) from Post p ";
    private static final String LINK = "select new org.noticeboard.post.PostLink(p.id, p.slug, p.title, p.publishedAt) from Post p ";

    /** Narrows a list; null fields do not filter. {@code to} is exclusive. */
    public record Filter(PostStatusFilter status, Long categoryId, Instant from, Instant to) {
    }

    public long count(Filter filter, Instant now) {
        return query("select count(p) from Post p ", filter, now, Long.class, "").getSingleResult();
    }

    /** Newest first; drafts without a date come first. */
    public List<PostSummaryRow> list(Filter filter, Instant now, Paging page) {
        return query(SUMMARY, filter, now, PostSummaryRow.class,
                " order by p.publishedAt desc nulls first, p.id desc")
                .setFirstResult(page.index() * page.perPage())
                .setMaxResults(page.perPage())
                .getResultList();
    }

    /** The newest public posts, bodies included, for feeds. */
    public List<Post> latestPublic(Long categoryId, int limit, Instant now) {
        return query("select p from Post p ", new Filter(PostStatusFilter.PUBLISHED, categoryId, null, null), now,
                Post.class, " order by p.publishedAt desc, p.id desc")
                .setMaxResults(limit)
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
            byPost.computeIfAbsent((Long) row[0], id -> new ArrayList<>())
                    .add(CategoryLink.of((String) row[1], (String) row[2]));
        }
        return byPost;
    }

    public Optional<Post> findById(long id, PostStatusFilter status, Instant now) {
        return find("p.id = :key", id, status, now);
    }

    public Optional<Post> findBySlug(String slug, PostStatusFilter status, Instant now) {
        return find("p.slug = :key", slug, status, now);
    }

    public boolean slugTaken(String slug, Long exceptId) {
        return count("slug = ?1 and id <> ?2", slug, exceptId == null ? -1L : exceptId) > 0;
    }

    /** The post that had this slug before, if any. */
    public Optional<Post> formerOwnerOf(String slug) {
        return getEntityManager().createQuery("select r.post from PostSlugRedirect r where r.oldSlug = :slug", Post.class)
                .setParameter("slug", slug)
                .getResultStream().findFirst();
    }

    /** Keeps the old slug working as a redirect; a slug in use again by a live post stops redirecting. */
    public void rememberFormerSlug(String oldSlug, Post post) {
        getEntityManager().createNativeQuery("""
                        insert into post_slug_redirects (old_slug, post_id) values (:slug, :post)
                        on conflict (old_slug) do update set post_id = excluded.post_id, created_at = now()""")
                .setParameter("slug", oldSlug)
                .setParameter("post", post.id)
                .executeUpdate();
    }

    public void forgetFormerSlug(String slug) {
        getEntityManager().createQuery("delete from PostSlugRedirect r where r.oldSlug = :slug")
                .setParameter("slug", slug)
                .executeUpdate();
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

    private Optional<Post> find(String condition, Object key, PostStatusFilter status, Instant now) {
        String jpql = "from Post p where " + condition + " and " + status.condition;
        TypedQuery<Post> query = getEntityManager().createQuery(jpql, Post.class).setParameter("key", key);
        return bindStatus(query, jpql, now).getResultStream().findFirst();
    }

    private Optional<PostLink> neighbour(String conditionAndOrder, Post post, Instant now) {
        if (post.publishedAt == null) {
            return Optional.empty();
        }
        String jpql = LINK + "where " + PostStatusFilter.PUBLISHED.condition + " and " + conditionAndOrder;
        return bindStatus(getEntityManager().createQuery(jpql, PostLink.class), jpql, now)
                .setParameter("at", post.publishedAt)
                .setParameter("id", post.id)
                .setMaxResults(1)
                .getResultStream().findFirst();
    }

    private <T> TypedQuery<T> query(String select, Filter filter, Instant now, Class<T> type, String orderBy) {
        StringBuilder jpql = new StringBuilder(select).append("where ").append(filter.status().condition);
        if (filter.categoryId() != null) {
            jpql.append(" and p.id in (select cp.id from Post cp join cp.categories c where c.id = :categoryId)");
        }
        if (filter.from() != null) {
            jpql.append(" and p.publishedAt >= :from");
        }
        if (filter.to() != null) {
            jpql.append(" and p.publishedAt < :to");
        }
        String text = jpql.append(orderBy).toString();
        TypedQuery<T> query = bindStatus(getEntityManager().createQuery(text, type), text, now);
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

    private static <T> TypedQuery<T> bindStatus(TypedQuery<T> query, String jpql, Instant now) {
        if (jpql.contains(":draft")) {
            query.setParameter("draft", PostStatus.DRAFT);
        }
        if (jpql.contains(":now")) {
            query.setParameter("now", now);
        }
        return query;
    }
}
