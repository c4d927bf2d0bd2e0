package org.noticeboard.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Entity tags are a hash of the exact JSON a response carries: the same content gives the same tag on any
 * instance, and any change to what a reader would see (a neighbouring post, a renamed category) gives a
 * new one. Writes compare If-Match against the tag of the representation as it is now.
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

    public String of(Object representation) {
        return of(serialize(representation));
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
