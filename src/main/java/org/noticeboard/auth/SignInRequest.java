package org.noticeboard.auth;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record SignInRequest(@NotBlank @Size(max = 320) String email, @NotBlank @Size(max = 200) String password) {
}
