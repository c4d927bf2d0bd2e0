package org.noticeboard.post;

import com.fasterxml.jackson.annotation.JsonValue;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.noticeboard.common.WireEnum;
import org.noticeboard.site.CommentModeration;
import org.noticeboard.site.SiteSettings;

import java.time.Duration;
import java.time.Instant;

/**
 * Whether a reader may comment on a post, and why: the post's own setting, or the site's rule that
 * closes comments a number of days after publishing.
 */
@Schema(name = "CommentSettings")
public record CommentSettings(
        @Schema(description = "open or closed") CommentStatus status,
        @Schema(description = "post-setting: the post itself is open or closed; auto-closed: the site closed comments "
                + "a set number of days after publishing") Reason reason,
        @Schema(description = "When the site's rule closes (or closed) comments on this post; null if it never will",
                nullable = true)
        Instant autoCloseAt,
        @Schema(description = "Approved comments on the post") long count,
        @Schema(description = "Whether a new comment may wait for a moderator before it appears (the site's moderation is "
                + "all-held or first-time-held)") boolean moderated) {

    @Schema(name = "CommentReason")
    public enum Reason {
        POST_SETTING, AUTO_CLOSED;

        @JsonValue
        public String wireName() {
            return WireEnum.name(this);
        }
    }

    /** What a reader is told when a comment is refused on a closed post. */
    public String closedDetail(int autoCloseDays) {
        return reason == Reason.AUTO_CLOSED
                ? "Comments closed " + autoCloseDays + " days after publication."
                : "Comments are closed.";
    }

    /** Decided on the database's clock, at the instant the post was read ({@link Post#readAt}). */
    public static CommentSettings of(Post post, SiteSettings site) {
        Instant now = post.readAt;
        boolean moderated = site.commentModeration != CommentModeration.NONE;
        if (post.commentStatus == CommentStatus.CLOSED) {
            return new CommentSettings(CommentStatus.CLOSED, Reason.POST_SETTING, null, post.approvedComments, moderated);
        }
        if (site.commentsAutoCloseDays == null || post.publishedAt == null) {
            return new CommentSettings(CommentStatus.OPEN, Reason.POST_SETTING, null, post.approvedComments, moderated);
        }
        Instant autoCloseAt = post.publishedAt.plus(Duration.ofDays(site.commentsAutoCloseDays));
        return now.isBefore(autoCloseAt)
                ? new CommentSettings(CommentStatus.OPEN, Reason.POST_SETTING, autoCloseAt, post.approvedComments, moderated)
                : new CommentSettings(CommentStatus.CLOSED, Reason.AUTO_CLOSED, autoCloseAt, post.approvedComments, moderated);
    }
}
