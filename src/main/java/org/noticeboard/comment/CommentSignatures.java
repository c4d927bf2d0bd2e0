package org.noticeboard.comment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;

/**
 * Signs what the comment feature hands out and later takes back — form tokens, moderators' one-click links — with
 * the database's key (migration V20), so that whichever instance receives a token can check it. A signed token is
 * {@code payload.signature}, both URL-safe; the payload must not contain a dot.
 */
@ApplicationScoped
public class CommentSignatures {

    private static final String ALGORITHM = "HmacSHA256";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final EntityManager entityManager;
    private volatile SecretKeySpec key;

    CommentSignatures(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public String sign(String payload) {
        if (payload.indexOf('.') >= 0) {
            throw new IllegalArgumentException("A signed payload must not contain '.'");
        }
        return payload + "." + signature(payload);
    }

    /** @return the payload, if the token is one this site signed */
    public Optional<String> verify(String token) {
        if (token == null) {
            return Optional.empty();
        }
        int dot = token.lastIndexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        String payload = token.substring(0, dot);
        byte[] expected = signature(payload).getBytes(StandardCharsets.US_ASCII);
        byte[] given = token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given) ? Optional.of(payload) : Optional.empty();
    }

    /**
     * A stable digest of a value under the site's key, e.g. an avatar hint from an e-mail address: it tells two
     * comments of one person apart from others' without being reversible, as an MD5 of the address would be.
     */
    public String digest(String purpose, String value) {
        return signature(purpose + ":" + value).substring(0, 22);
    }

    private String signature(String payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key());
            return ENCODER.encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    /** Read once: the key never changes after the migration drew it. Needs a transaction the first time. */
    private SecretKeySpec key() {
        SecretKeySpec current = key;
        if (current == null) {
            byte[] secret = (byte[]) entityManager
                    .createNativeQuery("select secret from signing_keys where purpose = 'comments'")
                    .getSingleResult();
            current = new SecretKeySpec(secret, ALGORITHM);
            key = current;
        }
        return current;
    }
}
