package org.noticeboard.comment;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "BulkModeration", examples = """
        { "action": "spam", "ids": [12, 13, 14] }""")
public record BulkModeration(
        @NotNull ModerationAction action,
        @NotEmpty @Size(max = 100) @Schema(description = "The comments: all are changed, or none")
        List<@NotNull @Min(1) Long> ids) {

    @Schema(name = "BulkModerationResult")
    public record Result(ModerationAction action, @Schema(description = "The comments changed, in the order sent")
                         List<Long> ids) {
    }
}
