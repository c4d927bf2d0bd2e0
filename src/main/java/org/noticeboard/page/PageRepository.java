package org.noticeboard.page;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import org.noticeboard.common.Paging;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.TypedQuery;

import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class PageRepository implements PanacheRepository<Page> {

    private static final String SUMMARY = "select new org.noticeboard.page.PageSummaryRow("
            + "p.id, p.slug, p.path, p.title, p.summary, p.position, p.parent.id, p.status, p.updatedAt) from Page p ";

    /** @param parentId null for all pages, 0 for top-level pages, otherwise the parent's id */
    public long count(PageStatusFilter status, Long parentId) {
        return query("select count(p) from Page p ", status, parentId, "", Long.class).getSingleResult();
    }

    /** @param parentId as for {@link #count}; siblings come in their order, a whole tree by path */
    public List<PageSummaryRow> list(PageStatusFilter status, Long parentId, Paging page) {
        String orderBy = parentId == null ? " order by p.path" : " order by p.position, lower(p.title), p.id";
        return query(SUMMARY, status, parentId, orderBy, PageSummaryRow.class)
                .setFirstResult(page.index() * page.perPage())
                .setMaxResults(page.perPage())
                .getResultList();
    }

    public Optional<Page> findById(long id, PageStatusFilter status) {
        return find("p.id = :key", id, status);
    }

    public Optional<Page> findByPath(String path, PageStatusFilter status) {
        return find("p.path = :key", path, status);
    }

    /** The pages at these paths, shortest path first. */
    public List<PageRef> byPaths(List<String> paths) {
        if (paths.isEmpty()) {
            return List.of();
        }
        return getEntityManager().createQuery("select new org.noticeboard.page.PageRef(p.id, p.title, p.path, p.position, p.status) "
                        + "from Page p where p.path in :paths order by length(p.path)", PageRef.class)
                .setParameter("paths", paths)
                .getResultList();
    }

    /** Children in their order; only published ones unless {@code status} is ANY. */
    public List<PageRef> children(long parentId, PageStatusFilter status) {
        String jpql = "select new org.noticeboard.page.PageRef(p.id, p.title, p.path, p.position, p.status) "
                + "from Page p where p.parent.id = :parentId"
                + (status == PageStatusFilter.ANY ? "" : " and p.status = :published")
                + " order by p.position, lower(p.title), p.id";
        TypedQuery<PageRef> query = getEntityManager().createQuery(jpql, PageRef.class).setParameter("parentId", parentId);
        return bind(query, jpql).getResultList();
    }

    /** Siblings as entities, in order, for renumbering their positions. */
    public List<Page> siblings(Page parent) {
        return parent == null
                ? list("parent is null order by position, lower(title), id")
                : list("parent = ?1 order by position, lower(title), id", parent);
    }

    public Optional<Page> findByPath(String path) {
        return find("path", path).firstResultOptional();
    }

    /** Paths of draft pages: anything at or below one of them is hidden from the public. */
    public List<String> draftPaths() {
        return getEntityManager().createQuery("select p.path from Page p where p.status = :draft", String.class)
                .setParameter("draft", PageStatus.DRAFT)
                .getResultList();
    }

    /** The page that had this path before, if any. */
    public Optional<Page> formerOwnerOf(String path) {
        return getEntityManager().createQuery("select r.page from PagePathRedirect r where r.oldPath = :path", Page.class)
                .setParameter("path", path)
                .getResultList().stream().findFirst();
    }

    /** Moves a subtree: every page below {@code oldPath} gets the new prefix, and its old path redirects. */
    public void moveSubtree(String oldPath, String newPath) {
        getEntityManager().createNativeQuery("""
                        insert into page_path_redirects (old_path, page_id)
                        select path, id from pages where path = :old or path like :old || '/%'
                        on conflict (old_path) do update set page_id = excluded.page_id, created_at = now()""")
                .setParameter("old", oldPath)
                .executeUpdate();
        getEntityManager().createNativeQuery("""
                        update pages set path = :new || substr(path, length(:old) + 1)
                        where path like :old || '/%'""")
                .setParameter("old", oldPath)
                .setParameter("new", newPath)
                .executeUpdate();
    }

    /** The length of the longest path below {@code path}, when it has descendants. */
    public Optional<Integer> longestPathBelow(String path) {
        Number longest = (Number) getEntityManager().createNativeQuery(
                        "select max(length(path)) from pages where path like :path || '/%'")
                .setParameter("path", path)
                .getSingleResult();
        return Optional.ofNullable(longest).map(Number::intValue);
    }

    /** A path in use by a live page no longer redirects elsewhere. */
    public void forgetFormerPaths(String livePath) {
        getEntityManager().createNativeQuery("""
                        delete from page_path_redirects
                        where old_path = :path or old_path like :path || '/%'""")
                .setParameter("path", livePath)
                .executeUpdate();
    }

    private Optional<Page> find(String condition, Object key, PageStatusFilter status) {
        String jpql = "from Page p where " + condition + " and " + status.condition;
        return bind(getEntityManager().createQuery(jpql, Page.class).setParameter("key", key), jpql)
                .getResultList().stream().findFirst();
    }

    private <T> TypedQuery<T> query(String select, PageStatusFilter status, Long parentId, String orderBy, Class<T> type) {
        String parentCondition = parentId == null ? "" : parentId == 0 ? " and p.parent is null" : " and p.parent.id = :parentId";
        String jpql = select + "where " + status.condition + parentCondition + orderBy;
        TypedQuery<T> query = bind(getEntityManager().createQuery(jpql, type), jpql);
        if (parentId != null && parentId != 0) {
            query.setParameter("parentId", parentId);
        }
        return query;
    }

    private static <T> TypedQuery<T> bind(TypedQuery<T> query, String jpql) {
        if (jpql.contains(":published")) {
            query.setParameter("published", PageStatus.PUBLISHED);
        }
        if (jpql.contains(":draft")) {
            query.setParameter("draft", PageStatus.DRAFT);
        }
        return query;
    }
}
