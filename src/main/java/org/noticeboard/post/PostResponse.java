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
        "author", "status", "publishedAt", "updatedAt", "categories", "comments", "previous", "next"},
        examples = """
        {
          "id": 1,
          "slug": "dcms-publish-research-on-local-infrastructure",
          "path": "/news/dcms-publish-research-on-local-infrastructure",
          "title": "DCMS Publish Research on Local Infrastructure",
          "excerpt": "The Department for Culture, Media and Sport has published research on local infrastructure.",
          "bodyHtml": "<p>The Department for Culture, Media and Sport has published research on local infrastructure.</p>",
          "featuredImage": { "url": "https://www.example.org/images/cvs-centre.jpg", "alt": "The CVS Centre in Burnley" },
          "author": "Communications Team",
          "status": "published",
          "publishedAt": "2025-07-16T09:00:00Z",
          "updatedAt": "2025-07-16T09:00:00Z",
          "categories": [ { "slug": "newsletters", "name": "Newsletters", "path": "/news/category/newsletters" } ],
          "comments": { "status": "closed", "reason": "post-setting", "autoCloseAt": "2025-08-15T09:00:00Z", "count": 3, "moderated": true },
          "previous": { "id": 7, "slug": "volunteers-week-2025", "title": "Volunteers' Week 2025",
                        "path": "/news/volunteers-week-2025", "publishedAt": "2025-06-02T09:00:00Z" },
          "next": { "id": 9, "slug": "trustee-training-this-autumn", "title": "Trustee Training This Autumn",
                    "path": "/news/trustee-training-this-autumn", "publishedAt": "2025-08-04T09:00:00Z" }
        }""")
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
