package org.noticeboard.page;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
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
import org.noticeboard.common.Roles;


@Path("/api/pages")
@Tag(name = "Pages")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = ApiSecurity.BEARER)
public class PageResource {

    private final PageService pages;
    private final CurrentUser currentUser;
    private final MergePatch mergePatch;

    PageResource(PageService pages, CurrentUser currentUser, MergePatch mergePatch) {
        this.pages = pages;
        this.currentUser = currentUser;
        this.mergePatch = mergePatch;
    }

    @GET
    @Operation(operationId = "listPages",
            summary = "List pages: all of them by path, or one parent's children in their order")
    @SecurityRequirements
    @APIResponse(responseCode = "200", description = "A page of pages",
            headers = @Header(name = "Link", description = "RFC 8288 links to the first, prev, next and last pages"))
    @APIResponse(responseCode = "400", description = "A query parameter is unknown or out of range")
    @APIResponse(responseCode = "401", description = "A status other than published was asked for without signing in")
    public RestResponse<Paged<PageSummary>> list(
            @Parameter(description = "Only the children of the page with this id; 0 for top-level pages")
            @QueryParam("parent") @Min(0) Integer parent,
            @Parameter(description = "published, or for signed-in editors draft or any")
            @QueryParam("status") @DefaultValue("published") PageStatusFilter status,
            @BeanParam PagingParameters paging,
            @Context UriInfo uriInfo) {
        if (status != PageStatusFilter.PUBLISHED) {
            currentUser.requireEditor();
        }
        Paged<PageSummary> paged = pages.list(status, parent == null ? null : parent.longValue(), paging.toPaging());
        return Responses.paged(paged, uriInfo);
    }

    @GET
    @Path("/{id: [1-9][0-9]*}")
    @Operation(operationId = "getPage",
            summary = "Read a page by id, with breadcrumbs and children; signed-in editors also read drafts")
    @SecurityRequirements
    @APIResponse(responseCode = "200", description = "The page; read signed in, its ETag is what If-Match takes to change it")
    @APIResponse(responseCode = "404", description = "No published page has this id")
    public PageResponse byId(@Parameter(description = "The page's id") @RestPath @Min(1) long id) {
        return pages.byId(id, currentUser.isEditor());
    }

    @GET
    @Path("/by-path/{path: .+}")
    @Operation(operationId = "getPageByPath",
            summary = "Read the page at a full path, with breadcrumbs and children; a former path answers 301")
    @SecurityRequirements
    @APIResponse(responseCode = "200", description = "The page")
    @APIResponse(responseCode = "301", description = "The page (or an ancestor) moved; Location has its current address")
    @APIResponse(responseCode = "404", description = "No published page has this path")
    public PageResponse byPath(@Parameter(description = "The page's full path, e.g. services/the-cvs-centre/room-hire")
                               @RestPath String path) {
        return pages.byPath(path, currentUser.isEditor());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.EDITOR)
    @Operation(operationId = "createPage", summary = "Create a page (editors and admins)")
    @APIResponse(responseCode = "201", description = "Created; Location gives its address",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PageResponse.class)))
    @APIResponse(responseCode = "409", description = "Another page has this path")
    @APIResponse(responseCode = "422", description = "A field is missing or invalid")
    public RestResponse<PageResponse> create(@Valid @NotNull PageRequest request) {
        PageResponse created = pages.create(request);
        return Responses.created("/api/pages/" + created.id(), created);
    }

    @PUT
    @Path("/{id: [1-9][0-9]*}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.EDITOR)
    @Operation(operationId = "updatePage",
            summary = "Replace a page (editors and admins); a new parent, position or slug moves its whole subtree")
    @APIResponse(responseCode = "200", description = "The updated page")
    @APIResponse(responseCode = "409", description = "The new path is taken, or the page would move below itself")
    @APIResponse(responseCode = "422", description = "A field is missing or invalid")
    public PageResponse update(@Parameter(description = "The page's id") @RestPath @Min(1) long id,
                               @Parameter(description = Preconditions.IF_MATCH) @HeaderParam("If-Match") String ifMatch,
                               @Valid @NotNull PageRequest request) {
        return pages.update(id, request, Preconditions.fromIfMatch(ifMatch));
    }

    @PATCH
    @Path("/{id: [1-9][0-9]*}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @RolesAllowed(Roles.EDITOR)
    @Operation(operationId = "patchPage",
            summary = "Change some fields of a page, or move it (JSON Merge Patch; editors and admins)")
    @RequestBody(content = @Content(mediaType = MergePatch.MEDIA_TYPE, schema = @Schema(implementation = PageRequest.class)))
    @APIResponse(responseCode = "200", description = "The updated page")
    @APIResponse(responseCode = "409", description = "The new path is taken, or the page would move below itself")
    @APIResponse(responseCode = "422", description = "A field is missing or invalid")
    public PageResponse patch(@Parameter(description = "The page's id") @RestPath @Min(1) long id,
                              @Parameter(description = Preconditions.IF_MATCH) @HeaderParam("If-Match") String ifMatch,
                              JsonNode patch) {
        PageRequest current = pages.currentRequest(id);
        if (patch != null && patch.has("parentId") && !patch.has("position")) {
            // The current position counts among the old siblings: moved without one, the page goes last.
            current = current.withoutPosition();
        }
        return pages.update(id, mergePatch.apply(current, patch, PageRequest.class),
                Preconditions.fromIfMatch(ifMatch));
    }

    @DELETE
    @Produces(Responses.NO_CONTENT)
    @Path("/{id: [1-9][0-9]*}")
    @RolesAllowed(Roles.EDITOR)
    @Operation(operationId = "deletePage", summary = "Delete a page that has no child pages (editors and admins)")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "409", description = "It has child pages, or menu items link to it; they are listed")
    public void delete(@Parameter(description = "The page's id") @RestPath @Min(1) long id,
                       @Parameter(description = Preconditions.IF_MATCH) @HeaderParam("If-Match") String ifMatch,
                       @Parameter(description = "true: also remove the menu items that link to the page")
                       @QueryParam("removeMenuLinks") @DefaultValue("false") boolean removeMenuLinks) {
        pages.delete(id, Preconditions.fromIfMatch(ifMatch), removeMenuLinks);
    }
}
