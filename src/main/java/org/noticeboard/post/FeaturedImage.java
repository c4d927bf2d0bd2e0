package org.noticeboard.post;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "FeaturedImage")
public record FeaturedImage(
        @NotBlank @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http or https address") String url,
        @Size(max = 500) @Schema(description = "Alternative text for readers who cannot see the image", nullable = true) String alt) {

    static FeaturedImage of(String url, String alt) {
        return url == null ? null : new FeaturedImage(url, alt);
    }
}
