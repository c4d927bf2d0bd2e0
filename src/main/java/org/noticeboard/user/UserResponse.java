package org.noticeboard.user;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.noticeboard.common.EditingTag;
import org.noticeboard.common.Versioned;

import java.time.Instant;

@Schema(name = "User")
public record UserResponse(long id, String email, String displayName, Role role, Instant createdAt,
                           Instant updatedAt, @JsonIgnore @Schema(hidden = true) EditingTag editingTag)
        implements Versioned {

    /** The tag a change to this user takes as If-Match. */
    static EditingTag tagOf(User user) {
        return EditingTag.of("user", user);
    }

    static UserResponse of(User user) {
        return new UserResponse(user.id, user.email, user.displayName, user.role, user.createdAt, user.updatedAt,
                tagOf(user));
    }

    UserRequest asRequest() {
        return new UserRequest(email, displayName, role, null);
    }
}
