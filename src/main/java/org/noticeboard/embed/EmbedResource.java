package org.noticeboard.embed;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.noticeboard.common.QueryParameters;

/**
 * The news widget for partner sites: a script that renders the latest posts into any page, and an
 * iframe page with the same list rendered on the server, for sites that allow no third-party scripts.
 */
@Path("/embed")
@Tag(name = "Embedding")
public class EmbedResource {

    private final EmbedService embeds;

    EmbedResource(EmbedService embeds) {
        this.embeds = embeds;
    }

    @GET
    @Path("/news.js")
    @Produces("text/javascript")
    @Operation(operationId = "getNewsWidgetScript",
            summary = "The news widget script: pair it with <div data-noticeboard-news> on any page")
    public String script(@Context UriInfo uriInfo) {
        return embeds.script(uriInfo.getBaseUri());
    }

    @GET
    @Path("/news")
    @Produces("text/html")
    @Operation(operationId = "getNewsWidgetPage",
            summary = "The latest posts as a page to show in an iframe, for sites that allow no third-party scripts")
    public RestResponse<String> page(
            @Parameter(description = "Only posts in the category with this slug") @QueryParam("category") String category,
            @Parameter(description = "How many posts", schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                    maximum = "20", defaultValue = "5")) @QueryParam("limit") String limit,
            @Parameter(description = "The heading; 'Latest news from <site name>' when left out") @QueryParam("title") String title,
            @Context UriInfo uriInfo) {
        int count = QueryParameters.intValue("limit", limit, 1, EmbedService.MAX_POSTS, EmbedService.DEFAULT_POSTS);
        String html = EmbedHtml.newsPage(embeds.news(category, count, title, uriInfo.getBaseUri()));
        // Framable by any site: SecurityHeaders gives this page its own Content-Security-Policy.
        return RestResponse.ResponseBuilder.ok(html, "text/html;charset=UTF-8").build();
    }
}
