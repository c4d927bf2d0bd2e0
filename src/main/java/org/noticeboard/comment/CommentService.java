package org.noticeboard.comment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;
import org.noticeboard.common.Paged;
import org.noticeboard.common.Paging;
import org.noticeboard.common.ProblemException;
import org.noticeboard.common.ProblemType;
import org.noticeboard.post.CommentSettings;
import org.noticeboard.post.CommentStatus;
import org.noticeboard.post.Post;
import org.noticeboard.post.PostRepository;
import org.noticeboard.post.PostStatusFilter;
import org.noticeboard.site.CommentModeration;
import org.noticeboard.site.SiteService;
import org.noticeboard.site.SiteSettings;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Readers' side of comments: the form token, submission with its guards and rules, and the public thread. */
@ApplicationScoped
public class CommentService {

    private static final Pattern LINK = Pattern.compile("(?i)\\bhttps?://|\\bwww\\.");
    /** The comments table's own checks (V20), and CommentRequest's limits. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");
    private static final Pattern WEBSITE = Pattern.compile("https?://[^/\\s]+(/\\S*)?");
    private static final int MAX_AUTHOR_NAME = 100;
    private static final int MAX_EMAIL = 320;
    private static final int MAX_WEBSITE = 500;
    private static final Pattern FORM_TOKEN = Pattern.compile("([1-9][0-9]{0,18})-([0-9]{1,12})");

    private final PostRepository posts;
    private final CommentRepository comments;
    private final CommentSubmissions submissions;
    private final CommentSignatures signatures;
    private final CommentLimits limits;
    private final SiteService site;
    private final ModeratorMail moderatorMail;
    private final Instance<SpamCheck> spamChecks;

    CommentService(PostRepository posts, CommentRepository comments, CommentSubmissions submissions,
                   CommentSignatures signatures, CommentLimits limits, SiteService site, ModeratorMail moderatorMail,
                   Instance<SpamCheck> spamChecks) {
        this.posts = posts;
        this.comments = comments;
        this.submissions = submissions;
        this.signatures = signatures;
        this.limits = limits;
        this.site = site;
        this.moderatorMail = moderatorMail;
        this.spamChecks = spamChecks;
    }

    /** A signed token for a form shown now; refused like a comment when the post takes none. */
    @Transactional
    public CommentForm form(long postId) {
        openPost(postId);
        Instant now = Instant.now();
        return new CommentForm(signatures.sign(postId + "-" + now.getEpochSecond()), now.plus(limits.formMinAge),
                now.plus(limits.formMaxAge));
    }

    /** @param apiBase the API's address as the reader reached it, for the links in the mail to moderators */
    @Transactional
    public SubmittedComment submit(long postId, CommentRequest request, String clientAddress, URI apiBase) {
        Post post = openPost(postId);
        SiteSettings settings = site.settings();
        checkFormToken(request.formToken(), postId);
        submissions.admit(clientAddress).ifPresent(wait -> {
            throw tooMany("Too many comments from your network; try again in " + wait.toSeconds() + " seconds.", wait);
        });
        Comment comment = new Comment();
        comment.postId = post.id;
        comment.authorName = request.authorName().strip();
        comment.authorEmail = request.authorEmail().strip().toLowerCase(Locale.ROOT);
        comment.authorWebsite = request.authorWebsite() == null || request.authorWebsite().isBlank()
                ? null : request.authorWebsite().strip();
        comment.body = request.body().strip();
        comment.ipAddress = clientAddress;
        comment.fingerprint = fingerprint(post.id, comment.authorEmail, comment.body);
        if (request.homepage() != null && !request.homepage().isEmpty()) {
            // A bot filled the field people never see: keep it in the spam folder, and answer as for anyone.
            comment.status = CommentState.SPAM;
            comment.heldReason = "The hidden honeypot field was filled in";
            comments.persist(comment);
            return submitted(comment, CommentState.PENDING);
        }
        checkFlood(comment.authorEmail);
        if (comments.fingerprintSeenSince(comment.fingerprint, Instant.now().minus(limits.duplicateWindow))) {
            throw new ProblemException(ProblemType.DUPLICATE_COMMENT,
                    "You have already sent this comment on this post.");
        }
        attach(comment, request.parentId(), settings.commentThreadDepth);
        decide(comment, settings, clientAddress);
        comments.persist(comment);
        if (comment.status == CommentState.PENDING) {
            moderatorMail.prepare(comment, post, apiBase);
        }
        return submitted(comment, comment.status == CommentState.APPROVED ? CommentState.APPROVED : CommentState.PENDING);
    }

    /**
     * Stores a comment imported from another site. The rules of a stored comment hold (a known post, a parent on the
     * same post, threads no deeper than the site's setting, an e-mail address, an http(s) website); a reader's rules
     * (form token, rate limits, moderation) do not: the old site decided the comment's state.
     *
     * @return the new comment's id
     * @throws ProblemException 400 naming the field that cannot be stored
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public long imported(ImportedComment imported) {
        posts.findByIdOptional(imported.postId()).orElseThrow(() ->
                ProblemException.invalidField("postId", "no post has the id " + imported.postId()));
        Comment comment = new Comment();
        comment.postId = imported.postId();
        comment.status = imported.status();
        comment.authorName = required("authorName", imported.authorName(), MAX_AUTHOR_NAME);
        comment.authorEmail = required("authorEmail", imported.authorEmail(), MAX_EMAIL).toLowerCase(Locale.ROOT);
        if (!EMAIL.matcher(comment.authorEmail).matches()) {
            throw ProblemException.invalidField("authorEmail", "must be an e-mail address");
        }
        String website = imported.authorWebsite() == null ? "" : imported.authorWebsite().strip();
        comment.authorWebsite = website.length() <= MAX_WEBSITE && WEBSITE.matcher(website).matches() ? website : null;
        comment.body = required("body", imported.body(), Integer.MAX_VALUE);
        comment.ipAddress = imported.ipAddress();
        comment.fingerprint = fingerprint(comment.postId, comment.authorEmail, comment.body);
        if (imported.parentId() != null) {
            Comment parent = comments.findByIdOptional(imported.parentId())
                    .filter(candidate -> candidate.postId == comment.postId)
                    .orElseThrow(() -> ProblemException.invalidField("parentId", "is not a comment on this post"));
            nestUnder(comment, parent, site.settings().commentThreadDepth);
        }
        comments.persist(comment);
        comments.flush();
        // The entity stamps its creation with the present; an imported comment keeps the time it was written.
        comments.getEntityManager().createNativeQuery("update comments set created_at = ?1, updated_at = ?1 where id = ?2")
                .setParameter(1, imported.createdAt()).setParameter(2, comment.id).executeUpdate();
        return comment.id;
    }

    private static String required(String field, String value, int maxLength) {
        String stripped = value == null ? "" : value.strip();
        if (stripped.isEmpty()) {
            throw ProblemException.invalidField(field, "must not be blank");
        }
        if (stripped.length() > maxLength) {
            throw ProblemException.invalidField(field, "must be at most " + maxLength + " characters");
        }
        return stripped;
    }

    /** Approved comments of a public post: a page of top comments, oldest first, each with its replies. */
    @Transactional
    public Paged<CommentResponse> thread(long postId, Paging page) {
        return thread(publicPost(posts.findById(postId, PostStatusFilter.PUBLISHED), "the id " + postId), page);
    }

    @Transactional
    public Paged<CommentResponse> thread(String slug, Paging page) {
        return thread(publicPost(posts.findBySlug(slug, PostStatusFilter.PUBLISHED), "the slug '" + slug + "'"), page);
    }

    private Paged<CommentResponse> thread(Post post, Paging page) {
        long total = comments.countApprovedTopComments(post.id);
        List<Comment> top = total == 0 ? List.of() : comments.approvedTopComments(post.id, page);
        List<Comment> replies = comments.approvedReplies(top.stream().map(comment -> comment.id).toList());
        Map<Long, List<Comment>> repliesByParent = new LinkedHashMap<>();
        for (Comment reply : replies) {
            repliesByParent.computeIfAbsent(reply.parentId, parent -> new ArrayList<>()).add(reply);
        }
        Map<String, String> avatars = new LinkedHashMap<>();
        List<CommentResponse> items = top.stream().map(comment -> response(comment, repliesByParent, avatars)).toList();
        return Paged.of(items, page, total);
    }

    private CommentResponse response(Comment comment, Map<Long, List<Comment>> repliesByParent, Map<String, String> avatars) {
        List<CommentResponse> replies = repliesByParent.getOrDefault(comment.id, List.of()).stream()
                .map(reply -> response(reply, repliesByParent, avatars)).toList();
        return CommentResponse.of(comment, avatars.computeIfAbsent(comment.authorEmail, this::avatar), replies);
    }

    private Post publicPost(Optional<Post> post, String key) {
        return post.orElseThrow(() -> ProblemException.notFound("No published post has " + key));
    }

    /** The public post, if it takes comments now; closed posts answer 403 with the reason. */
    private Post openPost(long postId) {
        Post post = publicPost(posts.findById(postId, PostStatusFilter.PUBLISHED), "the id " + postId);
        SiteSettings settings = site.settings();
        CommentSettings commentSettings = CommentSettings.of(post, settings);
        if (commentSettings.status() == CommentStatus.CLOSED) {
            throw new ProblemException(ProblemType.COMMENTS_CLOSED,
                    commentSettings.closedDetail(settings.commentsAutoCloseDays == null ? 0 : settings.commentsAutoCloseDays));
        }
        return post;
    }

    private void checkFormToken(String token, long postId) {
        Matcher payload = signatures.verify(token).map(FORM_TOKEN::matcher).filter(Matcher::matches)
                .orElseThrow(() -> ProblemException.invalidField("formToken",
                        "is not a token this site issued: fetch one from GET /api/posts/{id}/comments/form"));
        if (Long.parseLong(payload.group(1)) != postId) {
            throw ProblemException.invalidField("formToken", "was issued for another post");
        }
        Instant issued = Instant.ofEpochSecond(Long.parseLong(payload.group(2)));
        Instant now = Instant.now();
        if (now.isBefore(issued.plus(limits.formMinAge))) {
            throw ProblemException.invalidField("formToken", "was issued too recently: the comment was sent sooner "
                    + "than a person writes one (at least " + limits.formMinAge.toSeconds() + " seconds)");
        }
        if (!now.isBefore(issued.plus(limits.formMaxAge))) {
            throw ProblemException.invalidField("formToken", "has expired: fetch a new one and send the comment again");
        }
    }

    private void checkFlood(String email) {
        comments.latestFrom(email).ifPresent(latest -> {
            Duration since = Duration.between(latest, Instant.now());
            if (since.compareTo(limits.floodInterval) < 0) {
                Duration wait = limits.floodInterval.minus(since);
                throw tooMany("You have just sent a comment; wait " + Math.max(1, wait.toSeconds())
                        + " seconds before sending another.", wait);
            }
        });
    }

    /** A reply to a comment at the deepest level joins that comment's own parent, so threads never grow deeper. */
    private void attach(Comment comment, Long parentId, int maxDepth) {
        if (parentId == null) {
            comment.depth = 0;
            return;
        }
        Comment parent = comments.approvedOnPost(parentId, comment.postId).orElseThrow(() ->
                ProblemException.invalidField("parentId", "is not an approved comment on this post"));
        nestUnder(comment, parent, maxDepth);
    }

    private static void nestUnder(Comment comment, Comment parent, int maxDepth) {
        if (parent.depth >= maxDepth) {
            comment.parentId = parent.parentId;
            comment.depth = parent.depth;
        } else {
            comment.parentId = parent.id;
            comment.depth = (short) (parent.depth + 1);
        }
        if (comment.parentId == null) {
            comment.depth = 0;
        }
    }

    /** The site's mode first; links, blocked words and an outside spam check can only hold a comment back. */
    private void decide(Comment comment, SiteSettings settings, String clientAddress) {
        List<String> reasons = new ArrayList<>();
        if (settings.commentModeration == CommentModeration.ALL_HELD) {
            reasons.add("The site holds every comment for moderation");
        } else if (settings.commentModeration == CommentModeration.FIRST_TIME_HELD
                && !comments.hasApprovedFrom(comment.authorEmail)) {
            reasons.add("The first comment from this e-mail address");
        }
        int links = countLinks(comment.body) + countLinks(comment.authorName);
        if (links > settings.commentMaxLinks) {
            reasons.add(links + " links (more than " + settings.commentMaxLinks + ")");
        }
        blockedWord(comment).ifPresent(word -> reasons.add("Contains the blocked word '" + word + "'"));
        CommentState status = reasons.isEmpty() ? CommentState.APPROVED : CommentState.PENDING;
        for (SpamCheck check : spamChecks) {
            SpamCheck.Verdict verdict = check.check(new SpamCheck.Submission(comment.postId, comment.authorName,
                    comment.authorEmail, comment.authorWebsite, comment.body, clientAddress));
            if (verdict == SpamCheck.Verdict.SPAM) {
                status = CommentState.SPAM;
                reasons.add("The spam check judged it spam");
            } else if (verdict == SpamCheck.Verdict.UNSURE && status == CommentState.APPROVED) {
                status = CommentState.PENDING;
                reasons.add("The spam check was unsure");
            }
        }
        comment.status = status;
        comment.heldReason = reasons.isEmpty() ? null : String.join("; ", reasons);
        if (comment.heldReason != null && comment.heldReason.length() > 200) {
            comment.heldReason = comment.heldReason.substring(0, 199) + "…";
        }
    }

    private static int countLinks(String text) {
        Matcher matcher = LINK.matcher(text);
        int links = 0;
        while (matcher.find()) {
            links++;
        }
        return links;
    }

    private Optional<String> blockedWord(Comment comment) {
        String text = String.join("\n", comment.authorName, comment.authorEmail,
                comment.authorWebsite == null ? "" : comment.authorWebsite, comment.body);
        return comments.blockedWords().stream()
                .filter(word -> Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(word) + "(?![\\p{L}\\p{N}])",
                        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(text).find())
                .findFirst();
    }

    private SubmittedComment submitted(Comment comment, CommentState shown) {
        return new SubmittedComment(comment.id, comment.postId, comment.parentId, comment.authorName,
                comment.authorWebsite, CommentText.toHtml(comment.body), comment.createdAt, avatar(comment.authorEmail),
                shown, shown != CommentState.APPROVED);
    }

    private String avatar(String email) {
        return signatures.digest("avatar", email);
    }

    private static ProblemException tooMany(String detail, Duration wait) {
        return new ProblemException(ProblemType.TOO_MANY_REQUESTS, 429, detail, null, null,
                Map.of("Retry-After", Long.toString(Math.max(1, (wait.toMillis() + 999) / 1000))));
    }

    /** The same text from the same address on the same post, whatever its spacing or case. */
    static String fingerprint(long postId, String email, String body) {
        String normalised = body.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((postId + "\n" + email + "\n" + normalised).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
