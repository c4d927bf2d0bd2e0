package org.noticeboard.auth;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.noticeboard.user.Audit;

import java.time.Instant;

@Schema(name = "ApiToken", requiredProperties = {"id", "name", "user", "prefix", "createdAt"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiTokenResponse(
        long id,
        String name,
        @Schema(description = "The user the token acts as") Audit.UserRef user,
        @Schema(description = "The token's first characters, to tell tokens apart") String prefix,
        Instant createdAt,
        Instant expiresAt,
        Instant revokedAt,
        @Schema(description = "The secret itself: returned once, when the token is created, and never again")
        String token) {

    static ApiTokenResponse of(AccessToken stored, String secret) {
        return new ApiTokenResponse(stored.id, stored.name, new Audit.UserRef(stored.user.id, stored.user.displayName),
                stored.tokenPrefix, stored.createdAt, stored.expiresAt, stored.revokedAt, secret);
    }
}
