package org.noticeboard.common;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Refuses, before any route or resource sees it, a request the API cannot read safely: a path that would
 * reach another resource than it spells, values that do not decode to text, headers RESTEasy cannot parse,
 * bodies of unknown type, compressed or too large, and addresses and headers over the limits. Each answer
 * is a problem; the request is logged in one line at debug level, as it is the client's mistake.
 */
@ApplicationScoped
public class RequestGuard {

    /** After CORS (which only adds headers or refuses foreign writes), so that a refused read still carries them. */
    static final int PRIORITY = 900;

    private static final Logger LOG = Logger.getLogger(RequestGuard.class);
    /** The one route that takes files larger than a request body: a site's export, streamed to disk. */
    private static final String UPLOAD_PATH = "/api/imports";
    private static final Set<String> WRITES_WITH_BODY = Set.of("POST", "PUT", "PATCH");
    private static final List<String> ENTITY_TAG_HEADERS = List.of("If-Match", "If-None-Match");

    private final ProblemWriter problems;
    private final long maxBodySize;
    private final long maxUploadSize;
    private final int maxTargetLength;
    private final int maxHeaderSize;

    RequestGuard(ProblemWriter problems,
                 @ConfigProperty(name = "noticeboard.http.max-body-size") MemorySize maxBodySize,
                 @ConfigProperty(name = "noticeboard.imports.max-upload-size") MemorySize maxUploadSize,
                 @ConfigProperty(name = "noticeboard.http.max-target-length") MemorySize maxTargetLength,
                 @ConfigProperty(name = "noticeboard.http.max-header-size") MemorySize maxHeaderSize) {
        this.problems = problems;
        this.maxBodySize = maxBodySize.asLongValue();
        this.maxUploadSize = maxUploadSize.asLongValue();
        this.maxTargetLength = Math.toIntExact(maxTargetLength.asLongValue());
        this.maxHeaderSize = Math.toIntExact(maxHeaderSize.asLongValue());
    }

    void register(@Observes Filters filters) {
        filters.register(this::handle, PRIORITY);
    }

    void handle(RoutingContext context) {
        HttpServerRequest request = context.request();
        try {
            checkSizes(request);
            RequestTarget.check(request.path(), request.query(), request.uri());
            checkHeaders(request.headers());
            checkBody(request);
        } catch (ProblemException refused) {
            LOG.debugf("Refused %s %s: %s", request.method(), QueryParameters.abbreviate(request.uri()), refused.getMessage());
            problems.write(context, refused);
            return;
        }
        context.next();
    }

    private void checkSizes(HttpServerRequest request) {
        if (request.uri().length() > maxTargetLength) {
            throw new ProblemException(ProblemType.URI_TOO_LONG, 414,
                    "The path and query must not be longer than " + maxTargetLength + " characters", null, null, Map.of());
        }
        long headerSize = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            // As sent: "name: value" and CRLF.
            headerSize += header.getKey().length() + header.getValue().length() + 4;
        }
        if (headerSize > maxHeaderSize) {
            throw new ProblemException(ProblemType.HEADERS_TOO_LARGE, 431,
                    "The request headers must not be larger than " + maxHeaderSize + " bytes in total", null, null, Map.of());
        }
    }

    private static void checkHeaders(MultiMap headers) {
        String accept = joined(headers, "Accept");
        if (accept != null) {
            if (accept.isBlank()) {
                throw new ProblemException(ProblemType.NOT_ACCEPTABLE,
                        "The Accept header lists no media type; leave it out to accept any");
            }
            if (!HeaderSyntax.isMediaRangeList(accept)) {
                throw invalidHeader("Accept", "must list media ranges such as application/json or */*");
            }
        }
        String contentType = joined(headers, "Content-Type");
        if (contentType != null && !contentType.isBlank() && !HeaderSyntax.isMediaType(contentType)) {
            throw invalidHeader("Content-Type", "must be a media type such as application/json");
        }
        for (String name : ENTITY_TAG_HEADERS) {
            String tags = joined(headers, name);
            // An empty list is HTTP; for If-Match the resources answer it as a missing one (428).
            if (tags != null && !tags.isBlank() && !HeaderSyntax.isEntityTagList(tags)) {
                throw invalidHeader(name, "must be * or entity tags in double quotes, as ETag gives them");
            }
        }
    }

    private void checkBody(HttpServerRequest request) {
        MultiMap headers = request.headers();
        String encoding = headers.get("Content-Encoding");
        if (encoding != null && !encoding.strip().equalsIgnoreCase("identity")) {
            // RFC 7694: say which codings are accepted. Decompressing would let a small upload grow past the limit.
            throw new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE, 415,
                    "Request bodies are accepted uncompressed only, not with Content-Encoding "
                            + QueryParameters.abbreviate(encoding), null, null,
                    Map.of("Accept-Encoding", "identity"));
        }
        if (headers.contains("Transfer-Encoding")) {
            // Without a length the limit could only be enforced after reading; every client this API has sends one.
            throw new ProblemException(ProblemType.LENGTH_REQUIRED, 411,
                    "Send the request body with Content-Length", null, null, Map.of());
        }
        long length = contentLength(headers.get("Content-Length"));
        boolean upload = "POST".equals(request.method().name()) && UPLOAD_PATH.equals(request.path());
        long limit = upload ? maxUploadSize : maxBodySize;
        if (length > limit) {
            throw new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, 413,
                    (upload ? "An import's file" : "The request body") + " must not be larger than " + limit + " bytes",
                    null, null, Map.of());
        }
        String contentType = headers.get("Content-Type");
        if (length > 0 && (contentType == null || contentType.isBlank())
                && WRITES_WITH_BODY.contains(request.method().name())) {
            throw new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                    "The request body has no Content-Type; send Content-Type: application/json");
        }
    }

    private static long contentLength(String value) {
        if (value == null) {
            return 0;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw invalidHeader("Content-Length", "must be a number of bytes");
        }
    }

    /** A header sent on several lines is one comma-separated list (RFC 9110, section 5.3). */
    private static String joined(MultiMap headers, String name) {
        List<String> values = headers.getAll(name);
        return values.isEmpty() ? null : String.join(", ", values);
    }

    private static ProblemException invalidHeader(String name, String message) {
        return new ProblemException(ProblemType.INVALID_HEADER, 400, "Header '" + name + "' " + message,
                List.of(new Problem.FieldError(name, message)), null, Map.of());
    }
}
