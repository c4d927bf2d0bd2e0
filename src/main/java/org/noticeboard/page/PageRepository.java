package org.noticeboard.page;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.TypedQuery;
import org.noticeboard.common.PageRequest;

import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class PageRepository implements PanacheRepository<Page> {

    /**
     * A page is public when it is published and no ancestor is a draft: a draft parent hides its whole
     * subtree, so that neither the child nor its path gives the draft away.
     */
    private static final String PUBLIC = "p.status = :published and not exists "
            + "(select a.id from Page a where a.status = :draft and p.path like concat(a.path, '/%'))";
    private static final String SUMMARY = "select new org.noticeboard.page.PageSummaryRow("
            + "p.id, p.slug, p.path, p.title, p.summary, p.position, p.parent.id, p.updatedAt) from Page p ";

    /** @param parentId null for all pages, 0 for top-level pages, otherwise the parent's id */
    public long countPublic(Long parentId) {
        return publicQuery("select count(p) from Page p ", parentId, "", Long.class).getSingleResult();
    }

    /** @param parentId as for {@link #countPublic}; siblings come in their order, a whole tree by path */
    public List<PageSummaryRow> listPublic(Long parentId, PageRequest page) {
        String orderBy = parentId == null ? " order by p.path" : " order by p.position, lower(p.title), p.id";
        return publicQuery(SUMMARY, parentId, orderBy, PageSummaryRow.class)
                .setFirstResult(page.index() * page.perPage())
                .setMaxResults(page.perPage())
                .getResultList();
    }

    public Optional<Page> findPublicById(long id) {
        return findPublic("p.id = :key", id);
    }

    public Optional<Page> findPublicByPath(String path) {
        return findPublic("p.path = :key", path);
    }

    /** The pages at these paths, shortest path first: a public page's ancestors are all public. */
    public List<PageRef> byPaths(List<String> ancestorPaths) {
        if (ancestorPaths.isEmpty()) {
            return List.of();
        }
        return getEntityManager().createQuery("select new org.noticeboard.page.PageRef(p.id, p.title, p.path, p.position) "
                        + "from Page p where p.path in :paths order by length(p.path)", PageRef.class)
                .setParameter("paths", ancestorPaths)
                .getResultList();
    }

    public List<PageRef> publicChildren(long parentId) {
        return getEntityManager().createQuery("select new org.noticeboard.page.PageRef(p.id, p.title, p.path, p.position) "
                        + "from Page p where p.parent.id = :parentId and p.status = :published "
                        + "order by p.position, lower(p.title), p.id", PageRef.class)
                .setParameter("parentId", parentId)
                .setParameter("published", PageStatus.PUBLISHED)
                .getResultList();
    }

    /** Paths of draft pages: anything at or below one of them is hidden from the public. */
    public List<String> draftPaths() {
        return getEntityManager().createQuery("select p.path from Page p where p.status = :draft", String.class)
                .setParameter("draft", PageStatus.DRAFT)
                .getResultList();
    }

    private Optional<Page> findPublic(String condition, Object key) {
        return getEntityManager().createQuery("from Page p where " + condition + " and " + PUBLIC, Page.class)
                .setParameter("key", key)
                .setParameter("published", PageStatus.PUBLISHED)
                .setParameter("draft", PageStatus.DRAFT)
                .getResultStream().findFirst();
    }

    private <T> TypedQuery<T> publicQuery(String select, Long parentId, String orderBy, Class<T> type) {
        String parentCondition = parentId == null ? "" : parentId == 0 ? " and p.parent is null" : " and p.parent.id = :parentId";
        TypedQuery<T> query = getEntityManager().createQuery(select + "where " + PUBLIC + parentCondition + orderBy, type)
                .setParameter("published", PageStatus.PUBLISHED)
                .setParameter("draft", PageStatus.DRAFT);
        if (parentId != null && parentId != 0) {
            query.setParameter("parentId", parentId);
        }
        return query;
    }
}
