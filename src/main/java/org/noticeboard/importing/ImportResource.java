package org.noticeboard.importing;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.jboss.resteasy.reactive.RestResponse;
import org.noticeboard.common.Paged;
import org.noticeboard.common.PagingParameters;
import org.noticeboard.common.Responses;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.noticeboard.common.ApiSecurity;
import org.noticeboard.common.CurrentUser;
import org.noticeboard.common.ProblemException;

import java.io.InputStream;
import java.net.URI;
import org.noticeboard.common.Roles;

@Path("/api/imports")
@Tag(name = "Import")
@SecurityRequirement(name = ApiSecurity.BEARER)
@RolesAllowed(Roles.ADMIN)
public class ImportResource {

    static final String RSS = "application/rss+xml";
    private static final String RSS_EXAMPLE = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>"
            + "<title>Our news</title><link>https://www.example.org/news</link><description>News</description>"
            + "<item><title>Summer fair</title><guid>news-1</guid><pubDate>Tue, 01 Jul 2025 09:00:00 GMT</pubDate>"
            + "<category>Events</category><description>&lt;p&gt;On the green.&lt;/p&gt;</description></item>"
            + "</channel></rss>";
    static final String ATOM = "application/atom+xml";
    private static final String ATOM_EXAMPLE = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<feed xmlns=\"http://www.w3.org/2005/Atom\"><id>tag:www.example.org,2025:news</id><title>Our news</title>"
            + "<updated>2025-07-01T09:00:00Z</updated><link href=\"https://www.example.org/news\"/>"
            + "<entry><id>tag:www.example.org,2025:news-1</id><title>Summer fair</title>"
            + "<published>2025-07-01T09:00:00Z</published><updated>2025-07-01T09:00:00Z</updated><category term=\"Events\"/>"
            + "<content type=\"html\">&lt;p&gt;On the green.&lt;/p&gt;</content></entry></feed>";

    private static final String WXR_EXAMPLE = "<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n<rss version=\"2.0\" "
            + "xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" xmlns:wp=\"http://wordpress.org/export/1.2/\">"
            + "<channel><title>Our site</title><wp:wxr_version>1.2</wp:wxr_version>"
            + "<wp:base_site_url>https://www.example.org</wp:base_site_url><item><title>Summer fair</title>"
            + "<content:encoded><![CDATA[<p>On the green.</p>]]></content:encoded><wp:post_id>10</wp:post_id>"
            + "<wp:post_date_gmt>2025-07-01 09:00:00</wp:post_date_gmt><wp:post_name>summer-fair</wp:post_name>"
            + "<wp:status>publish</wp:status><wp:post_type>post</wp:post_type></item></channel></rss>";

    private final FeedImporter feeds;
    private final WordPressImporter wordpress;
    private final ImportedRedirects redirects;
    private final ImportJobs jobs;
    private final CurrentUser currentUser;

    ImportResource(FeedImporter feeds, WordPressImporter wordpress, ImportedRedirects redirects, ImportJobs jobs,
                   CurrentUser currentUser) {
        this.feeds = feeds;
        this.wordpress = wordpress;
        this.redirects = redirects;
        this.jobs = jobs;
        this.currentUser = currentUser;
    }

    @POST
    @Consumes({MediaType.APPLICATION_XML, MediaType.TEXT_XML, RSS, ATOM, MediaType.APPLICATION_OCTET_STREAM})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createImport",
            summary = "Import a file of any size in the background: a WordPress export, a feed, or an export to restore "
                    + "(admins only)",
            description = "The file is stored as it arrives (up to 1 GiB, beyond the request body limit) and imported "
                    + "by the same rules as POST /api/imports/wordpress, /api/imports/feed and /api/imports/export, "
                    + "one import at a time. "
                    + "The answer comes at once: 202 with the job, whose progress and, once finished, report or "
                    + "problem GET /api/imports/{id} gives.")
    @RequestBody(required = true, description = "The file, as the old site (or GET /api/export) wrote it: an export "
            + "to restore as application/octet-stream",
            content = {@Content(mediaType = MediaType.APPLICATION_XML, schema = @Schema(type = SchemaType.STRING, example = WXR_EXAMPLE)),
                    @Content(mediaType = MediaType.TEXT_XML, schema = @Schema(type = SchemaType.STRING, example = WXR_EXAMPLE)),
                    @Content(mediaType = RSS, schema = @Schema(type = SchemaType.STRING, example = RSS_EXAMPLE)),
                    @Content(mediaType = ATOM, schema = @Schema(type = SchemaType.STRING, example = ATOM_EXAMPLE)),
                    @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM,
                            schema = @Schema(type = SchemaType.STRING, format = "binary", example = WXR_EXAMPLE))})
    @APIResponse(responseCode = "202", description = "The import is queued: follow Location for its progress",
            headers = @Header(name = "Location", description = "The job: /api/imports/{id}"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportJob.class)))
    @APIResponse(responseCode = "413", description = "The file is larger than 1 GiB (a feed: 64 MiB)")
    public RestResponse<ImportJob> startImport(
            @Parameter(description = "What the file is: wordpress (a WXR export), feed (RSS 2.0 or Atom) or "
                    + "noticeboard-export (GET /api/export's document, restored into an empty site)", required = true)
            @QueryParam("kind") ImportJob.Kind kind,
            @Parameter(description = "Report what would be imported, and write nothing")
            @QueryParam("dryRun") @DefaultValue("false") boolean dryRun,
            @Parameter(description = "For a WordPress export: what its tags become (drop or categories)")
            @QueryParam("tags") @DefaultValue("drop") WordPressImporter.Tags tags,
            InputStream file) {
        if (kind == null) {
            throw ProblemException.invalidQuery("kind", "is required: wordpress, feed or noticeboard-export");
        }
        ImportJob job = jobs.start(kind, file, dryRun, tags, currentUser.idOrNull());
        return RestResponse.ResponseBuilder.<ImportJob>create(RestResponse.Status.ACCEPTED, job)
                .location(URI.create("/api/imports/" + job.id())).build();
    }

    @GET
    @Path("/{id: [1-9][0-9]*}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getImport", summary = "An import's progress, and once it finished its report (admins only)")
    @APIResponse(responseCode = "200", description = "The job as it stands")
    @APIResponse(responseCode = "404", description = "No import has this id")
    public ImportJob importJob(@PathParam("id") long id) {
        return jobs.find(id);
    }

    @GET
    @Path("/redirects")
    @PermitAll
    @SecurityRequirements
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listImportedRedirects",
            summary = "Old addresses of imported content, each with the path it has now",
            description = "For the front end's table of redirects (301 from each from to its to), so that links "
                    + "and search results that point at the old site keep working: imported feed items' and "
                    + "WordPress posts' and pages' own addresses, WordPress's /?p=123 and /?page_id=45, and its "
                    + "category archives (/category/news/events/). Public content only, at its present path.")
    @APIResponse(responseCode = "200", description = "A page of redirects, by old address",
            headers = @Header(name = "Link", description = "RFC 8288 links to the first, prev, next and last pages"))
    public RestResponse<Paged<ImportedRedirect>> redirects(@BeanParam PagingParameters paging, @Context UriInfo uriInfo) {
        return Responses.paged(redirects.list(paging.toPaging()), uriInfo);
    }

    @POST
    @Path("/feed")
    @Consumes({RSS, ATOM, MediaType.APPLICATION_XML, MediaType.TEXT_XML})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createFeedImport", summary = "Import the items of an RSS 2.0 or Atom feed as posts (admins only)",
            description = "Each item becomes a published post (scheduled when dated ahead) with its title, date, body "
                    + "(sanitised), excerpt, author, categories (made when missing) and an image enclosure as its "
                    + "featured image. All or nothing. Items imported before, from the same feed, are skipped. "
                    + "With dryRun=true nothing is written and the report says what would be.")
    @RequestBody(required = true, description = "The feed, as its site serves it (at most the request body limit)",
            content = {@Content(mediaType = RSS, schema = @Schema(type = SchemaType.STRING, example = RSS_EXAMPLE)),
                    @Content(mediaType = ATOM, schema = @Schema(type = SchemaType.STRING, example = ATOM_EXAMPLE)),
                    @Content(mediaType = MediaType.APPLICATION_XML, schema = @Schema(type = SchemaType.STRING, example = RSS_EXAMPLE)),
                    @Content(mediaType = MediaType.TEXT_XML, schema = @Schema(type = SchemaType.STRING, example = RSS_EXAMPLE))})
    @APIResponse(responseCode = "200", description = "What was imported and skipped, and why")
    @APIResponse(responseCode = "400", description = "The body is not an RSS or Atom feed that can be read (invalid-feed)")
    public ImportReport importFeed(
            @Parameter(description = "Report what would be imported, and write nothing")
            @QueryParam("dryRun") @DefaultValue("false") boolean dryRun,
            byte[] feed) {
        return feeds.importFeed(feed, dryRun);
    }

    @POST
    @Path("/wordpress")
    @Consumes({MediaType.APPLICATION_XML, MediaType.TEXT_XML, RSS})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createWordPressImport",
            summary = "Import a WordPress site from its export file (WXR, Tools → Export; admins only)",
            description = "Categories (with their parents), posts with their comments, pages with their hierarchy and "
                    + "order, featured images and menus, through the same rules as the editing API. WordPress's "
                    + "statuses map to ours (publish: published, future: scheduled, draft, pending and private: draft; "
                    + "trash and auto-draft are left out) and the report says how many of each. All or nothing. "
                    + "Content imported before from the same site is skipped. With dryRun=true nothing is written "
                    + "and the report says what would be. Files over the request body limit go through POST /api/imports.")
    @RequestBody(required = true, description = "The export file, as WordPress wrote it (at most the request body limit)",
            content = {@Content(mediaType = MediaType.APPLICATION_XML, schema = @Schema(type = SchemaType.STRING, example = WXR_EXAMPLE)),
                    @Content(mediaType = MediaType.TEXT_XML, schema = @Schema(type = SchemaType.STRING, example = WXR_EXAMPLE)),
                    @Content(mediaType = RSS, schema = @Schema(type = SchemaType.STRING, example = WXR_EXAMPLE))})
    @APIResponse(responseCode = "200", description = "What was imported and skipped, and why")
    @APIResponse(responseCode = "400",
            description = "The body is not a WordPress export that can be read (invalid-wordpress-export)")
    public ImportReport importWordPress(
            @Parameter(description = "Report what would be imported, and write nothing")
            @QueryParam("dryRun") @DefaultValue("false") boolean dryRun,
            @Parameter(description = "What WordPress's tags become: dropped (the default: sites tend to have many, "
                    + "and categories are the site's sections here) or categories")
            @QueryParam("tags") @DefaultValue("drop") WordPressImporter.Tags tags,
            byte[] file) {
        return wordpress.importSite(ImportSource.of(file), tags, dryRun, ImportProgress.NONE);
    }
}
