package org.noticeboard.page;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.noticeboard.common.Slugs;

/** A page as an editor writes it. Changing parentId, position or slug moves the page and its subtree. */
@Schema(name = "PageRequest", examples = """
        {
          "title": "Volunteer Drivers",
          "slug": "volunteer-drivers",
          "status": "published",
          "summary": "Drive for Communicars and help neighbours reach appointments and the shops",
          "bodyHtml": "<p>Our drivers take people who cannot use buses to appointments and the shops.</p>",
          "metaDescription": "Volunteer as a community car driver in Burnley, Pendle and Rossendale"
        }""")
public record PageRequest(
        @NotBlank @Size(max = 300) String title,
        @Size(max = 200) @Pattern(regexp = Slugs.PATTERN, message = Slugs.MESSAGE)
        @Schema(description = "Made from the title when left out") String slug,
        @Schema(description = "The parent page's id; top level when left out") Long parentId,
        @Min(0) @Schema(description = "Place among its siblings, from 0; last when left out") Integer position,
        @Schema(description = "draft (the default) or published") PageStatus status,
        @Size(max = 2000) String summary,
        @Size(max = 500_000) @Schema(description = "HTML; sanitised on write") String bodyHtml,
        @Size(max = 300) String metaDescription) {

    /** The same request with the position left out. */
    PageRequest withoutPosition() {
        return new PageRequest(title, slug, parentId, null, status, summary, bodyHtml, metaDescription);
    }
}
