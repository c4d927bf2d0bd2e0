package org.noticeboard.menu;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.noticeboard.common.Slugs;

/** What PATCH on a menu changes: its slug and name. Items change through their own operations. */
@Schema(name = "MenuNameRequest", examples = """
        {
          "slug": "main",
          "name": "Main navigation"
        }""")
public record MenuNameRequest(
        @NotBlank @Size(max = 200) @Pattern(regexp = Slugs.PATTERN, message = Slugs.MESSAGE) String slug,
        @NotBlank @Size(max = 200) String name) {
}
