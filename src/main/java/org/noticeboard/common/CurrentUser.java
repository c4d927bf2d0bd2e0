package org.noticeboard.common;

import io.quarkus.arc.Arc;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

/** Who is making the current request, for audit columns and for choosing the editorial view. */
@ApplicationScoped
public class CurrentUser {

    /** Attribute of the security identity holding the user's id. */
    public static final String USER_ID = "noticeboard.user-id";
    /** Attribute holding the id of the token the request authenticated with. */
    public static final String TOKEN_ID = "noticeboard.token-id";

    private final Instance<SecurityIdentity> identity;

    CurrentUser(Instance<SecurityIdentity> identity) {
        this.identity = identity;
    }

    /** The signed-in user's id, or null for anonymous requests and work outside a request (start-up). */
    public Long idOrNull() {
        if (!Arc.container().requestContext().isActive()) {
            return null;
        }
        SecurityIdentity current = identity.get();
        return current.isAnonymous() ? null : current.getAttribute(USER_ID);
    }

    public Long tokenIdOrNull() {
        SecurityIdentity current = identity.get();
        return current.isAnonymous() ? null : current.getAttribute(TOKEN_ID);
    }

    /** Editors and admins see drafts and the editorial fields of content. */
    public boolean isEditor() {
        return identity.get().hasRole(Roles.EDITOR);
    }

    /** For reads that only editors may ask for, such as drafts: 401 when anonymous, 403 for other roles. */
    public void requireEditor() {
        SecurityIdentity current = identity.get();
        if (current.isAnonymous()) {
            throw new UnauthorizedException();
        }
        if (!current.hasRole(Roles.EDITOR)) {
            throw new ForbiddenException();
        }
    }
}
