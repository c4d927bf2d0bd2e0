package org.noticeboard.menu;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where a menu item leads, resolved to what a front end needs. */
@Schema(name = "MenuLink", requiredProperties = {"type", "path", "url"})
public record MenuLink(
        @Schema(description = "page, post, category, archive, news (the news index), url (another site) or none (a heading)")
        LinkType type,
        @Schema(description = "For links within the site: the path a front end routes to", examples = "/services/training", nullable = true)
        String path,
        @Schema(description = "For type url: the external address", nullable = true) String url,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "For signed-in editors: the id of the linked page, post or category") Long targetId) {
}
