package org.noticeboard.auth;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Authentication is lazy, so a public read would otherwise ignore a bad token. A request that sends
 * credentials has them checked even where they are optional: an expired or revoked token is a 401
 * (RFC 6750), not a silent fall-back to the public view. Requests without credentials skip this.
 */
public class SentCredentialsFilter {

    private final CurrentIdentityAssociation identity;

    SentCredentialsFilter(CurrentIdentityAssociation identity) {
        this.identity = identity;
    }

    @ServerRequestFilter
    public Uni<Void> checkSentCredentials(ContainerRequestContext request) {
        if (request.getHeaderString(HttpHeaders.AUTHORIZATION) == null) {
            return Uni.createFrom().voidItem();
        }
        return identity.getDeferredIdentity().replaceWithVoid();
    }
}
