package org.noticeboard.post;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.noticeboard.common.EditingTag;
import org.noticeboard.common.Versioned;
import org.noticeboard.user.Audit;
import org.noticeboard.site.FrontEndRoutes;

import java.time.Instant;
import java.util.List;

@Schema(name = "Post", requiredProperties = {"id", "slug", "path", "title", "excerpt", "bodyHtml", "featuredImage",
        "author", "status", "publishedAt", "updatedAt", "categories", "comments", "previous", "next"})
public record PostResponse(
        long id,
        String slug,
        @Schema(examples = "/news/dcms-publish-research-on-local-infrastructure") String path,
        String title,
        @Schema(description = "Plain-text teaser", nullable = true) String excerpt,
        @Schema(description = "The body as sanitised HTML") String bodyHtml,
        @Schema(nullable = true) FeaturedImage featuredImage,
        @Schema(description = "Author's display name", nullable = true) String author,
        @Schema(description = "published, or for signed-in editors also scheduled or draft") PostStatus status,
        @Schema(description = "Null for a draft that was never published", nullable = true) Instant publishedAt,
        Instant updatedAt,
        List<CategoryLink> categories,
        CommentSettings comments,
        @Schema(description = "The public post published just before this one, or null", nullable = true) PostLink previous,
        @Schema(description = "The public post published just after this one, or null", nullable = true) PostLink next,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "Who created and changed the post: only for signed-in editors") Audit audit,
        @JsonIgnore @Schema(hidden = true) EditingTag editingTag) implements Versioned {

    /** The tag a change to this post takes as If-Match. */
    static EditingTag tagOf(Post post) {
        return EditingTag.of("post", post);
    }

    static PostResponse of(Post post, List<CategoryLink> categories, CommentSettings comments,
                           PostLink previous, PostLink next, Audit audit) {
        return new PostResponse(post.id, post.slug, FrontEndRoutes.post(post.slug), post.title, post.excerpt,
                post.bodyHtml, FeaturedImage.of(post.featuredImageUrl, post.featuredImageAlt), post.authorName,
                PostStatus.effective(post.status, post.visible), post.publishedAt, post.updatedAt,
                categories, comments, previous, next, audit, tagOf(post));
    }
}
