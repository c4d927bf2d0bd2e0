package org.noticeboard.menu;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.noticeboard.common.Slugs;

import java.util.List;

/** A whole menu: creating one, or replacing one's name and entire tree in one request. */
@Schema(name = "MenuRequest", examples = """
        {
          "slug": "footer",
          "name": "Footer menu",
          "items": [
            { "label": "Latest news", "link": { "type": "news" } },
            { "label": "Contact us", "link": { "type": "url", "url": "mailto:info@example.org" } }
          ]
        }""")
public record MenuRequest(
        @Size(max = 200) @Pattern(regexp = Slugs.PATTERN, message = Slugs.MESSAGE)
        @Schema(description = "Required to create; a replacement may rename the slug") String slug,
        @NotBlank @Size(max = 200) String name,
        @Schema(description = "The whole tree; empty when left out. A menu holds at most " + MenuService.MAX_ITEMS
                + " items in all, nested at most " + MenuService.MAX_DEPTH + " levels deep (top-level items are level 1)") List<@NotNull @Valid MenuTreeItem> items) {
}
