package org.noticeboard.common;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The security headers of every response that passes the router: JSON, problems, feeds, 404s, the widget,
 * Swagger UI. They are set when the headers are written, so they hold whoever answers, including Quarkus's
 * own handlers and the checks before any resource. Each surface gets the narrowest policy under which it works.
 */
@ApplicationScoped
public class SecurityHeaders {

    /** First of all filters, so that even a refused cross-origin write carries the headers. */
    static final int PRIORITY = 10_000;

    static final String CONTENT_SECURITY_POLICY = "Content-Security-Policy";
    /** JSON, feeds, scripts and plain text load and run nothing when opened, and no one may frame them. */
    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    /** The iframe page: partner sites frame it; it runs no script and has inline styles only. */
    static final String EMBED_PAGE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; "
            + "form-action 'none'; frame-ancestors *";
    static final String EMBED_PAGE = "/embed/news";
    /** A moderator's link page: inline styles, and a form that posts back to itself; no one may frame it. */
    static final String MODERATION_LINK_POLICY = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";
    static final String MODERATION_LINKS = "/api/moderation-links/";
    /**
     * Browsers already default to this; stated so older ones do too. Links from the widget's page then tell the
     * organisation's site that the click came through the API's origin, and never which page or query it was.
     */
    static final String REFERRER_POLICY = "strict-origin-when-cross-origin";
    /** A year, on this host only: the organisation's other hosts are not the API's to decide. */
    static final String STRICT_TRANSPORT_SECURITY = "max-age=31536000";

    private final SwaggerUiPolicy swaggerUi;

    SecurityHeaders(SwaggerUiPolicy swaggerUi) {
        this.swaggerUi = swaggerUi;
    }

    void register(@Observes Filters filters) {
        filters.register(this::handle, PRIORITY);
    }

    void handle(RoutingContext context) {
        HttpServerRequest request = context.request();
        String path = request.path() == null ? "" : request.path();
        if (SwaggerUiPolicy.covers(path)) {
            swaggerUi.policy(request).onComplete(policy -> {
                setWhenWritten(context, path, policy.result());
                context.next();
            });
            return;
        }
        setWhenWritten(context, path, isEmbedPage(path) ? EMBED_PAGE_POLICY
                : path.startsWith(MODERATION_LINKS) ? MODERATION_LINK_POLICY : API_POLICY);
        context.next();
    }

    /** RESTEasy serves the page with a trailing slash too. */
    private static boolean isEmbedPage(String path) {
        return path.equals(EMBED_PAGE) || path.equals(EMBED_PAGE + "/");
    }

    /**
     * For answers to requests that failed before this filter ran, such as one without a Host header. Setting the
     * headers twice is harmless; a flag to avoid it would not survive a reroute, which clears the handlers.
     */
    static void setOnFailure(RoutingContext context) {
        setWhenWritten(context, "", API_POLICY);
    }

    private static void setWhenWritten(RoutingContext context, String path, String contentSecurityPolicy) {
        // With quarkus.http.proxy.proxy-address-forwarding, the scheme is the one the proxy reports.
        boolean https = "https".equalsIgnoreCase(context.request().scheme());
        boolean framable = isEmbedPage(path);
        context.addHeadersEndHandler(ended -> {
            MultiMap headers = context.response().headers();
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("Referrer-Policy", REFERRER_POLICY);
            headers.set(CONTENT_SECURITY_POLICY, contentSecurityPolicy);
            if (framable) {
                headers.remove("X-Frame-Options");
            } else {
                headers.set("X-Frame-Options", "DENY");
            }
            if (https) {
                headers.set("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
            }
        });
    }
}
