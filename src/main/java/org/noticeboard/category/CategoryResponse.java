package org.noticeboard.category;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.noticeboard.common.EditingTag;
import org.noticeboard.common.Versioned;
import org.noticeboard.site.FrontEndRoutes;
import org.noticeboard.user.Audit;

@Schema(name = "Category", requiredProperties = {"id", "slug", "name", "description", "parentSlug", "postCount", "path"},
        examples = """
        {
          "id": 2,
          "slug": "newsletters",
          "name": "Newsletters",
          "description": "Our monthly newsletter for voluntary, community and faith groups",
          "parentSlug": null,
          "postCount": 12,
          "path": "/news/category/newsletters"
        }""")
public record CategoryResponse(
        long id,
        String slug,
        String name,
        @Schema(nullable = true) String description,
        @Schema(description = "Slug of the parent category, or null at the top level", nullable = true) String parentSlug,
        @Schema(description = "How many published posts are in this category") long postCount,
        @Schema(description = "Where a front end lists this category's posts", examples = "/news/category/newsletters")
        String path,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "Who created and changed the category: only for signed-in editors") Audit audit,
        @JsonIgnore @Schema(hidden = true) EditingTag editingTag) implements Versioned {

    /** The tag a change to this category takes as If-Match. */
    static EditingTag tagOf(long id, long version) {
        return new EditingTag("category", id, version);
    }

    static CategoryResponse of(long id, String slug, String name, String description, String parentSlug, long postCount,
                               long version) {
        return new CategoryResponse(id, slug, name, description, parentSlug, postCount, FrontEndRoutes.category(slug), null,
                tagOf(id, version));
    }

    CategoryResponse withAudit(Audit audit) {
        return new CategoryResponse(id, slug, name, description, parentSlug, postCount, path, audit, editingTag);
    }

    CategoryRequest asRequest() {
        return new CategoryRequest(name, slug, description, parentSlug);
    }
}
