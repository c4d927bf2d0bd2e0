package org.noticeboard.user;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** Who created and who last changed a piece of content, and when: shown to signed-in editors only. */
@Schema(name = "Audit")
public record Audit(@Schema(description = "Null for what exists once, such as the site settings", nullable = true)
                    Instant createdAt,
                    @Schema(description = "Null when unknown or since deleted", nullable = true) UserRef createdBy,
                    Instant updatedAt,
                    @Schema(description = "Null when unknown or since deleted", nullable = true) UserRef updatedBy) {

    /** A user as audit fields name them; null when the user was deleted or the change came from start-up. */
    @Schema(name = "UserRef")
    public record UserRef(long id, String displayName) {
    }
}
