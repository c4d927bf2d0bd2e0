package org.noticeboard.comment;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import org.noticeboard.common.Paging;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class CommentRepository implements PanacheRepository<Comment> {

    /** The approved replies under the given comments, at any depth, in one statement. */
    private static final String APPROVED_DESCENDANTS = """
            with recursive thread as (
                select c.* from comments c where c.parent_id in (:roots) and c.status = 'approved'
                union all
                select c.* from comments c join thread t on c.parent_id = t.id where c.status = 'approved'
            )
            select * from thread order by created_at, id""";

    public long countApprovedTopComments(long postId) {
        return count("postId = ?1 and parentId is null and status = ?2", postId, CommentState.APPROVED);
    }

    public List<Comment> approvedTopComments(long postId, Paging page) {
        return find("postId = ?1 and parentId is null and status = ?2 order by createdAt, id", postId, CommentState.APPROVED)
                .page(page.index(), page.perPage()).list();
    }

    @SuppressWarnings("unchecked")
    public List<Comment> approvedReplies(List<Long> rootIds) {
        if (rootIds.isEmpty()) {
            return List.of();
        }
        return getEntityManager().createNativeQuery(APPROVED_DESCENDANTS, Comment.class)
                .setParameter("roots", rootIds).getResultList();
    }

    public Optional<Comment> approvedOnPost(long id, long postId) {
        return find("id = ?1 and postId = ?2 and status = ?3", id, postId, CommentState.APPROVED).firstResultOptional();
    }

    public boolean hasApprovedFrom(String email) {
        return count("authorEmail = ?1 and status = ?2", email, CommentState.APPROVED) > 0;
    }

    public Optional<Instant> latestFrom(String email) {
        return Optional.ofNullable(getEntityManager()
                .createQuery("select max(c.createdAt) from Comment c where c.authorEmail = ?1", Instant.class)
                .setParameter(1, email).getSingleResult());
    }

    public boolean fingerprintSeenSince(String fingerprint, Instant since) {
        return count("fingerprint = ?1 and createdAt >= ?2", fingerprint, since) > 0;
    }

    @SuppressWarnings("unchecked")
    public List<String> blockedWords() {
        return getEntityManager().createNativeQuery("select word from comment_blocklist order by word").getResultList();
    }
}
