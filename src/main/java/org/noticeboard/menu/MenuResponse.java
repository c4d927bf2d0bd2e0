package org.noticeboard.menu;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "Menu")
public record MenuResponse(String slug, String name,
                           @Schema(description = "Top-level items in their order, each with its children") List<MenuItemResponse> items) {
}
