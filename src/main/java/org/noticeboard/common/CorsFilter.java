package org.noticeboard.common;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Cross-origin rules: any site may read (partner sites embed the news), but only the origins in
 * {@code noticeboard.admin-origins} (and the API's own, where Swagger UI runs) may send credentials or
 * write. A browser's write from any other origin is refused before it reaches a resource. The exceptions carry
 * their own credential or need none: a reader's comment (the public front end runs on another origin) and a
 * moderator's one-click link from a mail (the signed link is the credential, and a proxy may hide the API's own
 * origin from it). Both are open to every origin, like a read.
 */
@ApplicationScoped
public class CorsFilter {

    private static final Set<String> READS = Set.of("GET", "HEAD");
    private static final String READ_METHODS = "GET, HEAD, OPTIONS";
    private static final String ALL_METHODS = "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS";
    private static final String READ_HEADERS = "Accept, Accept-Language, Content-Language, If-None-Match, If-Modified-Since";
    private static final String ALL_HEADERS = READ_HEADERS + ", Authorization, Content-Type, If-Match";
    private static final Pattern OPEN_WRITE = Pattern.compile("/api/posts/[1-9][0-9]*/comments|/api/moderation-links/[^/]+");
    private static final String OPEN_WRITE_METHODS = "GET, HEAD, POST, OPTIONS";
    private static final String OPEN_WRITE_HEADERS = READ_HEADERS + ", Content-Type";
    private static final String EXPOSED_HEADERS = "ETag, Last-Modified, Link, Location, Retry-After";

    private final Set<String> adminOrigins;
    private final ProblemWriter problems;

    CorsFilter(@ConfigProperty(name = "noticeboard.admin-origins") Optional<List<String>> adminOrigins, ProblemWriter problems) {
        this.problems = problems;
        this.adminOrigins = adminOrigins.orElse(List.of()).stream()
                .map(origin -> origin.strip().replaceAll("/+$", "").toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
    }

    void register(@Observes Filters filters) {
        filters.register(this::handle, 1000);
    }

    void handle(RoutingContext context) {
        HttpServerRequest request = context.request();
        String origin = request.getHeader("Origin");
        if (origin == null) {
            context.next();
            return;
        }
        boolean trusted = isTrusted(origin, request);
        String preflightMethod = request.getHeader("Access-Control-Request-Method");
        MultiMap headers = context.response().headers();
        boolean openWrite = OPEN_WRITE.matcher(request.path()).matches();
        if ("OPTIONS".equals(request.method().name()) && preflightMethod != null) {
            String method = preflightMethod.toUpperCase(Locale.ROOT);
            boolean read = READS.contains(method);
            if (!read && !trusted && !(openWrite && method.equals("POST"))) {
                refuse(context, origin);
                return;
            }
            allowOrigin(headers, origin, trusted);
            headers.set("Access-Control-Allow-Methods", trusted ? ALL_METHODS : openWrite ? OPEN_WRITE_METHODS : READ_METHODS)
                    .set("Access-Control-Allow-Headers", trusted ? ALL_HEADERS : openWrite ? OPEN_WRITE_HEADERS : READ_HEADERS)
                    .set("Access-Control-Max-Age", "600");
            context.response().setStatusCode(204).end();
            return;
        }
        boolean mayWrite = trusted || (openWrite && request.method().name().equals("POST"));
        if (!READS.contains(request.method().name()) && !mayWrite) {
            refuse(context, origin);
            return;
        }
        allowOrigin(headers, origin, trusted);
        headers.set("Access-Control-Expose-Headers", EXPOSED_HEADERS);
        context.next();
    }

    private boolean isTrusted(String origin, HttpServerRequest request) {
        String normalised = origin.toLowerCase(Locale.ROOT);
        return adminOrigins.contains(normalised)
                || normalised.equals((request.scheme() + "://" + request.host()).toLowerCase(Locale.ROOT));
    }

    /** Trusted origins are named (they may send credentials); everyone else reads as "*". */
    private static void allowOrigin(MultiMap headers, String origin, boolean trusted) {
        headers.set("Access-Control-Allow-Origin", trusted ? origin : "*");
        if (trusted) {
            headers.add("Vary", "Origin");
        }
    }

    private void refuse(RoutingContext context, String origin) {
        problems.write(context, new ProblemException(ProblemType.ORIGIN_NOT_ALLOWED,
                "Writes are not accepted from the origin " + origin));
    }
}
