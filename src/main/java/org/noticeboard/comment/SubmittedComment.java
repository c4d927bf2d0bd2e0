package org.noticeboard.comment;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** What a reader may see of the comment they sent. */
@Schema(name = "SubmittedComment", examples = """
        {
          "id": 12, "postId": 1, "parentId": null, "authorName": "Jo Bloggs", "authorWebsite": "https://jo.example.org",
          "bodyHtml": "<p>Thank you for the trustee training last week.</p>\\n<p>Will there be another session in the spring?</p>",
          "createdAt": "2026-01-01T00:01:00Z", "avatar": "VHhZ0mDq3c2Lr8pXo1nE4w",
          "status": "pending", "awaitingModeration": true
        }""")
public record SubmittedComment(
        long id,
        long postId,
        @Schema(description = "The comment it replies to; a reply to a comment at the deepest level joins that "
                + "comment's parent", nullable = true) Long parentId,
        String authorName,
        @Schema(nullable = true) String authorWebsite,
        String bodyHtml,
        Instant createdAt,
        @Schema(description = CommentResponse.AVATAR) String avatar,
        @Schema(description = "approved (public now) or pending (waits for a moderator)") CommentState status,
        @Schema(description = "Whether a moderator must approve it before it appears") boolean awaitingModeration) {
}
