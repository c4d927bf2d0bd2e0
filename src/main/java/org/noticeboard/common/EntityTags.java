package org.noticeboard.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The entity tags of public reads are a hash of the exact JSON a response carries: the same content gives the
 * same tag on any instance, and any change to what a reader would see (a neighbouring post, a renamed category)
 * gives a new one, which is what caches need. Writes do not take them: If-Match names an {@link EditingTag}.
 */
@ApplicationScoped
public class EntityTags {

    private final ObjectMapper json;

    EntityTags(ObjectMapper json) {
        this.json = json;
    }

    public byte[] serialize(Object representation) {
        try {
            return json.writeValueAsBytes(representation);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise " + representation.getClass().getSimpleName(), e);
        }
    }

    public static String of(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 27) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
