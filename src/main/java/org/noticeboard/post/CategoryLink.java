package org.noticeboard.post;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.noticeboard.site.FrontEndRoutes;

/** A category as a post shows it. */
@Schema(name = "PostCategory")
public record CategoryLink(String slug, String name,
                           @Schema(examples = "/news/category/newsletters") String path) {

    static CategoryLink of(String slug, String name) {
        return new CategoryLink(slug, name, FrontEndRoutes.category(slug));
    }
}
