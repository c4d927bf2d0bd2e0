package org.noticeboard.comment;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.noticeboard.common.EditingTag;
import org.noticeboard.common.Versioned;

import java.time.Instant;

/** A comment as moderators see it: with the author's e-mail and network address, whatever its status. */
@Schema(name = "ModeratedComment")
public record ModeratedComment(
        long id,
        long postId,
        String postTitle,
        String postSlug,
        @Schema(nullable = true) Long parentId,
        CommentState status,
        @Schema(description = "Why it waits or was put aside, when it does", nullable = true) String heldReason,
        String authorName,
        String authorEmail,
        @Schema(nullable = true) String authorWebsite,
        @Schema(description = "The reader's network address; null once erased after the retention period",
                nullable = true) String ipAddress,
        @Schema(description = "The text as written (or as a moderator edited it)") String body,
        String bodyHtml,
        Instant createdAt,
        @Schema(description = "When a moderator last changed the text", nullable = true) Instant editedAt,
        @Schema(description = "Id of the user who last changed the text", nullable = true) Long editedBy,
        @Schema(description = "When a moderator last changed its status", nullable = true) Instant moderatedAt,
        @Schema(description = "Id of the user who last changed its status", nullable = true) Long moderatedBy,
        @JsonIgnore @Schema(hidden = true) EditingTag editingTag) implements Versioned {

    /** The tag an edit of this comment takes as If-Match. */
    static EditingTag tagOf(Comment comment) {
        return new EditingTag("comment", comment.id, comment.version);
    }

    static ModeratedComment of(Comment comment, String postTitle, String postSlug) {
        return new ModeratedComment(comment.id, comment.postId, postTitle, postSlug, comment.parentId, comment.status,
                comment.heldReason, comment.authorName, comment.authorEmail, comment.authorWebsite, comment.ipAddress,
                comment.body, CommentText.toHtml(comment.body), comment.createdAt, comment.editedAt, comment.editedBy,
                comment.moderatedAt, comment.moderatedBy, tagOf(comment));
    }
}
