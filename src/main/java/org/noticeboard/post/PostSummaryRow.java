package org.noticeboard.post;

import java.time.Instant;

/** A list row: everything but the body, which lists never need. */
record PostSummaryRow(Long id, String slug, String title, String excerpt, String featuredImageUrl,
                      String featuredImageAlt, String authorName, PostStatus status, Instant publishedAt,
                      Instant updatedAt, boolean visible) {
}
