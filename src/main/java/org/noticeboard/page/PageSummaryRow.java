package org.noticeboard.page;

import java.time.Instant;

/** A list row: everything but the body. */
record PageSummaryRow(Long id, String slug, String path, String title, String summary, Integer position,
                      Long parentId, PageStatus status, Instant updatedAt) {
}
