package org.noticeboard.common;

/**
 * Names of the OpenAPI security schemes (declared on {@link NoticeboardApi}). Swagger UI shows a lock on
 * operations that name them and sends the token it holds.
 */
public final class ApiSecurity {

    /** Paste a bearer token: a session token from sign-in or an API token. */
    public static final String BEARER = "bearerToken";
    /** Swagger UI's "Authorize" dialog signs in with an e-mail address and password (OAuth2 password flow). */
    public static final String SIGN_IN = "signIn";

    private ApiSecurity() {
    }
}
