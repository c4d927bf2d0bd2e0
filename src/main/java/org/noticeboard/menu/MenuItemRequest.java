package org.noticeboard.menu;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One item, added or changed on its own: a new parentId or position moves it (with its children). */
@Schema(name = "MenuItemRequest", examples = """
        {
          "label": "Latest news",
          "link": { "type": "news" }
        }""")
public record MenuItemRequest(
        @NotBlank @Size(max = 200) String label,
        @NotNull @Valid MenuLinkRequest link,
        @Schema(description = "The parent item's id; top level when left out. Menus nest at most " + MenuService.MAX_DEPTH + " levels deep, "
                + "the item's own children counted when it moves") Long parentId,
        @Min(0) @Schema(description = "Place among its siblings, from 0; last when left out") Integer position) {
}
