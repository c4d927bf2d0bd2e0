package org.noticeboard.search;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** The common paged shape, plus the corrected query when the one asked found nothing. */
public record SearchResults(
        @Schema(description = "The hits on this page, best first") List<SearchHit> items,
        @Schema(description = "This page's number, from 1") int page,
        @Schema(description = "The page size asked for") int perPage,
        @Schema(description = "How many hits all pages hold together") long total,
        @Schema(description = "How many pages there are; 0 when there are no hits") int totalPages,
        @Schema(nullable = true, description = "The corrected query these results are for, when the query as "
                + "asked found fewer than 3 hits, had words no published post or page holds, and the nearest "
                + "spellings from the site's published words found more; otherwise null")
        String didYouMean) {
}
