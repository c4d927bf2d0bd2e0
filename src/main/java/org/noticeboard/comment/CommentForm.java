package org.noticeboard.comment;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

@Schema(name = "CommentForm", description = "What a comment form must send back: fetch it when the form is shown",
        examples = """
        { "formToken": "1-1767225600.m2Zc8nq0S8Rk9Pq7b6p0T1uYdVw3xJ5hLkM4aN2oQeE",
          "notBefore": "2026-01-01T00:00:03Z", "expiresAt": "2026-01-01T02:00:00Z" }""")
public record CommentForm(
        @Schema(description = "Goes in the comment's formToken") String formToken,
        @Schema(description = "A comment sent before this is refused: people take a few seconds to write") Instant notBefore,
        @Schema(description = "After this the token is refused: fetch a new one") Instant expiresAt) {
}
