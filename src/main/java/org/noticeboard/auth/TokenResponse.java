package org.noticeboard.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An OAuth 2.0 token response (RFC 6749 section 5.1). Its property names are snake_case because that
 * standard says so, and Swagger UI's "Authorize" dialog reads them.
 */
@Schema(name = "TokenResponse")
public record TokenResponse(
        @JsonProperty("access_token") @Schema(description = "Send as Authorization: Bearer <access_token>") String accessToken,
        @JsonProperty("token_type") @Schema(examples = "Bearer") String tokenType,
        @JsonProperty("expires_in") @Schema(description = "Seconds until the token expires") long expiresIn) {
}
