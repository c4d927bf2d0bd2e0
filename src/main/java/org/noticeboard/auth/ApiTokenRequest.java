package org.noticeboard.auth;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

@Schema(name = "ApiTokenRequest", examples = """
        {
          "name": "Newsletter import script"
        }""")
public record ApiTokenRequest(
        @NotBlank @Size(max = 200) @Schema(description = "What the token is for, e.g. 'Newsletter import script'") String name,
        @Schema(description = "The user the token acts as; yourself when left out") Long userId,
        @Schema(description = "When the token stops working; never when left out") Instant expiresAt) {
}
