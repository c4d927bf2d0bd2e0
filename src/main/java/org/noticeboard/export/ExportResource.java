package org.noticeboard.export;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.noticeboard.common.ApiSecurity;
import org.noticeboard.common.Roles;

@Path("/api/export")
@Tag(name = "Export")
@SecurityRequirement(name = ApiSecurity.BEARER)
@RolesAllowed(Roles.ADMIN)
public class ExportResource {

    static final String FILE_NAME = "noticeboard-export.json";

    private final SiteExporter exporter;

    ExportResource(SiteExporter exporter) {
        this.exporter = exporter;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getSiteExport", summary = "The whole site as one document, streamed (admins only)",
            description = "Settings, users, categories, pages with their former paths, posts with their former slugs, "
                    + "menus, comments and the blocklist, in id order: the format of openapi/export.schema.json. "
                    + "The same content always gives the same bytes. A failure part-way (the database lost) ends the "
                    + "stream early: a document that does not parse is incomplete.")
    @APIResponse(responseCode = "200", description = "The export",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SiteExport.class)),
            headers = @Header(name = HttpHeaders.CONTENT_DISPOSITION,
                    description = "attachment; filename=\"" + FILE_NAME + "\""))
    public Response export(
            @Parameter(description = "Also users' password hashes and commenters' IP addresses: a backup that "
                    + "restores sign-ins, to be kept as safely as the database")
            @QueryParam("full") @DefaultValue("false") boolean full) {
        StreamingOutput body = out -> exporter.write(out, full);
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + FILE_NAME + "\"")
                .build();
    }
}
