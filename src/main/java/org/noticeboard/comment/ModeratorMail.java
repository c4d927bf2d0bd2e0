package org.noticeboard.comment;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.Multi;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.noticeboard.post.Post;
import org.noticeboard.user.Role;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Tells every editor and admin about a held comment, by a plain-text mail with one-click links to approve it, mark
 * it as spam or trash it (ModerationLinks). The mail carries a short excerpt only: a spammer's text must not travel
 * further because we forwarded it. Readers are never mailed anything.
 */
@ApplicationScoped
public class ModeratorMail {

    private static final Logger LOG = Logger.getLogger(ModeratorMail.class);
    static final int EXCERPT_LENGTH = 200;
    private static final List<ModerationAction> LINK_ACTIONS =
            List.of(ModerationAction.APPROVE, ModerationAction.SPAM, ModerationAction.TRASH);
    private static final Duration RETRY_BACK_OFF = Duration.ofSeconds(1);
    private static final DateTimeFormatter EXPIRY = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final EntityManager entityManager;
    private final CommentSignatures signatures;
    private final ReactiveMailer mailer;
    private final Event<CommentHeld> held;
    private final boolean enabled;
    private final Duration linkLifetime;
    private final Optional<URI> apiUrl;

    ModeratorMail(EntityManager entityManager, CommentSignatures signatures, ReactiveMailer mailer,
                  Event<CommentHeld> held,
                  @ConfigProperty(name = "noticeboard.comments.moderator-mail.enabled") boolean enabled,
                  @ConfigProperty(name = "noticeboard.comments.moderator-mail.link-lifetime") Duration linkLifetime,
                  @ConfigProperty(name = "noticeboard.api-url") Optional<URI> apiUrl) {
        this.entityManager = entityManager;
        this.signatures = signatures;
        this.mailer = mailer;
        this.held = held;
        this.enabled = enabled;
        this.linkLifetime = linkLifetime;
        this.apiUrl = apiUrl;
    }

    /**
     * In the transaction that stored {@code comment}: stores the links and fires {@link CommentHeld}.
     *
     * @param requestBase the API's address as the reader's request reached it, used when noticeboard.api-url is not set
     */
    void prepare(Comment comment, Post post, URI requestBase) {
        if (!enabled) {
            return;
        }
        String base = apiUrl.orElse(requestBase).toString().replaceAll("/+$", "");
        Instant expires = Instant.now().plus(linkLifetime);
        List<Mail> mails = new ArrayList<>();
        for (Object[] moderator : entityManager.createQuery(
                        "select u.id, u.email, u.displayName from User u where u.role in :roles order by u.id", Object[].class)
                .setParameter("roles", List.of(Role.ADMIN, Role.EDITOR)).getResultList()) {
            long userId = (Long) moderator[0];
            StringBuilder links = new StringBuilder();
            for (ModerationAction action : LINK_ACTIONS) {
                long linkId = ((Number) entityManager.createNativeQuery("""
                                insert into moderation_links (comment_id, user_id, action, expires_at)
                                values (?1, ?2, ?3, ?4) returning id""")
                        .setParameter(1, comment.id).setParameter(2, userId).setParameter(3, action.wireName())
                        .setParameter(4, expires).getSingleResult()).longValue();
                links.append(label(action)).append(":\n").append(base).append(ModerationLinkResource.PATH).append('/')
                        .append(signatures.sign(ModerationLinks.PAYLOAD_PREFIX + linkId)).append("\n\n");
            }
            mails.add(Mail.withText((String) moderator[1], "Comment awaiting moderation: " + post.title,
                    text((String) moderator[2], comment, post, links.toString(), expires)));
        }
        if (!mails.isEmpty()) {
            held.fire(new CommentHeld(comment.id, mails));
        }
    }

    /**
     * Sent without holding up the reader's answer, one mail after another. A failed mail is tried twice more: SMTP
     * servers answer 4xx for what is worth retrying (a 421 after a stalled connection, a greylisting 450), and the
     * mail client was seen to stall on a new connection until the server gave up on it. What still fails is logged,
     * and the comment waits in the queue anyway.
     */
    void send(@Observes(during = TransactionPhase.AFTER_SUCCESS) CommentHeld comment) {
        Multi.createFrom().iterable(comment.mails())
                .onItem().transformToUniAndConcatenate(mail -> mailer.send(mail)
                        .onFailure().retry().withBackOff(RETRY_BACK_OFF).atMost(2)
                        .onFailure().recoverWithItem(failure -> {
                            LOG.warnf("Could not mail the moderators about comment %d (to %s): %s",
                                    comment.commentId(), mail.getTo(), failure.getMessage());
                            return null;
                        }))
                .collect().last()
                .subscribe().with(done -> LOG.debugf("Mailed about comment %d", comment.commentId()));
    }

    private static String text(String moderator, Comment comment, Post post, String links, Instant expires) {
        return "Hello " + moderator + ",\n\n"
                + "A comment on \u201c" + post.title + "\u201d waits for a moderator.\n\n"
                + "From: " + comment.authorName + " <" + comment.authorEmail + ">\n"
                + (comment.authorWebsite == null ? "" : "Website: " + comment.authorWebsite + "\n")
                + (comment.heldReason == null ? "" : "Held because: " + comment.heldReason + "\n")
                + "\n"
                + "It begins:\n" + CommentText.excerpt(comment.body, EXCERPT_LENGTH) + "\n\n"
                + links
                + "Each link asks you to confirm, works once, and expires on " + EXPIRY.format(expires) + ".\n"
                + "The whole comment is in the moderation queue (GET /api/comments?status=pending).\n";
    }

    private static String label(ModerationAction action) {
        return switch (action) {
            case APPROVE -> "Approve it";
            case SPAM -> "Mark it as spam";
            case TRASH -> "Move it to the trash";
            default -> throw new IllegalArgumentException("No link for " + action);
        };
    }
}
