package org.noticeboard.comment;

/** The two small pages of a moderator's link; every value in them is escaped, the reader's above all. */
final class ModerationLinkPage {

    private ModerationLinkPage() {
    }

    static String confirm(ModerationLinks.Link link) {
        String question = switch (link.action()) {
            case APPROVE -> "Approve this comment?";
            case SPAM -> "Mark this comment as spam?";
            case TRASH -> "Move this comment to the trash?";
            default -> throw new IllegalArgumentException("No link for " + link.action());
        };
        String button = switch (link.action()) {
            case APPROVE -> "Approve";
            case SPAM -> "Mark as spam";
            default -> "Move to the trash";
        };
        // Without an action, the form posts back to this same address, token included.
        return page(question, details(link)
                + "<form method=\"post\"><button type=\"submit\">" + button + "</button></form>"
                + "<p class=\"note\">The link acts once, in the name of " + CommentText.escape(link.moderator())
                + ".</p>");
    }

    static String done(ModerationLinks.Link link) {
        String result = switch (link.action()) {
            case APPROVE -> "Comment approved";
            case SPAM -> "Comment marked as spam";
            default -> "Comment moved to the trash";
        };
        return page(result, details(link) + "<p>"
                + (link.action() == ModerationAction.APPROVE ? "It is public now." : "It is out of sight; a moderator "
                + "can restore it from the queue.") + " The mail's other links no longer work.</p>");
    }

    private static String details(ModerationLinks.Link link) {
        return "<p>On \u201c" + CommentText.escape(link.postTitle()) + "\u201d, by "
                + CommentText.escape(link.authorName()) + ":</p><blockquote>" + CommentText.escape(link.excerpt())
                + "</blockquote>";
    }

    private static String page(String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"robots\" content=\"noindex\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + title + "</title>"
                + "<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;"
                + "line-height:1.5}blockquote{border-left:3px solid #999;margin:1rem 0;padding-left:1rem}"
                + "button{font-size:1rem;padding:.5rem 1.25rem}.note{color:#555;font-size:.9rem}</style></head>"
                + "<body><h1>" + title + "</h1>" + body + "</body></html>\n";
    }
}
