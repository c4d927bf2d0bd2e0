package org.noticeboard.comment;

import java.time.Instant;

/**
 * A comment brought over from another site as it stood there: its moderation state was decided on the old site.
 *
 * @param parentId  the id here of the comment it answers, on the same post; null for a top comment
 * @param body      plain text, as readers write comments here
 * @param ipAddress null when unknown
 */
public record ImportedComment(long postId, Long parentId, CommentState status, String authorName, String authorEmail,
                              String authorWebsite, String body, String ipAddress, Instant createdAt) {
}
