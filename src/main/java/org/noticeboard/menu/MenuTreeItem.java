package org.noticeboard.menu;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** An item of a whole tree sent at once; order and nesting are those of the arrays. */
@Schema(name = "MenuTreeItem")
public record MenuTreeItem(
        @NotBlank @Size(max = 200) String label,
        @NotNull @Valid MenuLinkRequest link,
        @Schema(description = "Items one level down; an item at level " + MenuService.MAX_DEPTH + " has none") List<@NotNull @Valid MenuTreeItem> children) {
}
