package org.noticeboard.comment;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A person's request to have every comment they wrote erased. */
@Schema(name = "CommentErasure", examples = """
        { "email": "jo@example.org" }""")
public record CommentErasure(
        @NotBlank @Email @Size(max = 320) @Schema(description = "The address the comments were sent with") String email) {

    @Schema(name = "CommentErasureResult")
    public record Result(@Schema(description = "How many comments were erased") int erased) {
    }
}
