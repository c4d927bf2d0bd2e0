package org.noticeboard.feed;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;
import org.noticeboard.common.ProblemException;

import java.util.Date;

/** Feeds of published posts, for feed readers and for partner sites. */
@Path("/api/feeds")
@Tag(name = "Feeds")
@Produces({"application/rss+xml", "application/atom+xml", "application/feed+json"})
public class FeedResource {

    private final FeedService feeds;
    private final FeedWriter writer;

    FeedResource(FeedService feeds, FeedWriter writer) {
        this.feeds = feeds;
        this.writer = writer;
    }

    @GET
    @Path("/posts.{format}")
    @Operation(operationId = "getPostsFeed",
            summary = "The newest published posts as RSS 2.0 (posts.rss), Atom 1.0 (posts.atom) or JSON Feed 1.1 (posts.json)")
    @APIResponse(responseCode = "200", description = "The feed", content = {
            @Content(mediaType = "application/rss+xml", schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = "application/atom+xml", schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = "application/feed+json", schema = @Schema(implementation = FeedWriter.JsonFeed.class))})
    @APIResponse(responseCode = "404", description = "No such feed format")
    public RestResponse<String> posts(@Parameter(description = "rss, atom or json",
                                              schema = @Schema(type = SchemaType.STRING, enumeration = {"rss", "atom", "json"}))
                                      @RestPath String format,
                                      @Context UriInfo uriInfo) {
        return respond(null, format, uriInfo);
    }

    @GET
    @Path("/categories/{slug}.{format}")
    @Operation(operationId = "getCategoryFeed",
            summary = "The newest published posts of one category, as RSS, Atom or JSON Feed")
    @APIResponse(responseCode = "200", description = "The feed", content = {
            @Content(mediaType = "application/rss+xml", schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = "application/atom+xml", schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = "application/feed+json", schema = @Schema(implementation = FeedWriter.JsonFeed.class))})
    @APIResponse(responseCode = "404", description = "No such category or feed format")
    public RestResponse<String> category(@Parameter(description = "The category's slug") @RestPath String slug,
                                         @Parameter(description = "rss, atom or json",
                                                 schema = @Schema(type = SchemaType.STRING, enumeration = {"rss", "atom", "json"}))
                                         @RestPath String format,
                                         @Context UriInfo uriInfo) {
        return respond(slug, format, uriInfo);
    }

    private RestResponse<String> respond(String categorySlug, String extension, UriInfo uriInfo) {
        FeedFormat format = FeedFormat.byExtension(extension).orElseThrow(() ->
                ProblemException.notFound("There is no '" + extension + "' feed; use rss, atom or json"));
        Feed feed = feeds.posts(categorySlug, uriInfo.getBaseUri(), uriInfo.getRequestUri().toString());
        return RestResponse.ResponseBuilder.ok(writer.write(feed, format), format.mediaType)
                .lastModified(Date.from(feed.lastModified()))
                .build();
    }
}
