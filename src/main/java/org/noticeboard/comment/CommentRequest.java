package org.noticeboard.comment;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A reader's comment as a front end's form sends it. */
@Schema(name = "CommentRequest", examples = """
        {
          "authorName": "Jo Bloggs",
          "authorEmail": "jo@example.org",
          "authorWebsite": "https://jo.example.org",
          "body": "Thank you for the trustee training last week.\\n\\nWill there be another session in the spring?",
          "formToken": "1-1767225600.m2Zc8nq0S8Rk9Pq7b6p0T1uYdVw3xJ5hLkM4aN2oQeE"
        }""")
public record CommentRequest(
        @NotBlank @Size(max = 100) @Schema(description = "Shown with the comment") String authorName,
        @NotBlank @Size(max = 320) @Email @Pattern(regexp = "[^@\\s]+@[^@\\s]+", message = "must be an e-mail address")
        @Schema(description = "Never shown or returned by any public read; moderators see it") String authorEmail,
        @Size(max = 500) @Pattern(regexp = "https?://[^/\\s]+(/\\S*)?", message = "must be an http or https address")
        @Schema(description = "Shown with the comment as text") String authorWebsite,
        @NotBlank @Size(max = 5000)
        @Schema(description = "Plain text: markup is shown as typed, blank lines part paragraphs, links are not made "
                + "clickable") String body,
        @Min(1) @Schema(description = "The approved comment this replies to") Long parentId,
        @NotBlank @Size(max = 200)
        @Schema(description = "From GET /api/posts/{id}/comments/form, fetched when the form is shown") String formToken,
        @Size(max = 500)
        @Schema(description = "Honeypot: render it hidden from people (not type=hidden) and send it empty or leave it "
                + "out. A comment that fills it is treated as spam, though the answer looks the same.") String homepage) {
}
