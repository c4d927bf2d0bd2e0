package org.noticeboard.comment;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a moderator may change in a comment; the change is recorded (editedAt, editedBy). */
@Schema(name = "CommentEdit", examples = """
        { "authorName": "Jo Bloggs", "authorWebsite": null, "body": "Thank you for the trustee training last week." }""")
public record CommentEdit(
        @NotBlank @Size(max = 100) String authorName,
        @Size(max = 500) @Pattern(regexp = "https?://[^/\\s]+(/\\S*)?", message = "must be an http or https address")
        String authorWebsite,
        @NotBlank @Size(max = 5000) String body) {
}
