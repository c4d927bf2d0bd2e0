package org.noticeboard.post;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.noticeboard.common.Slugs;

import java.time.Instant;
import java.util.List;

/**
 * A post as an editor writes it. Fields left out take their defaults (PUT replaces the whole post). The example is
 * what Swagger UI's "Try it out" sends as it is: a draft, so nothing goes public by accident, and without a slug or
 * categories, so that it runs again and again (the slug made from the title takes the next free suffix) on any site.
 */
@Schema(name = "PostRequest", examples = """
        {
          "title": "Volunteers' Week: thank you to everyone who gives their time",
          "excerpt": "Over 400 local volunteers kept our community groups running this year.",
          "bodyHtml": "<p>Over 400 local volunteers kept our community groups running this year.</p><p>Join us at the CVS Centre on Friday 6 June for tea and cake.</p>",
          "author": "Communications Team",
          "status": "draft",
          "commentStatus": "open"
        }""")
public record PostRequest(
        @NotBlank @Size(max = 300) String title,
        @Size(max = 200) @Pattern(regexp = Slugs.PATTERN, message = Slugs.MESSAGE)
        @Schema(description = "Made from the title when left out") String slug,
        @Size(max = 1000) @Schema(description = "Plain text; made from the body's first paragraph when left out") String excerpt,
        @Size(max = 500_000) @Schema(description = "HTML; sanitised on write (scripts, event handlers and unsafe styles removed)")
        String bodyHtml,
        @Valid FeaturedImage featuredImage,
        @Size(max = 200) @Schema(description = "The author's display name") String author,
        @Schema(description = "draft (the default), scheduled or published") PostStatus status,
        @Schema(description = "When the post is (or becomes) public; required for scheduled posts, now for published "
                + "posts when left out") Instant publishedAt,
        @Schema(description = "open or closed; the site's default for new posts when left out") CommentStatus commentStatus,
        @Size(max = 100) @Schema(description = "Slugs of the post's categories") List<@NotBlank String> categories) {
}
