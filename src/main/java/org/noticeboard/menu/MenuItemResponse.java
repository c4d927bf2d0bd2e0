package org.noticeboard.menu;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "MenuItem", requiredProperties = {"id", "label", "link", "children"})
public record MenuItemResponse(
        long id,
        String label,
        MenuLink link,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "For signed-in editors: true when the public does not see the item, because it links "
                + "to unpublished content or sits below such an item") Boolean hidden,
        @Schema(description = "Nested items in their order") List<MenuItemResponse> children) {
}
