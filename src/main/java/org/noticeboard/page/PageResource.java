package org.noticeboard.page;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;
import org.noticeboard.common.PagingParameters;
import org.noticeboard.common.Paged;
import org.noticeboard.common.PagedResponses;
import org.noticeboard.common.QueryParameters;

@Path("/api/pages")
@Tag(name = "Pages")
@Produces(MediaType.APPLICATION_JSON)
public class PageResource {

    private final PageService pages;

    PageResource(PageService pages) {
        this.pages = pages;
    }

    @GET
    @Operation(summary = "List published pages: all of them by path, or one parent's children in their order")
    @APIResponse(responseCode = "200", description = "A page of pages",
            headers = @Header(name = "Link", description = "RFC 8288 links to the first, prev, next and last pages"))
    @APIResponse(responseCode = "400", description = "A query parameter is unknown or out of range")
    public RestResponse<Paged<PageSummary>> list(
            @Parameter(description = "Only the children of the page with this id; 0 for top-level pages",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "0"))
            @QueryParam("parent") String parent,
            @BeanParam PagingParameters paging,
            @Context UriInfo uriInfo) {
        Integer parentId = QueryParameters.optionalInt("parent", parent, 0, Integer.MAX_VALUE);
        Paged<PageSummary> paged = pages.listPublic(parentId == null ? null : parentId.longValue(), paging.toRequest());
        return PagedResponses.ok(paged, uriInfo);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read a published page by id, with breadcrumbs and children")
    @APIResponse(responseCode = "200", description = "The page")
    @APIResponse(responseCode = "404", description = "No published page has this id")
    public PageResponse byId(@Parameter(description = "The page's id") @RestPath long id) {
        return pages.publicById(id);
    }

    @GET
    @Path("/by-path/{path: .+}")
    @Operation(summary = "Read the published page at a full path, with breadcrumbs and children")
    @APIResponse(responseCode = "200", description = "The page")
    @APIResponse(responseCode = "404", description = "No published page has this path")
    public PageResponse byPath(@Parameter(description = "The page's full path, e.g. services/the-cvs-centre/room-hire")
                               @RestPath String path) {
        return pages.publicByPath(path);
    }
}
