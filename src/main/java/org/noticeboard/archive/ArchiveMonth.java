package org.noticeboard.archive;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ArchiveMonth", examples = """
        {
          "year": 2025,
          "month": 7,
          "label": "July 2025",
          "count": 1,
          "path": "/news/archive/2025/07"
        }""")
public record ArchiveMonth(
        int year,
        @Schema(description = "1–12") int month,
        @Schema(examples = "July 2025") String label,
        @Schema(description = "How many posts were published that month") long count,
        @Schema(description = "Where a front end lists the month's posts; the API lists them at /api/posts?year=&month=",
                examples = "/news/archive/2025/07") String path) {
}
