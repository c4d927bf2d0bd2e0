package org.noticeboard.comment;

import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;
import org.noticeboard.common.Paged;
import org.noticeboard.common.PagingParameters;
import org.noticeboard.common.Responses;

/** Readers' comments on posts: no account needed, and open to every origin (see CorsFilter). */
@Path("/api/posts")
@Tag(name = "Comments")
@Produces(MediaType.APPLICATION_JSON)
public class CommentResource {

    private final CommentService comments;

    CommentResource(CommentService comments) {
        this.comments = comments;
    }

    @GET
    @Path("/{id: [1-9][0-9]*}/comments")
    @Operation(operationId = "listComments",
            summary = "A post's approved comments: top comments oldest first, each with its replies")
    @SecurityRequirements
    @APIResponse(responseCode = "200", description = "A page of top comments",
            headers = @Header(name = "Link", description = "RFC 8288 links to the first, prev, next and last pages"))
    @APIResponse(responseCode = "404", description = "No published post has this id")
    public RestResponse<Paged<CommentResponse>> list(@Parameter(description = "The post's id") @RestPath @Min(1) long id,
                                                     @BeanParam PagingParameters paging, @Context UriInfo uriInfo) {
        return Responses.paged(comments.thread(id, paging.toPaging()), uriInfo);
    }

    @GET
    @Path("/slug/{slug}/comments")
    @Operation(operationId = "listCommentsBySlug", summary = "A post's approved comments, the post named by its slug")
    @SecurityRequirements
    @APIResponse(responseCode = "200", description = "A page of top comments",
            headers = @Header(name = "Link", description = "RFC 8288 links to the first, prev, next and last pages"))
    @APIResponse(responseCode = "404", description = "No published post has this slug")
    public RestResponse<Paged<CommentResponse>> listBySlug(@Parameter(description = "The post's slug") @RestPath String slug,
                                                           @BeanParam PagingParameters paging, @Context UriInfo uriInfo) {
        return Responses.paged(comments.thread(slug, paging.toPaging()), uriInfo);
    }

    @GET
    @Path("/{id: [1-9][0-9]*}/comments/form")
    @Operation(operationId = "getCommentForm",
            summary = "A signed token for a comment form, to fetch when the form is shown (never cached)")
    @SecurityRequirements
    @APIResponse(responseCode = "200", description = "The token and the times it is good between",
            headers = @Header(name = "Cache-Control", description = "no-store: every form gets its own token"))
    @APIResponse(responseCode = "403", description = "Comments on the post are closed; the detail says why")
    @APIResponse(responseCode = "404", description = "No published post has this id")
    public RestResponse<CommentForm> form(@Parameter(description = "The post's id") @RestPath @Min(1) long id) {
        return RestResponse.ResponseBuilder.ok(comments.form(id)).header("Cache-Control", "no-store").build();
    }

    @POST
    @Path("/{id: [1-9][0-9]*}/comments")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createComment",
            summary = "Send a comment, or a reply, on a post: no account needed; it may wait for a moderator")
    @SecurityRequirements
    @APIResponse(responseCode = "201", description = "Received: approved (public now) or pending moderation",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubmittedComment.class)))
    @APIResponse(responseCode = "403", description = "Comments on the post are closed; the detail says why")
    @APIResponse(responseCode = "404", description = "No published post has this id")
    @APIResponse(responseCode = "409", description = "The same comment was already sent")
    @APIResponse(responseCode = "422", description = "A field is missing or invalid, the form token is not good, or "
            + "parentId is not an approved comment of the post")
    @APIResponse(responseCode = "429", description = "Too many comments from this network or e-mail address",
            headers = @Header(name = "Retry-After", description = "Seconds to wait", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.INTEGER)))
    public RestResponse<SubmittedComment> create(@Parameter(description = "The post's id") @RestPath @Min(1) long id,
                                                 @Valid @NotNull CommentRequest request,
                                                 @Context HttpServerRequest http, @Context UriInfo uriInfo) {
        SubmittedComment created = comments.submit(id, request, clientAddress(http), uriInfo.getBaseUri());
        return Responses.created("/api/posts/" + id + "/comments", created);
    }

    /** With quarkus.http.proxy.proxy-address-forwarding=true behind a proxy, this is the reader's own address. */
    private static String clientAddress(HttpServerRequest http) {
        return http.remoteAddress() == null || http.remoteAddress().hostAddress() == null
                ? "0.0.0.0" : http.remoteAddress().hostAddress();
    }
}
