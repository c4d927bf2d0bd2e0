package org.noticeboard.comment;

/**
 * Fired in the transaction that stored a comment which waits for a moderator; observers that tell people about it
 * observe after success, so that nobody hears of a comment that was rolled back.
 */
public record CommentHeld(long commentId) {
}
