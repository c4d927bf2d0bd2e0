package org.noticeboard.category;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.noticeboard.site.FrontEndRoutes;

@Schema(name = "Category")
public record CategoryResponse(
        long id,
        String slug,
        String name,
        String description,
        @Schema(description = "Slug of the parent category, or null at the top level") String parentSlug,
        @Schema(description = "How many published posts are in this category") long postCount,
        @Schema(description = "Where a front end lists this category's posts", examples = "/news/category/newsletters")
        String path) {

    static CategoryResponse of(long id, String slug, String name, String description, String parentSlug, long postCount) {
        return new CategoryResponse(id, slug, name, description, parentSlug, postCount, FrontEndRoutes.category(slug));
    }
}
