package org.noticeboard.post;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "FeaturedImage")
public record FeaturedImage(String url, @Schema(description = "Alternative text for readers who cannot see the image") String alt) {

    static FeaturedImage of(String url, String alt) {
        return url == null ? null : new FeaturedImage(url, alt);
    }
}
