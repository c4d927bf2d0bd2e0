package org.noticeboard.post;

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
import org.noticeboard.common.ProblemException;
import org.noticeboard.common.QueryParameters;

@Path("/api/posts")
@Tag(name = "Posts")
@Produces(MediaType.APPLICATION_JSON)
public class PostResource {

    private final PostService posts;

    PostResource(PostService posts) {
        this.posts = posts;
    }

    @GET
    @Operation(summary = "List published posts, newest first")
    @APIResponse(responseCode = "200", description = "A page of posts",
            headers = @Header(name = "Link", description = "RFC 8288 links to the first, prev, next and last pages"))
    @APIResponse(responseCode = "400", description = "A query parameter is unknown or out of range")
    public RestResponse<Paged<PostSummary>> list(
            @Parameter(description = "Only posts in the category with this slug") @QueryParam("category") String category,
            @Parameter(description = "Only posts published in this year (in the site's time zone)",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "9999"))
            @QueryParam("year") String year,
            @Parameter(description = "With year: only posts published in this month",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "12"))
            @QueryParam("month") String month,
            @BeanParam PagingParameters paging,
            @Context UriInfo uriInfo) {
        Integer yearValue = QueryParameters.optionalInt("year", year, 1, 9999);
        Integer monthValue = QueryParameters.optionalInt("month", month, 1, 12);
        if (monthValue != null && yearValue == null) {
            throw ProblemException.invalidQuery("month", "needs a year as well, e.g. ?year=2025&month=7");
        }
        Paged<PostSummary> paged = posts.listPublic(category, yearValue, monthValue, paging.toRequest());
        return PagedResponses.ok(paged, uriInfo);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read a published post by id, with its categories, comment settings and neighbours")
    @APIResponse(responseCode = "200", description = "The post")
    @APIResponse(responseCode = "404", description = "No published post has this id")
    public PostResponse byId(@Parameter(description = "The post's id") @RestPath long id) {
        return posts.publicById(id);
    }

    @GET
    @Path("/slug/{slug}")
    @Operation(summary = "Read a published post by slug, with its categories, comment settings and neighbours")
    @APIResponse(responseCode = "200", description = "The post")
    @APIResponse(responseCode = "404", description = "No published post has this slug")
    public PostResponse bySlug(@Parameter(description = "The post's slug") @RestPath String slug) {
        return posts.publicBySlug(slug);
    }
}
