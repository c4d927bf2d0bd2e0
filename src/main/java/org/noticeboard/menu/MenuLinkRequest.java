package org.noticeboard.menu;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A link as an admin writes it: the type, and the one field that type needs. */
@Schema(name = "MenuLinkRequest")
public record MenuLinkRequest(
        @NotNull @Schema(description = "page, post, category, archive, news, url or none") LinkType type,
        @Schema(description = "For type page") Long pageId,
        @Schema(description = "For type post") Long postId,
        @Schema(description = "For type category") Long categoryId,
        @Min(1) @Max(9999) @Schema(description = "For type archive") Integer year,
        @Min(1) @Max(12) @Schema(description = "For type archive") Integer month,
        @Size(max = 2000) @Schema(description = "For type url: an http(s), mailto: or tel: address") String url) {
}
