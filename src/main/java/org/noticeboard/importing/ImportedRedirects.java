package org.noticeboard.importing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.noticeboard.common.Paged;
import org.noticeboard.common.Paging;
import org.noticeboard.site.FrontEndRoutes;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;

/**
 * The old site's addresses of imported content, each with the front-end path it has now: imported posts' and pages'
 * own pages (imported_posts, imported_pages) and WordPress's other addresses for them (import_redirects). Only what
 * the public can read is listed, at its present path, so a renamed post redirects to its new slug.
 */
@ApplicationScoped
public class ImportedRedirects {

    private static final int MAX_LENGTH = ImportRules.MAX_LENGTH;
    private static final String PUBLIC_PAGE = """
            g.status = 'published' and not exists
                (select 1 from pages a where a.status = 'draft' and g.path like a.path || '/%')""";
    private static final String REDIRECTS = """
            select i.link as from_url, 'post' as kind, p.slug as target
              from imported_posts i join posts p on p.id = i.post_id
             where i.link is not null and post_is_public(p.status, p.published_at)
            union all
            select i.link, 'page', g.path from imported_pages i join pages g on g.id = i.page_id
             where i.link is not null and %1$s
            union all
            select r.from_url, 'post', p.slug from import_redirects r join posts p on p.id = r.post_id
             where post_is_public(p.status, p.published_at)
            union all
            select r.from_url, 'page', g.path from import_redirects r join pages g on g.id = r.page_id where %1$s
            union all
            select r.from_url, 'category', c.slug from import_redirects r join categories c on c.id = r.category_id
            """.formatted(PUBLIC_PAGE);

    private final EntityManager entityManager;

    ImportedRedirects(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** A page of redirects, by old address. */
    @Transactional
    public Paged<ImportedRedirect> list(Paging paging) {
        long total = ((Number) entityManager.createNativeQuery("select count(*) from (" + REDIRECTS + ") r")
                .getSingleResult()).longValue();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("select * from (" + REDIRECTS + ") r "
                        + "order by from_url, kind, target offset ?1 limit ?2")
                .setParameter(1, (long) paging.index() * paging.perPage()).setParameter(2, paging.perPage())
                .getResultList();
        List<ImportedRedirect> items = rows.stream().map(row -> ImportedRedirect.of((String) row[0],
                to((String) row[1], (String) row[2]))).toList();
        return Paged.of(items, paging, total);
    }

    private static String to(String kind, String target) {
        return switch (kind) {
            case "post" -> FrontEndRoutes.post(target);
            case "page" -> FrontEndRoutes.page(target);
            default -> FrontEndRoutes.category(target);
        };
    }

    /** The item's own page on the old site, when it names one over http(s). */
    static String oldAddress(String link) {
        if (link == null || link.length() > MAX_LENGTH) {
            return null;
        }
        try {
            URI uri = new URI(link.strip());
            return uri.getHost() != null && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                    ? uri.toString() : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
