package org.noticeboard.auth;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.CreationTimestamp;
import org.noticeboard.user.User;

import java.time.Instant;

/** A bearer token, known here only by the SHA-256 of its secret. */
@Entity
@Table(name = "access_tokens")
public class AccessToken {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "user_id")
    public User user;
    @Convert(converter = TokenKind.Converter.class)
    public TokenKind kind;
    public String name;
    @Column(name = "token_hash")
    public String tokenHash;
    /** The first characters of the token, enough for people to tell their tokens apart. */
    @Column(name = "token_prefix")
    public String tokenPrefix;
    @CreationTimestamp
    @Column(name = "created_at", updatable = false)
    public Instant createdAt;
    @Column(name = "created_by", updatable = false)
    public Long createdBy;
    @Column(name = "expires_at")
    public Instant expiresAt;
    @Column(name = "revoked_at")
    public Instant revokedAt;

    public boolean isActive(Instant now) {
        return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
    }
}
