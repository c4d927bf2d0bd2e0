package org.noticeboard.page;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.noticeboard.site.FrontEndRoutes;

import java.time.Instant;

/** A page as lists show it: everything but the body. */
@Schema(name = "PageSummary", examples = """
        {
          "id": 42,
          "slug": "room-hire",
          "path": "/services/the-cvs-centre/room-hire",
          "title": "Room Hire",
          "summary": "Meeting and training rooms at the CVS Centre, for groups large and small",
          "position": 0,
          "parentId": 41,
          "status": "published",
          "updatedAt": "2025-07-16T09:00:00Z"
        }""")
public record PageSummary(
        long id,
        String slug,
        @Schema(description = "Where a front end shows the page; also its address under /api/pages/by-path",
                examples = "/services/the-cvs-centre/room-hire") String path,
        String title,
        @Schema(nullable = true) String summary,
        @Schema(description = "Order among its siblings, from 0") int position,
        @Schema(description = "The parent page's id; null at the top level", nullable = true) Long parentId,
        @Schema(description = "published, or for signed-in editors also draft") PageStatus status,
        Instant updatedAt) {

    static PageSummary of(PageSummaryRow row) {
        return new PageSummary(row.id(), row.slug(), FrontEndRoutes.page(row.path()), row.title(), row.summary(),
                row.position(), row.parentId(), row.status(), row.updatedAt());
    }
}
