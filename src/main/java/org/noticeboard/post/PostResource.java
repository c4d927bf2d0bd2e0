package org.noticeboard.post;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;
import org.noticeboard.common.ApiSecurity;
import org.noticeboard.common.CurrentUser;
import org.noticeboard.common.MergePatch;
import org.noticeboard.common.Paged;
import org.noticeboard.common.Preconditions;
import org.noticeboard.common.Responses;
import org.noticeboard.common.PagingParameters;
import org.noticeboard.common.ProblemException;
import org.noticeboard.common.Roles;
import org.noticeboard.search.SearchService;


@Path("/api/posts")
@Tag(name = "Posts")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = ApiSecurity.BEARER)
public class PostResource {

    private final PostService posts;
    private final CurrentUser currentUser;
    private final MergePatch mergePatch;

    PostResource(PostService posts, CurrentUser currentUser, MergePatch mergePatch) {
        this.posts = posts;
        this.currentUser = currentUser;
        this.mergePatch = mergePatch;
    }

    @GET
    @Operation(operationId = "listPosts",
            summary = "List posts, newest first: published ones, or for signed-in editors any status")
    @SecurityRequirements
    @APIResponse(responseCode = "200", description = "A page of posts",
            headers = @Header(name = "Link", description = "RFC 8288 links to the first, prev, next and last pages"))
    @APIResponse(responseCode = "400", description = "A query parameter is unknown or out of range")
    @APIResponse(responseCode = "401", description = "A status other than published was asked for without signing in")
    public RestResponse<Paged<PostSummary>> list(
            @Parameter(description = "Only posts in the category with this slug") @QueryParam("category") String category,
            @Parameter(description = "Only posts published in this year (in the site's time zone)")
            @QueryParam("year") @Min(1) @Max(9999) Integer year,
            @Parameter(description = "With year: only posts published in this month")
            @QueryParam("month") @Min(1) @Max(12) Integer month,
            @Parameter(description = "published, or for signed-in editors scheduled, draft or any")
            @QueryParam("status") @DefaultValue("published") PostStatusFilter status,
            @Parameter(description = "Only posts that match this search, read as GET /api/search reads q: \"a phrase\", "
                    + "or, -word; stemmed by the site's language, accents ignored",
                    schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = SearchService.MAX_QUERY_LENGTH))
            @QueryParam("q") String q,
            @Parameter(description = "relevance (the default with q: title matches first, then excerpt, then body, "
                    + "newest first within each) or "
                    + "publishedAt (newest first, the default without q); relevance needs q",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"relevance", "publishedAt"}))
            @QueryParam("orderBy") String orderBy,
            @BeanParam PagingParameters paging,
            @Context UriInfo uriInfo) {
        if (month != null && year == null) {
            throw ProblemException.invalidQuery("month", "needs a year as well, e.g. ?year=2025&month=7");
        }
        if (orderBy != null && !orderBy.equals("relevance") && !orderBy.equals("publishedAt")) {
            throw ProblemException.invalidQuery("orderBy", "must be relevance or publishedAt");
        }
        // RESTEasy reads ?q= as left out; sent empty, it is a search for nothing.
        boolean searching = q != null || uriInfo.getQueryParameters().containsKey("q");
        String search = searching ? SearchService.queryParameter(q) : null;
        if (search == null && "relevance".equals(orderBy)) {
            throw ProblemException.invalidQuery("orderBy", "relevance needs q, something to search for");
        }
        if (status != PostStatusFilter.PUBLISHED) {
            currentUser.requireEditor();
        }
        Paged<PostSummary> paged = posts.list(status, category, year, month, search, !"publishedAt".equals(orderBy),
                paging.toPaging());
        return Responses.paged(paged, uriInfo);
    }

    @GET
    @Path("/{id: [1-9][0-9]*}")
    @Operation(operationId = "getPost",
            summary = "Read a post by id, with its categories, comment settings and neighbours; "
            + "signed-in editors also read drafts and scheduled posts")
    @SecurityRequirements
    @APIResponse(responseCode = "200", description = "The post; read signed in, its ETag is what If-Match takes to change it")
    @APIResponse(responseCode = "404", description = "No published post has this id")
    public PostResponse byId(@Parameter(description = "The post's id") @RestPath @Min(1) long id) {
        return posts.byId(id, currentUser.isEditor());
    }

    @GET
    @Path("/slug/{slug}")
    @Operation(operationId = "getPostBySlug",
            summary = "Read a post by slug; a former slug answers 301 with the current address")
    @SecurityRequirements
    @APIResponse(responseCode = "200", description = "The post")
    @APIResponse(responseCode = "301", description = "The post's slug changed; Location has its current address")
    @APIResponse(responseCode = "404", description = "No published post has this slug")
    public PostResponse bySlug(@Parameter(description = "The post's slug") @RestPath String slug) {
        return posts.bySlug(slug, currentUser.isEditor());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.EDITOR)
    @Operation(operationId = "createPost", summary = "Create a post (editors and admins)")
    @APIResponse(responseCode = "201", description = "Created; Location gives its address",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PostResponse.class)))
    @APIResponse(responseCode = "409", description = "The slug is taken")
    @APIResponse(responseCode = "422", description = "A field is missing or invalid")
    public RestResponse<PostResponse> create(@Valid @NotNull PostRequest request) {
        PostResponse created = posts.create(request);
        return Responses.created("/api/posts/" + created.id(), created);
    }

    @PUT
    @Path("/{id: [1-9][0-9]*}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.EDITOR)
    @Operation(operationId = "updatePost",
            summary = "Replace a post (editors and admins); a changed slug keeps the old one redirecting")
    @APIResponse(responseCode = "200", description = "The updated post")
    @APIResponse(responseCode = "409", description = "The slug is taken")
    @APIResponse(responseCode = "422", description = "A field is missing or invalid")
    public PostResponse update(@Parameter(description = "The post's id") @RestPath @Min(1) long id,
                               @Parameter(description = Preconditions.IF_MATCH) @HeaderParam("If-Match") String ifMatch,
                               @Valid @NotNull PostRequest request) {
        return posts.update(id, request, Preconditions.fromIfMatch(ifMatch));
    }

    @PATCH
    @Path("/{id: [1-9][0-9]*}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @RolesAllowed(Roles.EDITOR)
    @Operation(operationId = "patchPost",
            summary = "Change some fields of a post (JSON Merge Patch; editors and admins)")
    @RequestBody(content = @Content(mediaType = MergePatch.MEDIA_TYPE, schema = @Schema(implementation = PostRequest.class)))
    @APIResponse(responseCode = "200", description = "The updated post")
    @APIResponse(responseCode = "409", description = "The slug is taken")
    @APIResponse(responseCode = "422", description = "A field is missing or invalid")
    public PostResponse patch(@Parameter(description = "The post's id") @RestPath @Min(1) long id,
                              @Parameter(description = Preconditions.IF_MATCH) @HeaderParam("If-Match") String ifMatch,
                              JsonNode patch) {
        return posts.update(id, mergePatch.apply(posts.currentRequest(id), patch, PostRequest.class),
                Preconditions.fromIfMatch(ifMatch));
    }

    @DELETE
    @Produces(Responses.NO_CONTENT)
    @Path("/{id: [1-9][0-9]*}")
    @RolesAllowed(Roles.EDITOR)
    @Operation(operationId = "deletePost", summary = "Delete a post (editors and admins)")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "409", description = "Menu items link to the post; they are listed")
    public void delete(@Parameter(description = "The post's id") @RestPath @Min(1) long id,
                       @Parameter(description = Preconditions.IF_MATCH) @HeaderParam("If-Match") String ifMatch,
                       @Parameter(description = "true: also remove the menu items that link to the post")
                       @QueryParam("removeMenuLinks") @DefaultValue("false") boolean removeMenuLinks) {
        posts.delete(id, Preconditions.fromIfMatch(ifMatch), removeMenuLinks);
    }
}
