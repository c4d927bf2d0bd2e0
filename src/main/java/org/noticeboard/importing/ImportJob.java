package org.noticeboard.importing;

import com.fasterxml.jackson.annotation.JsonValue;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.noticeboard.common.Problem;
import org.noticeboard.common.WireEnum;
import org.noticeboard.export.RestoreReport;

import java.time.Instant;

/** An import sent to POST /api/imports: where it stands, and once finished its report or what stopped it. */
@Schema(name = "ImportJob")
public record ImportJob(
        long id,
        Kind kind,
        Status status,
        boolean dryRun,
        @Schema(description = "The uploaded file's size in bytes") long fileSize,
        @Schema(description = "Items of the file read so far") long itemsDone,
        @Schema(description = "Items in the file, once counted", nullable = true) Long itemsTotal,
        Instant createdAt,
        @Schema(nullable = true) Instant startedAt,
        @Schema(nullable = true) Instant finishedAt,
        @Schema(description = "When a WordPress or feed import succeeded: what was imported and skipped",
                nullable = true) ImportReport report,
        @Schema(description = "When a restore of an export succeeded: what was restored", nullable = true)
        RestoreReport restore,
        @Schema(description = "When it failed: why; nothing was imported", nullable = true) Problem problem) {

    @Schema(name = "ImportJobKind")
    public enum Kind {
        WORDPRESS, FEED, NOTICEBOARD_EXPORT;

        @JsonValue
        public String wireName() {
            return WireEnum.name(this);
        }
    }

    /** queued, running, then succeeded or failed. */
    @Schema(name = "ImportJobStatus")
    public enum Status {
        QUEUED, RUNNING, SUCCEEDED, FAILED;

        @JsonValue
        public String wireName() {
            return WireEnum.name(this);
        }
    }
}
