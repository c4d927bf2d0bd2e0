package org.noticeboard.comment;

/**
 * A place for an outside opinion on a new comment, such as an Akismet-compatible service: provide one CDI bean
 * implementing this and every submission that passed the built-in guards is put to it. None ships; without one,
 * the built-in guards and the site's moderation rules decide alone.
 */
public interface SpamCheck {

    enum Verdict { HAM, SPAM, UNSURE }

    /** What the service is told: never more than a moderator could see. */
    record Submission(long postId, String authorName, String authorEmail, String authorWebsite, String body,
                      String clientAddress) {
    }

    /** Spam goes to the spam folder, unsure waits for a moderator, ham follows the site's rules. */
    Verdict check(Submission submission);
}
