package org.noticeboard.page;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.noticeboard.site.FrontEndRoutes;

import java.time.Instant;
import java.util.List;

@Schema(name = "Page")
public record PageResponse(
        long id,
        String slug,
        @Schema(examples = "/services/the-cvs-centre/room-hire") String path,
        String title,
        String summary,
        @Schema(description = "The body as sanitised HTML") String bodyHtml,
        @Schema(description = "For the HTML meta description tag") String metaDescription,
        @Schema(description = "Order among its siblings, from 0") int position,
        @Schema(description = "The parent page's id; null at the top level") Long parentId,
        Instant updatedAt,
        @Schema(description = "The page's ancestors, top level first; empty for a top-level page")
        List<Breadcrumb> breadcrumbs,
        @Schema(description = "Published child pages in their order") List<ChildPage> children) {

    static PageResponse of(Page page, List<Breadcrumb> breadcrumbs, List<ChildPage> children) {
        return new PageResponse(page.id, page.slug, FrontEndRoutes.page(page.path), page.title, page.summary,
                page.bodyHtml, page.metaDescription, page.position, page.parent == null ? null : page.parent.id,
                page.updatedAt, breadcrumbs, children);
    }
}
