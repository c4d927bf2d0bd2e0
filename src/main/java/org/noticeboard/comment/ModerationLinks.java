package org.noticeboard.comment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import io.quarkus.scheduler.Scheduled;
import org.noticeboard.common.ProblemException;
import org.noticeboard.common.ProblemType;
import org.noticeboard.common.WireEnum;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The one-click links of the mails to moderators (ModeratorMail). Looking at a link changes nothing (mail scanners
 * and link previews fetch every link in a mail); using it is a POST, which acts once, as the moderator the mail
 * went to, and only on a comment that still waits.
 */
@ApplicationScoped
public class ModerationLinks {

    /** Before the link's id in a token, so that no other signed value of the site (a form token) passes for one. */
    static final String PAYLOAD_PREFIX = "m";

    /** What a link would do, or did, to which comment. */
    public record Link(ModerationAction action, String postTitle, String authorName, String excerpt, String moderator) {
    }

    private record Stored(long id, long commentId, long userId, ModerationAction action, Instant expiresAt,
                          Instant usedAt, String moderator) {
    }

    private final EntityManager entityManager;
    private final CommentSignatures signatures;
    private final ModerationService moderation;

    ModerationLinks(EntityManager entityManager, CommentSignatures signatures, ModerationService moderation) {
        this.entityManager = entityManager;
        this.signatures = signatures;
        this.moderation = moderation;
    }

    @Transactional
    public Link look(String token) {
        Stored link = find(token);
        Comment comment = entityManager.find(Comment.class, link.commentId());
        requireUsable(link, comment);
        return view(link, comment);
    }

    /** Two clicks at once (the same link twice, or approve and trash) meet at the comment's row lock: one acts. */
    @Transactional
    public Link use(String token) {
        Stored found = find(token);
        Comment comment = entityManager.find(Comment.class, found.commentId(), LockModeType.PESSIMISTIC_WRITE);
        Stored link = find(token);
        requireUsable(link, comment);
        moderation.apply(comment, link.action(), link.userId());
        entityManager.createNativeQuery("update moderation_links set used_at = now() where comment_id = ?1 and used_at is null")
                .setParameter(1, comment.id).executeUpdate();
        return view(link, comment);
    }

    @Scheduled(every = "1h", delayed = "2m")
    @Transactional
    void forgetExpiredHourly() {
        entityManager.createNativeQuery("delete from moderation_links where expires_at < now() - interval '1 day'")
                .executeUpdate();
    }

    private Stored find(String token) {
        List<?> rows = signatures.verify(token)
                .filter(payload -> payload.matches(PAYLOAD_PREFIX + "[1-9][0-9]{0,18}"))
                .map(payload -> entityManager.createNativeQuery("""
                                select l.id, l.comment_id, l.user_id, l.action, l.expires_at, l.used_at, u.display_name
                                from moderation_links l join users u on u.id = l.user_id where l.id = ?1""")
                        .setParameter(1, Long.parseLong(payload.substring(PAYLOAD_PREFIX.length())))
                        .getResultList())
                .orElse(List.of());
        if (rows.isEmpty()) {
            throw ProblemException.notFound("This moderation link is not one this site sent, or its comment was deleted");
        }
        Object[] row = (Object[]) rows.get(0);
        return new Stored(((Number) row[0]).longValue(), ((Number) row[1]).longValue(), ((Number) row[2]).longValue(),
                WireEnum.parse(ModerationAction.class, (String) row[3]), instant(row[4]), instant(row[5]), (String) row[6]);
    }

    private static void requireUsable(Stored link, Comment comment) {
        if (link.usedAt() != null) {
            throw new ProblemException(ProblemType.LINK_SPENT, comment.status == CommentState.PENDING
                    ? "This link was used already."
                    : "This comment was moderated through this mail already: it is now " + comment.status.wireName() + ".");
        }
        if (link.expiresAt().isBefore(Instant.now())) {
            throw new ProblemException(ProblemType.LINK_SPENT,
                    "This link expired on " + link.expiresAt() + "; moderate the comment in the queue instead.");
        }
        if (comment.status != CommentState.PENDING) {
            throw new ProblemException(ProblemType.LINK_SPENT,
                    "This comment was moderated already: it is now " + comment.status.wireName() + ".");
        }
    }

    private Link view(Stored link, Comment comment) {
        String postTitle = entityManager.createQuery("select p.title from Post p where p.id = :id", String.class)
                .setParameter("id", comment.postId).getSingleResult();
        return new Link(link.action(), postTitle, comment.authorName,
                CommentText.excerpt(comment.body, ModeratorMail.EXCERPT_LENGTH), link.moderator());
    }

    /** Hibernate 7 gives timestamptz as OffsetDateTime or Instant, depending on the type mapping. */
    private static Instant instant(Object value) {
        if (value instanceof OffsetDateTime time) {
            return time.toInstant();
        }
        return (Instant) value;
    }
}
