package org.noticeboard.common;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.encoder.Encoder;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Answers a public read from the {@link ResponseCache} before it reaches the REST layer, so a hit costs no
 * resource, no JSON and no database; a conditional read is answered from the entry's ETag. On a miss, the
 * response is kept on its way out: the bytes (and their compressed forms) are handed over by
 * {@link HttpCachingFilter}, which serialises every body anyway, and the headers are taken as written.
 * Only anonymous GET and HEAD are served or kept: a request with credentials is answered for whoever asks.
 */
@ApplicationScoped
public class CachedResponses {

    /** After the request guard, so that what it refuses is never looked up. */
    static final int PRIORITY = RequestGuard.PRIORITY - 10;
    static final String CACHE_STATUS = "X-Cache";
    private static final String FILL = CachedResponses.class.getName();
    /** Headers each answer sets for itself, or that describe one encoding of the body. */
    private static final Set<String> NOT_KEPT = Set.of("content-length", "content-encoding", "transfer-encoding",
            "date", "connection", "keep-alive", CACHE_STATUS.toLowerCase(Locale.ROOT));
    private static final int BROTLI_QUALITY = 9;

    /** A miss on its way to the resources, and what will be kept of its answer. */
    static final class Fill {
        private final ResponseCache.Key key;
        private final long generation;
        private final List<Map.Entry<String, String>> setBefore;
        private byte[] identity;
        private byte[] gzip;
        private byte[] brotli;
        private String entityTag;
        private String lastModified;
        private String contentType;

        private Fill(ResponseCache.Key key, long generation, List<Map.Entry<String, String>> setBefore) {
            this.key = key;
            this.generation = generation;
            this.setBefore = setBefore;
        }
    }

    private final ResponseCache cache;
    private final Set<String> compressedTypes;

    CachedResponses(ResponseCache cache,
                    @ConfigProperty(name = "quarkus.http.compress-media-types") List<String> compressedTypes) {
        this.cache = cache;
        this.compressedTypes = compressedTypes.stream().map(type -> type.strip().toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        Brotli4jLoader.ensureAvailability();
    }

    void register(@Observes Filters filters) {
        if (cache.enabled()) {
            filters.register(this::handle, PRIORITY);
        }
    }

    void handle(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (!cacheable(request)) {
            context.next();
            return;
        }
        ResponseCache.Key key = key(request);
        ResponseCache.Entry entry = cache.lookup(key);
        if (entry != null) {
            answer(context, entry);
            return;
        }
        context.response().headers().set(CACHE_STATUS, "MISS");
        if (cache.usable()) {
            Fill fill = new Fill(key, cache.generation(), entries(context.response().headers()));
            context.put(FILL, fill);
            context.addHeadersEndHandler(ended -> keep(context, fill));
        }
        context.next();
    }

    /**
     * Called by {@link HttpCachingFilter} with the body of a 200 to a request that may be kept, and only then; on
     * a worker thread, where compressing once costs no event loop time.
     */
    void offer(RoutingContext context, byte[] body, String contentType, String entityTag, String lastModified) {
        Fill fill = context == null ? null : context.get(FILL);
        if (fill == null) {
            return;
        }
        fill.identity = body;
        fill.contentType = contentType;
        fill.entityTag = entityTag;
        fill.lastModified = lastModified;
        if (contentType != null && compressedTypes.contains(contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT))) {
            fill.gzip = gzip(body);
            fill.brotli = brotli(body);
        }
    }

    private void keep(RoutingContext context, Fill fill) {
        HttpServerResponse response = context.response();
        // A 304 to a request whose If-None-Match matched was made from a whole 200 (offered above): kept as well,
        // or clients that all revalidate would never fill the cache and each pay for the full read.
        int status = response.getStatusCode();
        if (fill.identity == null || status != 200 && status != 304) {
            return;
        }
        List<Map.Entry<String, String>> headers = entries(response.headers());
        if (status == 304 && fill.contentType != null && !response.headers().contains(HttpHeaders.CONTENT_TYPE)) {
            headers.add(Map.entry(HttpHeaders.CONTENT_TYPE.toString(), fill.contentType));
        }
        String cacheControl = response.headers().get(HttpHeaders.CACHE_CONTROL);
        if (response.headers().contains(HttpHeaders.SET_COOKIE) || cacheControl == null
                || !cacheControl.toLowerCase(Locale.ROOT).startsWith("public")) {
            return;
        }
        headers.removeAll(fill.setBefore);
        headers.removeIf(header -> NOT_KEPT.contains(header.getKey().toLowerCase(Locale.ROOT)));
        cache.store(fill.key, new ResponseCache.Entry(List.copyOf(headers), fill.entityTag, fill.lastModified,
                fill.identity, fill.gzip, fill.brotli), fill.generation);
    }

    private void answer(RoutingContext context, ResponseCache.Entry entry) {
        HttpServerRequest request = context.request();
        HttpServerResponse response = context.response();
        MultiMap headers = response.headers();
        entry.headers().forEach(header -> headers.add(header.getKey(), header.getValue()));
        headers.set(CACHE_STATUS, "HIT");
        if (HttpCachingFilter.notModified(request.getHeader(HttpHeaders.IF_NONE_MATCH),
                request.getHeader(HttpHeaders.IF_MODIFIED_SINCE), entry.entityTag(), entry.lastModified())) {
            headers.remove(HttpHeaders.CONTENT_TYPE);
            response.setStatusCode(304).end();
            return;
        }
        // Over HTTP/2, Netty compresses whatever Content-Encoding names, so a compressed body would be compressed twice.
        String encoding = request.version() == HttpVersion.HTTP_2 ? null
                : preferredEncoding(request.getHeader(HttpHeaders.ACCEPT_ENCODING));
        byte[] body = entry.identity();
        if ("br".equals(encoding) && entry.brotli() != null) {
            body = entry.brotli();
            headers.set(HttpHeaders.CONTENT_ENCODING, "br");
        } else if (encoding != null && entry.gzip() != null) {
            body = entry.gzip();
            headers.set(HttpHeaders.CONTENT_ENCODING, "gzip");
        } else if (encoding != null) {
            // As Quarkus marks a type it does not compress, so that Vert.x leaves the body as it is.
            headers.set(HttpHeaders.CONTENT_ENCODING, HttpHeaders.IDENTITY);
        }
        headers.set(HttpHeaders.CONTENT_LENGTH, Integer.toString(body.length));
        if (request.method() == HttpMethod.HEAD) {
            response.end();
        } else {
            response.end(Buffer.buffer(body));
        }
    }

    private static boolean cacheable(HttpServerRequest request) {
        HttpMethod method = request.method();
        String path = request.path();
        return (method == HttpMethod.GET || method == HttpMethod.HEAD)
                && request.getHeader(HttpHeaders.AUTHORIZATION) == null
                && path != null && (path.startsWith("/api/") || path.startsWith("/embed/"));
    }

    private static ResponseCache.Key key(HttpServerRequest request) {
        List<String> values = new ArrayList<>(ResponseCache.KEY_HEADERS.size() + 1);
        // HTTP/2 names the host in :authority, HTTP/1.1 in Host.
        values.add(String.valueOf(request.authority()));
        for (String name : ResponseCache.KEY_HEADERS) {
            values.add(String.join("\n", request.headers().getAll(name)));
        }
        return new ResponseCache.Key(request.uri(), values);
    }

    /** br, then gzip, as Vert.x would choose; null if the client takes neither. */
    static String preferredEncoding(String acceptEncoding) {
        if (acceptEncoding == null) {
            return null;
        }
        boolean gzip = false;
        for (String coding : acceptEncoding.split(",")) {
            String[] parts = coding.split(";");
            String name = parts[0].strip().toLowerCase(Locale.ROOT);
            if (!acceptable(parts)) {
                continue;
            }
            if (name.equals("br") || name.equals("*")) {
                return "br";
            }
            gzip |= name.equals("gzip");
        }
        return gzip ? "gzip" : null;
    }

    private static boolean acceptable(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].strip().toLowerCase(Locale.ROOT);
            if (parameter.startsWith("q=")) {
                try {
                    return Double.parseDouble(parameter.substring(2)) > 0;
                } catch (NumberFormatException e) {
                    return false;
                }
            }
        }
        return true;
    }

    private static List<Map.Entry<String, String>> entries(MultiMap headers) {
        List<Map.Entry<String, String>> entries = new ArrayList<>();
        headers.forEach(header -> entries.add(new AbstractMap.SimpleImmutableEntry<>(header.getKey(), header.getValue())));
        return entries;
    }

    private static byte[] gzip(byte[] body) {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream(body.length / 3 + 64);
        try (GZIPOutputStream out = new GZIPOutputStream(compressed) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        }) {
            out.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return compressed.toByteArray();
    }

    private static byte[] brotli(byte[] body) {
        try {
            return Encoder.compress(body, new Encoder.Parameters().setQuality(BROTLI_QUALITY));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
