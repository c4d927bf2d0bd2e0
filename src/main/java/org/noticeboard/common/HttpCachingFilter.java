package org.noticeboard.common;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.StreamingOutput;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Set;

/**
 * HTTP caching for every response of the API, in one place. Each successful body is serialised once, here.
 * A public read is tagged with the hash of those bytes, so its ETag describes exactly what was sent and is the
 * same on every instance; such reads may be kept by browsers and CDNs for a short while and revalidated with
 * If-None-Match or If-Modified-Since (304, no body). Responses to requests that carry credentials depend on who
 * asks, so nothing may keep them; when they show one editable resource ({@link Versioned}), signed-in reads and
 * writes alike, their ETag is its {@link EditingTag}, the one a change's If-Match takes.
 */
public class HttpCachingFilter {

    /** DELETE too: deleting a menu item answers with the menu, whose tag the next change to it needs. */
    private static final Set<String> TAGGED_METHODS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.POST,
            HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);
    private static final Set<String> READ_METHODS = Set.of(HttpMethod.GET, HttpMethod.HEAD);

    private final EntityTags entityTags;
    private final CachedResponses cachedResponses;
    private final CurrentVertxRequest currentRequest;
    private final String publicCacheControl;

    HttpCachingFilter(EntityTags entityTags, CachedResponses cachedResponses, CurrentVertxRequest currentRequest,
                      @ConfigProperty(name = "noticeboard.cache.max-age", defaultValue = "60s") Duration maxAge,
                      @ConfigProperty(name = "noticeboard.cache.stale-while-revalidate", defaultValue = "300s")
                      Duration staleWhileRevalidate) {
        this.entityTags = entityTags;
        this.cachedResponses = cachedResponses;
        this.currentRequest = currentRequest;
        this.publicCacheControl = "public, max-age=" + maxAge.toSeconds()
                + ", stale-while-revalidate=" + staleWhileRevalidate.toSeconds();
    }

    @ServerResponseFilter
    public void cache(ContainerRequestContext request, ContainerResponseContext response) {
        boolean signedIn = request.getHeaderString(HttpHeaders.AUTHORIZATION) != null;
        if (signedIn) {
            response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "private, no-store");
        }
        Object entity = response.getEntity();
        byte[] body = response.getStatus() / 100 == 2 && TAGGED_METHODS.contains(request.getMethod())
                ? serialise(entity, response.getMediaType()) : null;
        if (body == null) {
            return;
        }
        boolean publicRead = !signedIn && READ_METHODS.contains(request.getMethod());
        String entityTag = !publicRead && entity instanceof Versioned versioned
                ? versioned.editingTag().toString() : EntityTags.of(body);
        response.setEntity(body, null, response.getMediaType());
        response.getHeaders().putSingle(HttpHeaders.ETAG, entityTag);
        if (!READ_METHODS.contains(request.getMethod())) {
            return;
        }
        if (!signedIn) {
            response.getHeaders().putIfAbsent(HttpHeaders.CACHE_CONTROL, java.util.List.of(publicCacheControl));
            response.getHeaders().add(HttpHeaders.VARY, "Accept-Encoding, Authorization");
        }
        String lastModified = response.getHeaderString(HttpHeaders.LAST_MODIFIED);
        if (!signedIn && response.getStatus() == 200) {
            cachedResponses.offer(currentRequest.getCurrent(), body, String.valueOf(response.getMediaType()),
                    entityTag, lastModified);
        }
        if (notModified(request.getHeaderString(HttpHeaders.IF_NONE_MATCH),
                request.getHeaderString(HttpHeaders.IF_MODIFIED_SINCE), entityTag, lastModified)) {
            response.setStatus(304);
            response.setEntity(null);
        }
    }

    private byte[] serialise(Object entity, MediaType type) {
        if (entity instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        // A streamed body (the export) is written once, straight to the client: never held to be tagged.
        if (entity == null || entity instanceof byte[] || entity instanceof StreamingOutput || type == null || !type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
            return null;
        }
        return entityTags.serialize(entity);
    }

    /** RFC 9110: If-None-Match (weak comparison) wins over If-Modified-Since, which counts in whole seconds. */
    static boolean notModified(String ifNoneMatch, String ifModifiedSince, String entityTag, String lastModified) {
        if (ifNoneMatch != null) {
            String opaque = weak(entityTag);
            return Arrays.stream(ifNoneMatch.split(",")).map(String::strip)
                    .anyMatch(tag -> tag.equals("*") || weak(tag).equals(opaque));
        }
        if (ifModifiedSince == null || lastModified == null) {
            return false;
        }
        try {
            return !httpDate(lastModified).isAfter(httpDate(ifModifiedSince));
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static String weak(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }

    private static ZonedDateTime httpDate(String value) {
        return ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
    }
}
