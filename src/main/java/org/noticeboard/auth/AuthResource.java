package org.noticeboard.auth;

import io.quarkus.security.Authenticated;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.noticeboard.common.ApiSecurity;
import org.noticeboard.common.CurrentUser;
import org.noticeboard.common.Problem;
import org.noticeboard.common.ProblemException;
import org.noticeboard.common.Responses;
import org.noticeboard.common.ProblemType;
import org.noticeboard.user.UserResponse;
import org.noticeboard.user.UserService;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

@Path("/api/auth")
@Tag(name = "Sign-in")
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {

    private static final String PASSWORD_GRANT = "password";
    /** The JSON body and the form are one operation in the OpenAPI document, which has one per method and path. */
    private static final String SIGN_IN = "Sign in with e-mail address and password, as JSON or as the OAuth 2.0 "
            + "password grant (form fields grant_type=password, username, password); answers a short-lived bearer token";

    private final SignInService signIn;
    private final TokenService tokens;
    private final UserService users;
    private final CurrentUser currentUser;

    AuthResource(SignInService signIn, TokenService tokens, UserService users, CurrentUser currentUser) {
        this.signIn = signIn;
        this.tokens = tokens;
        this.users = users;
        this.currentUser = currentUser;
    }

    @POST
    @Path("/token")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "signIn", summary = SIGN_IN)
    @APIResponse(responseCode = "200", description = "Signed in")
    @APIResponse(responseCode = "401", description = "Wrong e-mail address or password")
    @APIResponse(responseCode = "429", description = "Too many failed sign-ins; see Retry-After")
    public RestResponse<TokenResponse> signInWithJson(@Valid @NotNull SignInRequest request, @Context HttpServerRequest http) {
        return issued(signIn.signIn(request.email(), request.password(), clientAddress(http)));
    }

    /** The OAuth 2.0 password grant (RFC 6749 section 4.3), for clients written for OAuth. */
    @POST
    @Path("/token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(operationId = "signIn", summary = SIGN_IN)
    @APIResponse(responseCode = "200", description = "Signed in")
    @APIResponse(responseCode = "400", description = "grant_type is not password, or a field is missing")
    @APIResponse(responseCode = "401", description = "Wrong e-mail address or password")
    @APIResponse(responseCode = "429", description = "Too many failed sign-ins; see Retry-After")
    public RestResponse<TokenResponse> signInWithForm(
            @Parameter(description = "Must be password") @FormParam("grant_type") String grantType,
            @Parameter(description = "The e-mail address") @FormParam("username") String username,
            @Parameter(description = "The password") @FormParam("password") String password,
            @Context HttpServerRequest http) {
        if (!PASSWORD_GRANT.equals(grantType)) {
            throw formError("grant_type", "must be password");
        }
        if (username == null || username.isBlank()) {
            throw formError("username", "is required");
        }
        if (password == null || password.isEmpty()) {
            throw formError("password", "is required");
        }
        return issued(signIn.signIn(username, password, clientAddress(http)));
    }

    @DELETE
    @Produces(Responses.NO_CONTENT)
    @Path("/token")
    @Authenticated
    @SecurityRequirement(name = ApiSecurity.BEARER)
    @Operation(operationId = "signOut", summary = "Sign out: revoke the token this request carries")
    @APIResponse(responseCode = "204", description = "The token no longer works")
    public void signOut() {
        tokens.revokeSession(currentUser.tokenIdOrNull());
    }

    @GET
    @Path("/me")
    @Authenticated
    @SecurityRequirement(name = ApiSecurity.BEARER)
    @Operation(operationId = "getCurrentUser", summary = "Who am I: the signed-in user")
    public UserResponse me() {
        return users.get(currentUser.idOrNull());
    }

    private static RestResponse<TokenResponse> issued(TokenService.Issued issued) {
        long expiresIn = Duration.between(Instant.now(), issued.stored().expiresAt).toSeconds();
        return RestResponse.ResponseBuilder.ok(new TokenResponse(issued.token(), "Bearer", expiresIn))
                .header("Cache-Control", "no-store")
                .build();
    }

    private static ProblemException formError(String field, String message) {
        return new ProblemException(ProblemType.MALFORMED_REQUEST, 400, "Form field '" + field + "' " + message,
                List.of(new Problem.FieldError(field, message)), null, Map.of());
    }

    /** With quarkus.http.proxy.proxy-address-forwarding=true behind a proxy, this is the client's own address. */
    private static String clientAddress(HttpServerRequest http) {
        return http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress();
    }
}
