package org.noticeboard.comment;

import io.quarkus.mailer.Mail;

import java.util.List;

/**
 * Fired in the transaction that stored a comment which waits for a moderator, with the mails that tell the
 * moderators (their links are stored in that transaction too). They are sent after success, so that nobody hears
 * of a comment that was rolled back.
 */
public record CommentHeld(long commentId, List<Mail> mails) {
}
