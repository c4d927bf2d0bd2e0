package org.noticeboard.comment;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** An approved comment as the public reads it, with its approved replies. */
@Schema(name = "Comment")
public record CommentResponse(
        long id,
        @Schema(description = "The comment this replies to; null for a top comment", nullable = true) Long parentId,
        String authorName,
        @Schema(description = "The author's website, to show as text or as a link with rel=\"nofollow ugc\"",
                nullable = true) String authorWebsite,
        @Schema(description = "The text as HTML: escaped, in paragraphs, with no markup of the author's") String bodyHtml,
        Instant createdAt,
        @Schema(description = CommentResponse.AVATAR) String avatar,
        @Schema(description = "Approved replies, oldest first") List<CommentResponse> replies) {

    static final String AVATAR = "A digest of the author's e-mail address under the site's secret key, the same for "
            + "every comment of one address: enough to draw an identicon or tell authors apart. Not the MD5 of the "
            + "address that Gravatar uses, because that MD5 is reversed by hashing lists of addresses and follows a "
            + "person from site to site.";

    static CommentResponse of(Comment comment, String avatar, List<CommentResponse> replies) {
        return new CommentResponse(comment.id, comment.parentId, comment.authorName, comment.authorWebsite,
                CommentText.toHtml(comment.body), comment.createdAt, avatar, replies);
    }
}
