package org.noticeboard.menu;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "MenuItem")
public record MenuItemResponse(long id, String label, MenuLink link,
                               @Schema(description = "Nested items in their order") List<MenuItemResponse> children) {
}
