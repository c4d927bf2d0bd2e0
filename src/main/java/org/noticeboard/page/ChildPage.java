package org.noticeboard.page;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.noticeboard.site.FrontEndRoutes;

@Schema(name = "ChildPage")
public record ChildPage(long id, String title, @Schema(examples = "/services/the-cvs-centre/room-hire") String path,
                        @Schema(description = "Order among its siblings, from 0") int position,
                        @Schema(description = "published, or for signed-in editors also draft") PageStatus status) {

    static ChildPage of(PageRef ref) {
        return new ChildPage(ref.id(), ref.title(), FrontEndRoutes.page(ref.path()), ref.position(), ref.status());
    }
}
