package org.noticeboard.page;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.noticeboard.site.FrontEndRoutes;

/** An ancestor of a page. */
@Schema(name = "Breadcrumb")
public record Breadcrumb(long id, String title, @Schema(examples = "/services/the-cvs-centre") String path) {

    static Breadcrumb of(PageRef ref) {
        return new Breadcrumb(ref.id(), ref.title(), FrontEndRoutes.page(ref.path()));
    }
}
