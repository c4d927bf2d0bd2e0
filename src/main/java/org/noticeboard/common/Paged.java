package org.noticeboard.common;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** The one shape of every paged list. */
public record Paged<T>(
        @Schema(description = "The items on this page") List<T> items,
        @Schema(description = "This page's number, from 1") int page,
        @Schema(description = "The page size asked for") int perPage,
        @Schema(description = "How many items all pages hold together") long total,
        @Schema(description = "How many pages there are; 0 when there are no items") int totalPages) {

    public static <T> Paged<T> of(List<T> items, Paging request, long total) {
        int totalPages = (int) ((total + request.perPage() - 1) / request.perPage());
        return new Paged<>(items, request.page(), request.perPage(), total, totalPages);
    }
}
