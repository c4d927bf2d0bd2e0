package org.noticeboard.common;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The Content-Security-Policy of Swagger UI. Quarkus generates its pages from the swagger-ui settings and
 * configures it in inline scripts: rather than allow every inline script, the policy allows exactly those, by
 * their SHA-256. Quarkus keeps the pages where only it knows (in memory, on the class path or in a build
 * directory, depending on the launch mode), so the first request for Swagger UI reads them as any browser
 * would, from this server over its own connection's local address, and the policy is kept from then on.
 */
@ApplicationScoped
public class SwaggerUiPolicy {

    static final String PATH = "/q/swagger-ui";
    private static final List<String> PAGES_WITH_INLINE_SCRIPTS = List.of("/index.html", "/oauth2-redirect.html");
    /** Marks this class's own reads, which must not wait for the policy they are reading for. */
    private static final String PROBE = "X-Noticeboard-Policy-Probe";
    private static final Logger LOG = Logger.getLogger(SwaggerUiPolicy.class);

    private final String probeSecret = UUID.randomUUID().toString();
    private final Vertx vertx;
    private volatile Future<String> policy;

    SwaggerUiPolicy(Vertx vertx) {
        this.vertx = vertx;
    }

    static boolean covers(String path) {
        return path.equals(PATH) || path.startsWith(PATH + "/");
    }

    Future<String> policy(HttpServerRequest request) {
        if (probeSecret.equals(request.getHeader(PROBE))) {
            return Future.succeededFuture(policyAllowing(Set.of()));
        }
        Future<String> known = policy;
        if (known == null) {
            synchronized (this) {
                if (policy == null) {
                    policy = readInlineScriptHashes(request).map(SwaggerUiPolicy::policyAllowing)
                            .recover(failure -> {
                                LOG.warnf("Could not read Swagger UI's pages (%s): its inline scripts will be blocked",
                                        failure.getMessage());
                                return Future.succeededFuture(policyAllowing(Set.of()));
                            });
                }
                known = policy;
            }
        }
        return known;
    }

    private static String policyAllowing(Set<String> hashes) {
        StringBuilder scripts = new StringBuilder("'self'");
        hashes.forEach(hash -> scripts.append(" 'sha256-").append(hash).append('\''));
        // Its bundle adds <style> elements as it runs, whose text changes with each Swagger UI release; inline
        // styles cannot run code, so they are allowed, while scripts stay limited to the origin and the hashes.
        return "default-src 'none'; script-src " + scripts + "; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                + "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
    }

    private Future<Set<String>> readInlineScriptHashes(HttpServerRequest request) {
        SocketAddress server = request.localAddress();
        // Only ever this server, over loopback or the address the request came in on: its certificate is its own.
        HttpClient client = vertx.createHttpClient(new HttpClientOptions().setSsl(request.isSSL())
                .setTrustAll(true).setVerifyHost(false));
        List<Future<Buffer>> pages = new ArrayList<>();
        for (String page : PAGES_WITH_INLINE_SCRIPTS) {
            pages.add(client.request(HttpMethod.GET, server.port(), server.hostAddress(), PATH + page)
                    .compose(get -> get.putHeader(PROBE, probeSecret).send())
                    .compose(response -> response.statusCode() == 200 ? response.body()
                            : Future.failedFuture(PATH + page + " answered " + response.statusCode())));
        }
        return Future.all(pages).map(all -> {
            Set<String> hashes = new LinkedHashSet<>();
            for (Future<Buffer> page : pages) {
                for (Element script : Jsoup.parse(page.result().toString(StandardCharsets.UTF_8)).select("script:not([src])")) {
                    hashes.add(sha256(script.data()));
                }
            }
            return hashes;
        }).onComplete(done -> client.close());
    }

    private static String sha256(String script) {
        try {
            return Base64.getEncoder().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(script.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
