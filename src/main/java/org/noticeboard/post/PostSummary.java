package org.noticeboard.post;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.noticeboard.site.FrontEndRoutes;

import java.time.Instant;
import java.util.List;

/** A post as lists show it: everything but the body. */
@Schema(name = "PostSummary", examples = """
        {
          "id": 1,
          "slug": "dcms-publish-research-on-local-infrastructure",
          "path": "/news/dcms-publish-research-on-local-infrastructure",
          "title": "DCMS Publish Research on Local Infrastructure",
          "excerpt": "The Department for Culture, Media and Sport has published research on local infrastructure.",
          "featuredImage": { "url": "https://www.example.org/images/cvs-centre.jpg", "alt": "The CVS Centre in Burnley" },
          "author": "Communications Team",
          "status": "published",
          "publishedAt": "2025-07-16T09:00:00Z",
          "updatedAt": "2025-07-16T09:00:00Z",
          "categories": [ { "slug": "newsletters", "name": "Newsletters", "path": "/news/category/newsletters" } ]
        }""")
public record PostSummary(
        long id,
        String slug,
        @Schema(description = "Where a front end shows the post", examples = "/news/dcms-publish-research-on-local-infrastructure")
        String path,
        String title,
        @Schema(description = "Plain-text teaser", nullable = true) String excerpt,
        @Schema(nullable = true) FeaturedImage featuredImage,
        @Schema(description = "Author's display name", nullable = true) String author,
        @Schema(description = "published, or for signed-in editors also scheduled or draft") PostStatus status,
        @Schema(description = "Null for a draft that was never published", nullable = true) Instant publishedAt,
        Instant updatedAt,
        List<CategoryLink> categories) {

    static PostSummary of(PostSummaryRow row, List<CategoryLink> categories) {
        return new PostSummary(row.id(), row.slug(), FrontEndRoutes.post(row.slug()), row.title(), row.excerpt(),
                FeaturedImage.of(row.featuredImageUrl(), row.featuredImageAlt()), row.authorName(),
                PostStatus.effective(row.status(), row.visible()), row.publishedAt(), row.updatedAt(), categories);
    }
}
