package org.noticeboard.common;

/**
 * The two roles. An admin's identity carries both, so {@code @RolesAllowed(EDITOR)} lets admins through
 * and {@code @RolesAllowed(ADMIN)} keeps editors out.
 */
public final class Roles {

    public static final String ADMIN = "admin";
    public static final String EDITOR = "editor";

    private Roles() {
    }
}
