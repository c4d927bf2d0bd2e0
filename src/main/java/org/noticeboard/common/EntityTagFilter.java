package org.noticeboard.common;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.util.Set;

/**
 * Serialises every successful JSON response once, here, and tags it with the hash of those bytes, so that
 * the ETag always describes exactly what was sent. Responses to requests that carry credentials depend on
 * who asks, so no cache may keep them.
 */
public class EntityTagFilter {

    /** DELETE too: deleting a menu item answers with the menu, whose tag the next change to it needs. */
    private static final Set<String> TAGGED_METHODS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.POST,
            HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);

    private final EntityTags entityTags;

    EntityTagFilter(EntityTags entityTags) {
        this.entityTags = entityTags;
    }

    @ServerResponseFilter
    public void tag(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getHeaderString(HttpHeaders.AUTHORIZATION) != null) {
            response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "private, no-store");
        }
        Object entity = response.getEntity();
        MediaType type = response.getMediaType();
        if (response.getStatus() / 100 != 2 || entity == null || entity instanceof byte[]
                || !TAGGED_METHODS.contains(request.getMethod())
                || type == null || !type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
            return;
        }
        byte[] body = entityTags.serialize(entity);
        response.setEntity(body, null, type);
        response.getHeaders().putSingle(HttpHeaders.ETAG, EntityTags.of(body));
    }
}
