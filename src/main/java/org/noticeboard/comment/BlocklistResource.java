package org.noticeboard.comment;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.noticeboard.common.ApiSecurity;
import org.noticeboard.common.Roles;

/**
 * The moderators' blocklist. Not under /api/comments: beside /api/comments/{id}, many tools (request validators,
 * client generators) match the template before the literal /api/comments/blocklist.
 */
@Path("/api/comment-blocklist")
@Tag(name = "Comment moderation")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = ApiSecurity.BEARER)
@RolesAllowed(Roles.EDITOR)
public class BlocklistResource {

    private final ModerationService moderation;

    BlocklistResource(ModerationService moderation) {
        this.moderation = moderation;
    }

    @GET
    @Operation(operationId = "getCommentBlocklist", summary = "The words that hold a comment for moderation in every mode")
    @APIResponse(responseCode = "200", description = "The blocklist")
    public Blocklist blocklist() {
        return moderation.blocklist();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "replaceCommentBlocklist",
            summary = "Replace the blocklist; comments already received are not looked at again")
    @APIResponse(responseCode = "200", description = "The blocklist as stored")
    @APIResponse(responseCode = "422", description = "A word is blank or too long, or there are too many")
    public Blocklist replace(@Valid @NotNull Blocklist blocklist) {
        return moderation.replaceBlocklist(blocklist);
    }
}
