package org.noticeboard.post;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.noticeboard.site.FrontEndRoutes;

import java.time.Instant;
import java.util.List;

@Schema(name = "Post")
public record PostResponse(
        long id,
        String slug,
        @Schema(examples = "/news/dcms-publish-research-on-local-infrastructure") String path,
        String title,
        @Schema(description = "Plain-text teaser") String excerpt,
        @Schema(description = "The body as sanitised HTML") String bodyHtml,
        FeaturedImage featuredImage,
        @Schema(description = "Author's display name") String author,
        Instant publishedAt,
        Instant updatedAt,
        List<CategoryLink> categories,
        CommentSettings comments,
        @Schema(description = "The public post published just before this one, or null") PostLink previous,
        @Schema(description = "The public post published just after this one, or null") PostLink next) {

    static PostResponse of(Post post, List<CategoryLink> categories, CommentSettings comments,
                           PostLink previous, PostLink next) {
        return new PostResponse(post.id, post.slug, FrontEndRoutes.post(post.slug), post.title, post.excerpt,
                post.bodyHtml, FeaturedImage.of(post.featuredImageUrl, post.featuredImageAlt), post.authorName,
                post.publishedAt, post.updatedAt, categories, comments, previous, next);
    }
}
