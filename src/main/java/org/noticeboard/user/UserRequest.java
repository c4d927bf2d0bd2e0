package org.noticeboard.user;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A user as an admin writes it. The password is write-only: required on create, optional on update. */
@Schema(name = "UserRequest", examples = """
        {
          "email": "volunteering@example.org",
          "displayName": "Volunteering Team",
          "role": "editor",
          "password": "a long and unguessable passphrase"
        }""")
public record UserRequest(
        @NotBlank @Email @Size(max = 320) String email,
        @NotBlank @Size(max = 200) String displayName,
        @NotNull Role role,
        @Schema(description = "At least 10 characters; leave out to keep the current password", writeOnly = true)
        String password) {
}
