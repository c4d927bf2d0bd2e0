package org.noticeboard.user;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

@Schema(name = "User")
public record UserResponse(long id, String email, String displayName, Role role, Instant createdAt,
                           Instant updatedAt) {

    static UserResponse of(User user) {
        return new UserResponse(user.id, user.email, user.displayName, user.role, user.createdAt, user.updatedAt);
    }

    UserRequest asRequest() {
        return new UserRequest(email, displayName, role, null);
    }
}
