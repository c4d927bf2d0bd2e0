package org.noticeboard.post;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;
import jakarta.persistence.TypedQuery;
import org.noticeboard.common.Paging;
import org.noticeboard.search.SearchTiers;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

@ApplicationScoped
public class PostRepository implements PanacheRepository<Post> {

    private static final String SUMMARY = "select new org.noticeboard.post.PostSummaryRow("
            + "p.id, p.slug, p.title, p.excerpt, p.featuredImageUrl, p.featuredImageAlt, p.authorName, "
            + "p.status, p.publishedAt, p.updatedAt, p.visible) from Post p ";
    private static final String LINK = "select new org.noticeboard.post.PostLink(p.id, p.slug, p.title, p.publishedAt) from Post p ";
    private static final String NEWEST_FIRST = " order by p.publishedAt desc nulls first, p.id desc";
    private static final String OLDEST_FIRST = " order by p.publishedAt asc nulls last, p.id asc";

    /** Narrows a list; null fields do not filter. */
    public record Filter(PostStatusFilter status, Long categoryId, Period period) {
    }

    /**
     * Archive months {@code [firstMonth, endMonth)} in the site's time zone, and the same span as instants
     * ({@code to} exclusive): the maintained counts are kept by month, the posts are read by instant.
     */
    public record Period(LocalDate firstMonth, LocalDate endMonth, Instant from, Instant to) {
    }

    /**
     * How many posts the filter lists. Public totals come from the counts kept by V17's triggers, less the few
     * scheduled posts still to come, so they cost the same at a thousand posts as at a million.
     */
    public long count(Filter filter) {
        if (filter.status() == PostStatusFilter.PUBLISHED) {
            return countPublic(filter);
        }
        return query("select count(p) from Post p ", filter, Long.class, "").getSingleResult();
    }

    /**
     * Newest first; drafts without a date come first. A page past the middle is read from the other end, so
     * that the database skips the rows behind it rather than the rows before it, and the last page costs what
     * the first does. {@code total} must be what {@link #count} says for the same filter.
     */
    public List<PostSummaryRow> list(Filter filter, Paging page, long total) {
        long offset = (long) page.index() * page.perPage();
        if (offset >= total) {
            return List.of();
        }
        int size = (int) Math.min(page.perPage(), total - offset);
        long fromEnd = total - offset - size;
        if (fromEnd >= offset) {
            return query(SUMMARY, filter, PostSummaryRow.class, NEWEST_FIRST)
                    .setFirstResult((int) offset)
                    .setMaxResults(size)
                    .getResultList();
        }
        List<PostSummaryRow> reversed = new ArrayList<>(query(SUMMARY, filter, PostSummaryRow.class, OLDEST_FIRST)
                .setFirstResult((int) fromEnd)
                .setMaxResults(size)
                .getResultList());
        Collections.reverse(reversed);
        return reversed;
    }

    /** The newest public posts, bodies included, for feeds. */
    public List<Post> latestPublic(Long categoryId, int limit) {
        return query("select p from Post p ", new Filter(PostStatusFilter.PUBLISHED, categoryId, null),
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

    public Optional<Post> findById(long id, PostStatusFilter status) {
        return find("p.id = :key", id, status);
    }

    public Optional<Post> findBySlug(String slug, PostStatusFilter status) {
        return find("p.slug = :key", slug, status);
    }

    /** Writes the post and reads it back, with what the database decides about it ({@link Post#visible}). */
    public void reload(Post post) {
        flush();
        getEntityManager().refresh(post);
    }

    public boolean slugTaken(String slug, Long exceptId) {
        return count("slug = ?1 and id <> ?2", slug, exceptId == null ? -1L : exceptId) > 0;
    }

    /** The post that had this slug before, if any. */
    public Optional<Post> formerOwnerOf(String slug) {
        return getEntityManager().createQuery("select r.post from PostSlugRedirect r where r.oldSlug = :slug", Post.class)
                .setParameter("slug", slug)
                .getResultList().stream().findFirst();
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

    /**
     * The public post published just before this one (ties broken by id), if any. Row values, so that the
     * index on (published_at, id) starts at the post rather than walking to it.
     */
    public Optional<PostLink> previousPublic(Post post) {
        return neighbour("(p.publishedAt, p.id) < (:at, :id) order by p.publishedAt desc, p.id desc", post);
    }

    /** The public post published just after this one, if any. */
    public Optional<PostLink> nextPublic(Post post) {
        return neighbour("(p.publishedAt, p.id) > (:at, :id) order by p.publishedAt asc, p.id asc", post);
    }

    private long countPublic(Filter filter) {
        boolean inCategory = filter.categoryId() != null;
        boolean inPeriod = filter.period() != null;
        String sql = "select (select coalesce(sum(c.posts), 0) from "
                + (inCategory ? "category_month_counts c where c.category_id = :category" : "post_month_counts c where true")
                + (inPeriod ? " and c.month >= :firstMonth and c.month < :endMonth" : "")
                + ") - (select count(*) from posts p where post_is_scheduled(p.status, p.published_at)"
                + (inCategory ? " and exists (select 1 from post_categories pc where pc.post_id = p.id and pc.category_id = :category)" : "")
                + (inPeriod ? " and p.published_at >= :from and p.published_at < :to" : "")
                + ")";
        var query = getEntityManager().createNativeQuery(sql, Long.class);
        if (inCategory) {
            query.setParameter("category", filter.categoryId());
        }
        if (inPeriod) {
            query.setParameter("firstMonth", filter.period().firstMonth())
                    .setParameter("endMonth", filter.period().endMonth())
                    .setParameter("from", filter.period().from())
                    .setParameter("to", filter.period().to());
        }
        return ((Number) query.getSingleResult()).longValue();
    }

    /** A page of the posts that match a full-text query (V23, V25), and how many match in all. */
    public record Matches(List<PostSummaryRow> rows, long total) {
    }

    /**
     * The posts of {@code filter} that match {@code query} (web-search syntax, as GET /api/search reads it): by
     * relevance as search ranks it (title, then excerpt, then body; newest first within each), or newest first.
     */
    public Matches matching(Filter filter, String query, boolean byRelevance, Paging page) {
        SearchTiers.planForTheseWords(getEntityManager());
        // post_search (V27) has the columns the filter reads, under the names of posts.
        StringBuilder condition = new StringBuilder(filter.status().sqlCondition);
        if (filter.categoryId() != null) {
            condition.append(" and exists (select 1 from post_categories pc where pc.post_id = p.id and pc.category_id = :category)");
        }
        if (filter.period() != null) {
            condition.append(" and p.published_at >= :from and p.published_at < :to");
        }
        String from = "from post_search p, q";
        String matches = byRelevance
                ? "select r.* from (" + SearchTiers.posts("p.id, p.published_at", from, condition.toString()) + ") r"
                  + " order by r.tier, r.published_at desc, r.id desc"
                : "select 0 as tier, p.id, p.published_at " + from + " where (" + condition + ")"
                  + " and p.search_vector @@ q.query order by p.published_at desc, p.id desc";
        String tiers = byRelevance ? SearchTiers.hits(from, condition.toString()) + "," : "";
        // The total rides along with the page (and alone with a page past the last), counted apart from the
        // ordering: a window over every match would hold them all.
        Query select = bindMatching(getEntityManager().createNativeQuery("""
                with q as (select websearch_to_tsquery(search_config(), :query) as query), %s
                total as (select count(*) as n %s where (%s) and p.search_vector @@ q.query),
                found as (%s offset :offset limit :limit)
                select found.id, total.n from total left join found on true
                order by found.tier, found.published_at desc, found.id desc
                """.formatted(tiers, from, condition, matches)), filter, query)
                .setParameter("offset", (long) page.index() * page.perPage())
                .setParameter("limit", page.perPage());
        if (byRelevance) {
            select.setParameter("window", (long) (page.index() + 1) * page.perPage());
        }
        @SuppressWarnings("unchecked")
        List<Object[]> found = select.getResultList();
        long total = ((Number) found.get(0)[1]).longValue();
        List<Long> ids = found.stream().filter(row -> row[0] != null).map(row -> ((Number) row[0]).longValue()).toList();
        if (ids.isEmpty()) {
            return new Matches(List.of(), total);
        }
        Map<Long, PostSummaryRow> byId = getEntityManager()
                .createQuery(SUMMARY + "where p.id in :ids", PostSummaryRow.class).setParameter("ids", ids)
                .getResultList().stream().collect(Collectors.toMap(PostSummaryRow::id, Function.identity()));
        return new Matches(ids.stream().map(byId::get).toList(), total);
    }

    private static Query bindMatching(Query query, Filter filter, String text) {
        query.setParameter("query", text);
        if (filter.categoryId() != null) {
            query.setParameter("category", filter.categoryId());
        }
        if (filter.period() != null) {
            query.setParameter("from", filter.period().from()).setParameter("to", filter.period().to());
        }
        return query;
    }

    private Optional<Post> find(String condition, Object key, PostStatusFilter status) {
        String jpql = "from Post p where " + condition + " and " + status.condition;
        TypedQuery<Post> query = getEntityManager().createQuery(jpql, Post.class).setParameter("key", key);
        return bindStatus(query, jpql).getResultList().stream().findFirst();
    }

    private Optional<PostLink> neighbour(String conditionAndOrder, Post post) {
        if (post.publishedAt == null) {
            return Optional.empty();
        }
        String jpql = LINK + "where " + PostStatusFilter.PUBLISHED.condition + " and " + conditionAndOrder;
        return bindStatus(getEntityManager().createQuery(jpql, PostLink.class), jpql)
                .setParameter("at", post.publishedAt)
                .setParameter("id", post.id)
                .setMaxResults(1)
                .getResultList().stream().findFirst();
    }

    private <T> TypedQuery<T> query(String select, Filter filter, Class<T> type, String orderBy) {
        StringBuilder jpql = new StringBuilder(select).append("where ").append(filter.status().condition);
        if (filter.categoryId() != null) {
            jpql.append(" and p.id in (select cp.id from Post cp join cp.categories c where c.id = :categoryId)");
        }
        if (filter.period() != null) {
            jpql.append(" and p.publishedAt >= :from and p.publishedAt < :to");
        }
        String text = jpql.append(orderBy).toString();
        TypedQuery<T> query = bindStatus(getEntityManager().createQuery(text, type), text);
        if (filter.categoryId() != null) {
            query.setParameter("categoryId", filter.categoryId());
        }
        if (filter.period() != null) {
            query.setParameter("from", filter.period().from());
            query.setParameter("to", filter.period().to());
        }
        return query;
    }

    private static <T> TypedQuery<T> bindStatus(TypedQuery<T> query, String jpql) {
        if (jpql.contains(":draft")) {
            query.setParameter("draft", PostStatus.DRAFT);
        }
        return query;
    }
}
