package org.noticeboard.page;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.noticeboard.common.EditingTag;
import org.noticeboard.common.Versioned;
import org.noticeboard.site.FrontEndRoutes;
import org.noticeboard.user.Audit;

import java.time.Instant;
import java.util.List;

@Schema(name = "Page", requiredProperties = {"id", "slug", "path", "title", "summary", "bodyHtml", "metaDescription",
        "position", "parentId", "status", "updatedAt", "breadcrumbs", "children"},
        examples = """
        {
          "id": 42,
          "slug": "room-hire",
          "path": "/services/the-cvs-centre/room-hire",
          "title": "Room Hire",
          "summary": "Meeting and training rooms at the CVS Centre, for groups large and small",
          "bodyHtml": "<p>Our rooms seat from 4 to 60 people. Voluntary groups pay a reduced rate.</p>",
          "metaDescription": "Hire a meeting or training room at the CVS Centre in Burnley",
          "position": 0,
          "parentId": 41,
          "status": "published",
          "updatedAt": "2025-07-16T09:00:00Z",
          "breadcrumbs": [
            { "id": 3, "title": "Services", "path": "/services" },
            { "id": 41, "title": "The CVS Centre", "path": "/services/the-cvs-centre" }
          ],
          "children": [
            { "id": 43, "title": "Large Meetings", "path": "/services/the-cvs-centre/room-hire/large-meetings",
              "position": 0, "status": "published" },
            { "id": 44, "title": "Small Meetings", "path": "/services/the-cvs-centre/room-hire/small-meetings",
              "position": 1, "status": "published" }
          ]
        }""")
public record PageResponse(
        long id,
        String slug,
        @Schema(examples = "/services/the-cvs-centre/room-hire") String path,
        String title,
        @Schema(nullable = true) String summary,
        @Schema(description = "The body as sanitised HTML") String bodyHtml,
        @Schema(description = "For the HTML meta description tag", nullable = true) String metaDescription,
        @Schema(description = "Order among its siblings, from 0") int position,
        @Schema(description = "The parent page's id; null at the top level", nullable = true) Long parentId,
        @Schema(description = "published, or for signed-in editors also draft") PageStatus status,
        Instant updatedAt,
        @Schema(description = "The page's ancestors, top level first; empty for a top-level page")
        List<Breadcrumb> breadcrumbs,
        @Schema(description = "Child pages in their order: published ones, or for signed-in editors all")
        List<ChildPage> children,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "Who created and changed the page: only for signed-in editors") Audit audit,
        @JsonIgnore @Schema(hidden = true) EditingTag editingTag) implements Versioned {

    /** The tag a change to this page takes as If-Match. */
    static EditingTag tagOf(Page page) {
        return EditingTag.of("page", page);
    }

    static PageResponse of(Page page, List<Breadcrumb> breadcrumbs, List<ChildPage> children, Audit audit) {
        return new PageResponse(page.id, page.slug, FrontEndRoutes.page(page.path), page.title, page.summary,
                page.bodyHtml, page.metaDescription, page.position, page.parent == null ? null : page.parent.id,
                page.status, page.updatedAt, breadcrumbs, children, audit, tagOf(page));
    }

    PageRequest asRequest() {
        return new PageRequest(title, slug, parentId, position, status, summary, bodyHtml, metaDescription);
    }
}
