package org.noticeboard.embed;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

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
            @Parameter(description = "How many posts") @QueryParam("limit") @DefaultValue("5") @Min(1) @Max(20) int limit,
            @Parameter(description = "The heading; 'Latest news from <site name>' when left out") @QueryParam("title") String title,
            @Context UriInfo uriInfo) {
        String html = EmbedHtml.newsPage(embeds.news(category, limit, title, uriInfo.getBaseUri()));
        // Framable by any site: SecurityHeaders gives this page its own Content-Security-Policy.
        return RestResponse.ResponseBuilder.ok(html, "text/html;charset=UTF-8").build();
    }
}
