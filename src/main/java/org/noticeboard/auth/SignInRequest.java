package org.noticeboard.auth;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The example is the dev server's first admin (application.properties): elsewhere, use your own account. */
@Schema(name = "SignInRequest", examples = """
        {
          "email": "admin@noticeboard.test",
          "password": "noticeboard-dev-admin"
        }""")
public record SignInRequest(@NotBlank @Size(max = 320) String email, @NotBlank @Size(max = 200) String password) {
}
