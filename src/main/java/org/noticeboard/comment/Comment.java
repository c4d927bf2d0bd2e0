package org.noticeboard.comment;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.UpdateTimestamp;
import org.hibernate.type.SqlTypes;

import java.time.Instant;

/** A reader's comment on a post (migration V20). The e-mail and network address are for moderators only. */
@Entity
@Table(name = "comments")
public class Comment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "post_id")
    public long postId;
    @Column(name = "parent_id")
    public Long parentId;
    /** 0 for a top comment, the parent's depth + 1 for a reply; never more than the site's thread depth. */
    public short depth;
    @Convert(converter = CommentState.Converter.class)
    public CommentState status;
    @Column(name = "previous_status")
    @Convert(converter = CommentState.Converter.class)
    public CommentState previousStatus;
    @Column(name = "held_reason")
    public String heldReason;
    @Column(name = "author_name")
    public String authorName;
    /** Stored in lower case. */
    @Column(name = "author_email")
    public String authorEmail;
    @Column(name = "author_website")
    public String authorWebsite;
    /** Plain text as the reader wrote it; {@link CommentText} renders it. */
    @Column(columnDefinition = "text")
    public String body;
    /** Null once erased after the retention period. */
    @Column(name = "ip_address", columnDefinition = "inet")
    @JdbcTypeCode(SqlTypes.INET)
    public String ipAddress;
    public String fingerprint;
    @Version
    public long version;
    @CreationTimestamp
    @Column(name = "created_at", updatable = false)
    public Instant createdAt;
    @UpdateTimestamp
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "edited_at")
    public Instant editedAt;
    @Column(name = "edited_by")
    public Long editedBy;
    @Column(name = "moderated_at")
    public Instant moderatedAt;
    @Column(name = "moderated_by")
    public Long moderatedBy;
}
