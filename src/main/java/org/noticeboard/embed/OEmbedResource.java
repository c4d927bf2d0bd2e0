package org.noticeboard.embed;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.noticeboard.common.ProblemException;
import org.noticeboard.common.ProblemType;

/** oEmbed (oembed.com): paste a post's address into a site that speaks oEmbed and get a post card. */
@Path("/api/oembed")
@Tag(name = "Embedding")
@Produces(MediaType.APPLICATION_JSON)
public class OEmbedResource {

    private final EmbedService embeds;

    OEmbedResource(EmbedService embeds) {
        this.embeds = embeds;
    }

    @GET
    @Operation(operationId = "getOEmbed",
            summary = "A post card for a post's address on the organisation's site (oEmbed type rich)")
    @APIResponse(responseCode = "200", description = "The card")
    @APIResponse(responseCode = "400", description = "url is missing, or maxwidth or maxheight is not a positive number")
    @APIResponse(responseCode = "404", description = "The address is not one of this site's published posts")
    @APIResponse(responseCode = "501", description = "format is not json")
    public OEmbedResponse oembed(
            @Parameter(description = "The post's address, e.g. https://www.example.org/news/summer-fair", required = true)
            @QueryParam("url") String url,
            @Parameter(description = "json (the only format served)") @QueryParam("format") String format,
            @Parameter(description = "Widest the card may be, in pixels") @QueryParam("maxwidth") @Min(1) @Max(10_000) Integer maxWidth,
            @Parameter(description = "Tallest the card may be, in pixels") @QueryParam("maxheight") @Min(1) @Max(10_000) Integer maxHeight,
            @Context UriInfo uriInfo) {
        if (url == null || url.isBlank()) {
            throw ProblemException.invalidQuery("url", "is required: the address of a post");
        }
        if (format != null && !format.equals("json")) {
            throw new ProblemException(ProblemType.FORMAT_NOT_IMPLEMENTED, "Only format=json is served, not '" + format + "'");
        }
        return embeds.card(url, maxWidth, maxHeight, uriInfo.getBaseUri());
    }
}
