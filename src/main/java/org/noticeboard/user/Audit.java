package org.noticeboard.user;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** Who created and who last changed a piece of content, and when: shown to signed-in editors only. */
@Schema(name = "Audit")
public record Audit(Instant createdAt, UserRef createdBy, Instant updatedAt, UserRef updatedBy) {

    /** A user as audit fields name them; null when the user was deleted or the change came from start-up. */
    @Schema(name = "UserRef")
    public record UserRef(long id, String displayName) {
    }
}
