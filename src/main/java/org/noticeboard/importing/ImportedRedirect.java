package org.noticeboard.importing;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.net.URI;

/** Where an imported item lived on the old site, and the front-end path of the post it became. */
@Schema(name = "ImportedRedirect")
public record ImportedRedirect(
        @Schema(description = "The old address's path and query, as the old site's visitors and search engines ask",
                examples = "/news/volunteers-week") String from,
        @Schema(description = "The old address, whole", examples = "https://www.example.org/news/volunteers-week")
        String fromUrl,
        @Schema(description = "The post's path on the front end: answer from with a 301 to it",
                examples = "/news/volunteers-week-thank-you") String to) {

    static ImportedRedirect of(String oldAddress, String to) {
        URI uri = URI.create(oldAddress);
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return new ImportedRedirect(uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery(), oldAddress, to);
    }
}
