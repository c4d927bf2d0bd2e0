package org.noticeboard.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.noticeboard.common.CurrentUser;
import org.noticeboard.common.ProblemException;
import org.noticeboard.user.PasswordChanged;
import org.noticeboard.user.User;
import org.noticeboard.user.UserRepository;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class TokenService {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int SECRET_BYTES = 32;
    private static final int SHOWN_PREFIX_LENGTH = 10;

    private final AccessTokenRepository tokens;
    private final UserRepository users;
    private final CurrentUser currentUser;
    private final Duration sessionLifetime;

    TokenService(AccessTokenRepository tokens, UserRepository users, CurrentUser currentUser,
                 @ConfigProperty(name = "noticeboard.auth.session-lifetime", defaultValue = "PT1H") Duration sessionLifetime) {
        this.tokens = tokens;
        this.users = users;
        this.currentUser = currentUser;
        this.sessionLifetime = sessionLifetime;
    }

    /** A token as issued: the secret is in {@code token} and is never stored or shown again. */
    public record Issued(AccessToken stored, String token) {
    }

    /** What an authenticated request knows about its caller. */
    public record Caller(long userId, String email, org.noticeboard.user.Role role, long tokenId) {
    }

    @Transactional
    public Issued issueSession(User user) {
        return issue(user, TokenKind.SESSION, null, Instant.now().plus(sessionLifetime));
    }

    @Transactional
    public Issued issueApiToken(long userId, String name, Instant expiresAt) {
        User owner = users.findByIdOptional(userId)
                .orElseThrow(() -> ProblemException.invalidField("userId", "no user has the id " + userId));
        if (expiresAt != null && !expiresAt.isAfter(Instant.now())) {
            throw ProblemException.invalidField("expiresAt", "must be in the future");
        }
        return issue(owner, TokenKind.API, name.strip(), expiresAt);
    }

    @Transactional
    public Optional<Caller> authenticate(String token) {
        Instant now = Instant.now();
        return tokens.findByHash(hash(token))
                .filter(found -> found.isActive(now))
                .map(found -> new Caller(found.user.id, found.user.email, found.user.role, found.id));
    }

    @Transactional
    public List<AccessToken> listApiTokens() {
        return tokens.listApiTokens();
    }

    /** Revoking twice is harmless; the token stops working on the next request either way. */
    @Transactional
    public void revokeApiToken(long id) {
        AccessToken token = tokens.findByIdOptional(id).filter(found -> found.kind == TokenKind.API)
                .orElseThrow(() -> ProblemException.notFound("No API token has the id " + id));
        if (token.revokedAt == null) {
            token.revokedAt = Instant.now();
        }
    }

    @Transactional
    public void revokeSession(long tokenId) {
        tokens.findByIdOptional(tokenId).filter(token -> token.revokedAt == null)
                .ifPresent(token -> token.revokedAt = Instant.now());
    }

    /** A new password ends the user's sessions; API tokens, made for scripts, stay until revoked. */
    void endSessions(@Observes PasswordChanged change) {
        tokens.update("revokedAt = ?1 where user.id = ?2 and kind = ?3 and revokedAt is null",
                Instant.now(), change.userId(), TokenKind.SESSION);
    }

    private Issued issue(User user, TokenKind kind, String name, Instant expiresAt) {
        byte[] secret = new byte[SECRET_BYTES];
        RANDOM.nextBytes(secret);
        String token = kind.prefix() + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        AccessToken stored = new AccessToken();
        stored.user = user;
        stored.kind = kind;
        stored.name = name;
        stored.tokenHash = hash(token);
        stored.tokenPrefix = token.substring(0, SHOWN_PREFIX_LENGTH);
        stored.createdBy = currentUser.idOrNull();
        stored.expiresAt = expiresAt;
        tokens.persist(stored);
        return new Issued(stored, token);
    }

    static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
