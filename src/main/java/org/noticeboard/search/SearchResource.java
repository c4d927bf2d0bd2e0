package org.noticeboard.search;

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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.noticeboard.common.PagingParameters;
import org.noticeboard.common.Responses;

@Path("/api/search")
@Tag(name = "Search")
@Produces(MediaType.APPLICATION_JSON)
public class SearchResource {

    private final SearchService search;

    SearchResource(SearchService search) {
        this.search = search;
    }

    @GET
    @Operation(operationId = "listSearchResults",
            summary = "Search published posts and pages, best match first, with highlighted snippets")
    @SecurityRequirements
    @APIResponse(responseCode = "200", description = "A page of hits",
            headers = @Header(name = "Link", description = "RFC 8288 links to the first, prev, next and last pages"))
    @APIResponse(responseCode = "400", description = "q is missing, blank or too long, or a parameter is out of range")
    public RestResponse<SearchResults> search(
            @Parameter(description = "What to look for, in web-search syntax: \"a phrase\", or, -word",
                    required = true, schema = @Schema(type = SchemaType.STRING, minLength = 1,
                    maxLength = SearchService.MAX_QUERY_LENGTH)) @QueryParam("q") String q,
            @Parameter(description = "Only posts or only pages") @QueryParam("type") SearchType type,
            @Parameter(description = "Only posts in the category with this slug (so no pages)")
            @QueryParam("category") String category,
            @BeanParam PagingParameters paging,
            @Context UriInfo uriInfo) {
        SearchResults results = search.search(SearchService.queryParameter(q), type, category, paging.toPaging());
        return Responses.paged(results, results.page(), results.totalPages(), uriInfo);
    }
}
