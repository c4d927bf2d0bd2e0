package org.noticeboard.auth;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;
import org.noticeboard.common.ApiSecurity;
import org.noticeboard.common.CurrentUser;
import org.noticeboard.common.Responses;
import org.noticeboard.common.Roles;

import java.net.URI;
import java.util.List;

/** Long-lived tokens for scripts and integrations. They cannot be edited, only created and revoked. */
@Path("/api/tokens")
@Tag(name = "API tokens")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@SecurityRequirement(name = ApiSecurity.BEARER)
public class ApiTokenResource {

    private final TokenService tokens;
    private final CurrentUser currentUser;

    ApiTokenResource(TokenService tokens, CurrentUser currentUser) {
        this.tokens = tokens;
        this.currentUser = currentUser;
    }

    @GET
    @Operation(operationId = "listApiTokens",
            summary = "List the API tokens, newest first, without their secrets (admins only)")
    public List<ApiTokenResponse> list() {
        return tokens.listApiTokens().stream().map(token -> ApiTokenResponse.of(token, null)).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createApiToken",
            summary = "Create an API token (admins only); the response is the only time its secret is shown")
    @APIResponse(responseCode = "201", description = "Created; copy token now, it cannot be shown again",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiTokenResponse.class)))
    @APIResponse(responseCode = "422", description = "A field is missing or invalid")
    public RestResponse<ApiTokenResponse> create(@Valid @NotNull ApiTokenRequest request) {
        long owner = request.userId() != null ? request.userId() : currentUser.idOrNull();
        TokenService.Issued issued = tokens.issueApiToken(owner, request.name(), request.expiresAt());
        return RestResponse.ResponseBuilder
                .<ApiTokenResponse>created(URI.create("/api/tokens/" + issued.stored().id))
                .entity(ApiTokenResponse.of(issued.stored(), issued.token()))
                .header("Cache-Control", "no-store")
                .build();
    }

    @DELETE
    @Produces(Responses.NO_CONTENT)
    @Path("/{id: [1-9][0-9]*}")
    @Operation(operationId = "revokeApiToken",
            summary = "Revoke an API token (admins only); it stops working on the next request")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(responseCode = "404", description = "No API token has this id")
    public void revoke(@Parameter(description = "The token's id") @RestPath @Min(1) long id) {
        tokens.revokeApiToken(id);
    }
}
