package org.noticeboard.user;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;
import org.noticeboard.common.ApiSecurity;
import org.noticeboard.common.MergePatch;
import org.noticeboard.common.Preconditions;
import org.noticeboard.common.Responses;
import org.noticeboard.common.Roles;

import java.util.List;

@Path("/api/users")
@Tag(name = "Users")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@SecurityRequirement(name = ApiSecurity.BEARER)
public class UserResource {

    private final UserService users;
    private final MergePatch mergePatch;

    UserResource(UserService users, MergePatch mergePatch) {
        this.users = users;
        this.mergePatch = mergePatch;
    }

    @GET
    @Operation(operationId = "listUsers", summary = "List the users (admins only)")
    public List<UserResponse> list() {
        return users.list();
    }

    @GET
    @Path("/{id: [1-9][0-9]*}")
    @Operation(operationId = "getUser", summary = "Read a user (admins only)")
    @APIResponse(responseCode = "200", description = "The user; its ETag is needed to change it")
    @APIResponse(responseCode = "404", description = "No user has this id")
    public UserResponse get(@Parameter(description = "The user's id") @RestPath @Min(1) long id) {
        return users.get(id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createUser", summary = "Create a user (admins only)")
    @APIResponse(responseCode = "201", description = "Created; Location gives its address",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UserResponse.class)))
    @APIResponse(responseCode = "409", description = "Another user has this e-mail address")
    @APIResponse(responseCode = "422", description = "A field is missing or invalid")
    public RestResponse<UserResponse> create(@Valid @NotNull UserRequest request) {
        UserResponse created = users.create(request);
        return Responses.created("/api/users/" + created.id(), created);
    }

    @PUT
    @Path("/{id: [1-9][0-9]*}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "updateUser", summary = "Replace a user (admins only); leave out password to keep it")
    @APIResponse(responseCode = "200", description = "The updated user")
    @APIResponse(responseCode = "409", description = "The e-mail address is taken, or this would leave no admin")
    public UserResponse update(@Parameter(description = "The user's id") @RestPath @Min(1) long id,
                               @Parameter(description = Preconditions.IF_MATCH) @HeaderParam("If-Match") String ifMatch,
                               @Valid @NotNull UserRequest request) {
        return users.update(id, request, Preconditions.fromIfMatch(ifMatch));
    }

    @PATCH
    @Path("/{id: [1-9][0-9]*}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Operation(operationId = "patchUser", summary = "Change some fields of a user (JSON Merge Patch, admins only)")
    @RequestBody(content = @Content(mediaType = MergePatch.MEDIA_TYPE, schema = @Schema(implementation = UserRequest.class)))
    @APIResponse(responseCode = "200", description = "The updated user")
    @APIResponse(responseCode = "409", description = "The e-mail address is taken, or this would leave no admin")
    public UserResponse patch(@Parameter(description = "The user's id") @RestPath @Min(1) long id,
                              @Parameter(description = Preconditions.IF_MATCH) @HeaderParam("If-Match") String ifMatch,
                              JsonNode patch) {
        return users.update(id, mergePatch.apply(users.currentRequest(id), patch, UserRequest.class),
                Preconditions.fromIfMatch(ifMatch));
    }

    @DELETE
    @Produces(Responses.NO_CONTENT)
    @Path("/{id: [1-9][0-9]*}")
    @Operation(operationId = "deleteUser",
            summary = "Delete a user and revoke their tokens (admins only); their content stays")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "409", description = "This is the last admin")
    public void delete(@Parameter(description = "The user's id") @RestPath @Min(1) long id,
                       @Parameter(description = Preconditions.IF_MATCH) @HeaderParam("If-Match") String ifMatch) {
        users.delete(id, Preconditions.fromIfMatch(ifMatch));
    }
}
