package org.noticeboard.auth;

import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.noticeboard.common.ProblemException;
import org.noticeboard.common.ProblemType;

import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code Authorization: Bearer <token>}. A request without that header is anonymous and costs no
 * database lookup, so public reads stay exactly as fast as without sign-in. A request with any other
 * Authorization (another scheme, no token, garbage) is refused: the client meant to sign in and would
 * otherwise be shown the public view without noticing.
 */
@ApplicationScoped
public class BearerTokenMechanism implements HttpAuthenticationMechanism {

    private static final String SCHEME = "Bearer";
    private static final String TOKEN_ENDPOINT = "/api/auth/token";
    private static final String CHALLENGE = SCHEME + " realm=\"noticeboard\"";
    /** RFC 6750's b64token, after the scheme (case-insensitive) and at least one space. */
    private static final Pattern BEARER = Pattern.compile("(?i:" + SCHEME + ") +([A-Za-z0-9\\-._~+/]+=*)");

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String authorization = context.request().getHeader("Authorization");
        if (authorization == null || isOAuthClientAtTheTokenEndpoint(context, authorization)) {
            return Uni.createFrom().nullItem();
        }
        Matcher bearer = BEARER.matcher(authorization.strip());
        if (!bearer.matches()) {
            return Uni.createFrom().failure(new ProblemException(ProblemType.UNAUTHORIZED, 401,
                    "The Authorization header must be 'Bearer <token>', with a token from POST /api/auth/token "
                            + "or an API token; leave it out to read as the public", null, null,
                    Map.of("WWW-Authenticate", CHALLENGE)));
        }
        TokenCredential credential = new TokenCredential(bearer.group(1), SCHEME);
        return identityProviderManager.authenticate(new TokenAuthenticationRequest(credential));
    }

    /**
     * An OAuth client may authenticate itself to the token endpoint with Basic (RFC 6749, section 2.3.1), and many
     * do, as a client with no id ({@code Basic Og==}), when sending the password grant. Sign-in needs no client.
     */
    private static boolean isOAuthClientAtTheTokenEndpoint(RoutingContext context, String authorization) {
        return TOKEN_ENDPOINT.equals(context.request().path()) && authorization.regionMatches(true, 0, "Basic ", 0, 6);
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", CHALLENGE));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(TokenAuthenticationRequest.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().item(new HttpCredentialTransport(HttpCredentialTransport.Type.AUTHORIZATION, SCHEME));
    }
}
