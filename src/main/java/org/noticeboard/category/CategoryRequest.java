package org.noticeboard.category;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.noticeboard.common.Slugs;

@Schema(name = "CategoryRequest", examples = """
        {
          "name": "Volunteering",
          "slug": "volunteering",
          "description": "Volunteer roles, training and awards across Burnley, Pendle and Rossendale"
        }""")
public record CategoryRequest(
        @NotBlank @Size(max = 200) String name,
        @Size(max = 200) @Pattern(regexp = Slugs.PATTERN, message = Slugs.MESSAGE)
        @Schema(description = "Made from the name when left out") String slug,
        @Size(max = 2000) String description,
        @Schema(description = "Slug of the parent category; top level when left out") String parentSlug) {
}
