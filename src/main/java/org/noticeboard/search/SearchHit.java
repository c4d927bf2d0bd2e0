package org.noticeboard.search;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;

public record SearchHit(
        @Schema(description = "Whether the hit is a post or a page") SearchType type,
        @Schema(description = "The post's or page's id") long id,
        @Schema(description = "The title") String title,
        @Schema(description = "The front-end path to link to") String path,
        @Schema(description = "publishedAt for a post, updatedAt for a page") OffsetDateTime date,
        @Schema(description = "HTML: the matching passage, escaped, with the matched words in <mark>…</mark>")
        String snippet) {
}
