package org.noticeboard.common;

/**
 * The name of the one OpenAPI security scheme (declared on {@link NoticeboardApi}). Operations that need a token
 * name it, so Swagger UI shows a lock there and generated clients send the token. Public reads, which show more
 * to a signed-in editor (drafts, audit fields, the editing tag), name none: the public needs nothing, and
 * Swagger UI sends the token it holds to them all the same (META-INF/resources/swagger-ui/noticeboard.js).
 */
public final class ApiSecurity {

    /** A bearer token: a session token from signIn, or an API token. */
    public static final String BEARER = "bearerToken";

    private ApiSecurity() {
    }
}
