package org.noticeboard.comment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.noticeboard.common.CurrentUser;
import org.noticeboard.common.Expected;
import org.noticeboard.common.Paged;
import org.noticeboard.common.Paging;
import org.noticeboard.common.ProblemException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Moderators' side of comments: the queue, status changes one by one or in bulk, edits and deletion. */
@ApplicationScoped
public class ModerationService {

    private static final String QUEUE = """
            from Comment c
            where c.status = :status
              and (:post is null or c.postId = :post)
              and (:text is null or lower(c.body) like :text escape '!' or lower(c.authorName) like :text escape '!'
                   or c.authorEmail like :text escape '!')""";

    private final CommentRepository comments;
    private final EntityManager entityManager;
    private final CurrentUser currentUser;

    ModerationService(CommentRepository comments, EntityManager entityManager, CurrentUser currentUser) {
        this.comments = comments;
        this.entityManager = entityManager;
        this.currentUser = currentUser;
    }

    /** Newest first. */
    @Transactional
    public Paged<ModeratedComment> queue(CommentState status, Long postId, String text, Paging page) {
        String pattern = text == null || text.isBlank() ? null
                : "%" + text.strip().toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
        long total = entityManager.createQuery("select count(c) " + QUEUE, Long.class)
                .setParameter("status", status).setParameter("post", postId).setParameter("text", pattern)
                .getSingleResult();
        List<Comment> found = entityManager.createQuery("select c " + QUEUE + " order by c.createdAt desc, c.id desc",
                        Comment.class)
                .setParameter("status", status).setParameter("post", postId).setParameter("text", pattern)
                .setFirstResult(page.index() * page.perPage()).setMaxResults(page.perPage())
                .getResultList();
        return Paged.of(withPosts(found), page, total);
    }

    @Transactional
    public ModeratedComment byId(long id) {
        return withPosts(List.of(find(id))).get(0);
    }

    @Transactional
    public ModeratedComment act(long id, ModerationAction action) {
        Comment comment = find(id);
        apply(comment, action);
        entityManager.flush();
        return withPosts(List.of(comment)).get(0);
    }

    /** All or nothing: an unknown id refuses the whole request before anything changes. */
    @Transactional
    public BulkModeration.Result bulk(BulkModeration request) {
        List<Long> ids = List.copyOf(new LinkedHashSet<>(request.ids()));
        Map<Long, Comment> found = comments.list("id in ?1", ids).stream()
                .collect(Collectors.toMap(comment -> comment.id, Function.identity()));
        List<Long> unknown = ids.stream().filter(id -> !found.containsKey(id)).toList();
        if (!unknown.isEmpty()) {
            throw ProblemException.invalidField("ids", "names comments that do not exist: "
                    + unknown.stream().map(String::valueOf).collect(Collectors.joining(", ")) + "; nothing was changed");
        }
        for (Long id : ids) {
            apply(found.get(id), request.action());
        }
        return new BulkModeration.Result(request.action(), ids);
    }

    @Transactional
    public ModeratedComment edit(long id, CommentEdit edit, Expected expected) {
        Comment comment = find(id);
        expected.requireMatch(ModeratedComment.tagOf(comment));
        comment.authorName = edit.authorName().strip();
        comment.authorWebsite = edit.authorWebsite() == null || edit.authorWebsite().isBlank() ? null : edit.authorWebsite().strip();
        comment.body = edit.body().strip();
        comment.editedAt = Instant.now();
        comment.editedBy = currentUser.idOrNull();
        entityManager.flush();
        return withPosts(List.of(comment)).get(0);
    }

    @Transactional
    public Blocklist blocklist() {
        return new Blocklist(comments.blockedWords());
    }

    /** Replaces the whole list; the last writer wins (there is nothing to merge in a list of words). */
    @Transactional
    public Blocklist replaceBlocklist(Blocklist blocklist) {
        Set<String> words = blocklist.words().stream().map(word -> word.strip().toLowerCase(Locale.ROOT))
                .collect(Collectors.toCollection(java.util.TreeSet::new));
        entityManager.createNativeQuery("delete from comment_blocklist").executeUpdate();
        for (String word : words) {
            entityManager.createNativeQuery("insert into comment_blocklist (word) values (:word)")
                    .setParameter("word", word).executeUpdate();
        }
        return blocklist();
    }

    /** Replies go with the comment (the foreign key cascades): they hang from nothing otherwise. */
    @Transactional
    public void delete(long id) {
        comments.delete(find(id));
    }

    private void apply(Comment comment, ModerationAction action) {
        apply(comment, action, currentUser.idOrNull());
    }

    /** For a moderator who acts without signing in (a mail's link): {@code moderatorId} is recorded as theirs. */
    void apply(Comment comment, ModerationAction action, Long moderatorId) {
        switch (action) {
            case APPROVE -> setStatus(comment, CommentState.APPROVED, null, moderatorId);
            case SPAM, TRASH -> {
                CommentState target = action == ModerationAction.SPAM ? CommentState.SPAM : CommentState.TRASH;
                if (comment.status != target) {
                    boolean asideAlready = comment.status == CommentState.SPAM || comment.status == CommentState.TRASH;
                    setStatus(comment, target, asideAlready ? comment.previousStatus : comment.status, moderatorId);
                }
            }
            case RESTORE -> {
                if (comment.status == CommentState.SPAM || comment.status == CommentState.TRASH) {
                    setStatus(comment, comment.previousStatus == null ? CommentState.PENDING : comment.previousStatus, null,
                            moderatorId);
                }
            }
            // By id: a reply that the cascade deleted with its parent earlier in a bulk request is gone already.
            case DELETE -> comments.delete("id", comment.id);
        }
    }

    private static void setStatus(Comment comment, CommentState status, CommentState previous, Long moderatorId) {
        comment.status = status;
        comment.previousStatus = previous;
        comment.moderatedAt = Instant.now();
        comment.moderatedBy = moderatorId;
    }

    private Comment find(long id) {
        return comments.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("No comment has the id " + id));
    }

    private List<ModeratedComment> withPosts(List<Comment> found) {
        Set<Long> postIds = found.stream().map(comment -> comment.postId).collect(Collectors.toSet());
        Map<Long, String[]> posts = new HashMap<>();
        if (!postIds.isEmpty()) {
            for (Object[] row : entityManager.createQuery("select p.id, p.title, p.slug from Post p where p.id in :ids",
                    Object[].class).setParameter("ids", postIds).getResultList()) {
                posts.put((Long) row[0], new String[] {(String) row[1], (String) row[2]});
            }
        }
        List<ModeratedComment> result = new ArrayList<>();
        for (Comment comment : found) {
            String[] post = posts.get(comment.postId);
            result.add(ModeratedComment.of(comment, post[0], post[1]));
        }
        return result;
    }
}
