package org.noticeboard.comment;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
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
import org.noticeboard.common.Paged;
import org.noticeboard.common.PagingParameters;
import org.noticeboard.common.Preconditions;
import org.noticeboard.common.Responses;
import org.noticeboard.common.Roles;
import org.noticeboard.common.WireEnum;

/** The moderation queue and its actions: editors and admins. */
@Path("/api/comments")
@Tag(name = "Comment moderation")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = ApiSecurity.BEARER)
@RolesAllowed(Roles.EDITOR)
public class ModerationResource {

    private final ModerationService moderation;
    private final CommentPrivacy privacy;
    private final MergePatch mergePatch;

    ModerationResource(ModerationService moderation, CommentPrivacy privacy, MergePatch mergePatch) {
        this.moderation = moderation;
        this.privacy = privacy;
        this.mergePatch = mergePatch;
    }

    @GET
    @Operation(operationId = "listModeratedComments",
            summary = "The moderation queue: comments of one status, newest first, with e-mail and network address")
    @APIResponse(responseCode = "200", description = "A page of comments")
    @APIResponse(responseCode = "400", description = "A query parameter is unknown or out of range")
    public RestResponse<Paged<ModeratedComment>> list(
            @Parameter(description = "Which comments; pending when left out")
            @QueryParam("status") @DefaultValue("pending") CommentState status,
            @Parameter(description = "Only comments on the post with this id") @QueryParam("post") @Min(1) Long post,
            @Parameter(description = "Only comments whose text, author name or e-mail contains this")
            @QueryParam("q") @Size(max = 200) String text,
            @BeanParam PagingParameters paging, @Context UriInfo uriInfo) {
        return Responses.paged(moderation.queue(status, post, text, paging.toPaging()), uriInfo);
    }

    @GET
    @Path("/{id: [1-9][0-9]*}")
    @Operation(operationId = "getModeratedComment", summary = "Read a comment of any status, as moderators see it")
    @APIResponse(responseCode = "200", description = "The comment; its ETag is what If-Match takes to edit it")
    @APIResponse(responseCode = "404", description = "No comment has this id")
    public ModeratedComment byId(@Parameter(description = "The comment's id") @RestPath @Min(1) long id) {
        return moderation.byId(id);
    }

    @POST
    @Path("/{id: [1-9][0-9]*}/{action: approve|spam|trash|restore}")
    @Operation(operationId = "moderateComment",
            summary = "Approve a comment, mark it as spam, move it to the trash, or restore it from spam or the trash")
    @APIResponse(responseCode = "200", description = "The comment as it is now")
    @APIResponse(responseCode = "404", description = "No comment has this id")
    public ModeratedComment moderate(
            @Parameter(description = "The comment's id") @RestPath @Min(1) long id,
            @Parameter(description = "What to do", schema = @Schema(enumeration = {"approve", "spam", "trash", "restore"}))
            @RestPath String action) {
        return moderation.act(id, WireEnum.parse(ModerationAction.class, action));
    }

    @POST
    @Path("/bulk")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "moderateComments",
            summary = "Apply one action to many comments in one request: all of them change, or none")
    @APIResponse(responseCode = "200", description = "Done, to every comment named")
    @APIResponse(responseCode = "422", description = "A field is invalid, or an id names no comment (nothing changed)")
    public BulkModeration.Result bulk(@Valid @NotNull BulkModeration request) {
        return moderation.bulk(request);
    }

    @PATCH
    @Path("/{id: [1-9][0-9]*}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Operation(operationId = "editComment",
            summary = "Change a comment's text, author name or website (JSON Merge Patch); the edit is recorded")
    @RequestBody(content = @Content(mediaType = MergePatch.MEDIA_TYPE, schema = @Schema(implementation = CommentEdit.class)))
    @APIResponse(responseCode = "200", description = "The edited comment")
    @APIResponse(responseCode = "404", description = "No comment has this id")
    @APIResponse(responseCode = "422", description = "A field is missing or invalid")
    public ModeratedComment edit(@Parameter(description = "The comment's id") @RestPath @Min(1) long id,
                                 @Parameter(description = Preconditions.IF_MATCH) @HeaderParam("If-Match") String ifMatch,
                                 JsonNode patch) {
        ModeratedComment current = moderation.byId(id);
        CommentEdit base = new CommentEdit(current.authorName(), current.authorWebsite(), current.body());
        return moderation.edit(id, mergePatch.apply(base, patch, CommentEdit.class),
                Preconditions.fromIfMatch(ifMatch));
    }

    @DELETE
    @Produces(Responses.NO_CONTENT)
    @Path("/{id: [1-9][0-9]*}")
    @Operation(operationId = "deleteComment", summary = "Delete a comment for ever, with its replies")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No comment has this id")
    public void delete(@Parameter(description = "The comment's id") @RestPath @Min(1) long id) {
        moderation.delete(id);
    }

    @POST
    @Path("/erasures")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "createCommentErasure",
            summary = "Erase every comment sent with one e-mail address, as a data-subject request (admins); other "
                    + "people's replies to them stay, moved up the thread")
    @APIResponse(responseCode = "200", description = "Done; how many comments were erased")
    @APIResponse(responseCode = "422", description = "The address is missing or invalid")
    public CommentErasure.Result erase(@Valid @NotNull CommentErasure request) {
        return new CommentErasure.Result(privacy.eraseAllOf(request.email()));
    }
}
