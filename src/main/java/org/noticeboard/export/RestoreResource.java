package org.noticeboard.export;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.noticeboard.common.ApiSecurity;
import org.noticeboard.common.Roles;

import java.io.InputStream;

@Path("/api/imports/export")
@Tag(name = "Import")
@SecurityRequirement(name = ApiSecurity.BEARER)
@RolesAllowed(Roles.ADMIN)
public class RestoreResource {

    private final SiteRestorer restorer;

    RestoreResource(SiteRestorer restorer) {
        this.restorer = restorer;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createRestore", summary = "Restore an export into an empty site (admins only)",
            description = "Puts back everything a GET /api/export document holds, with its ids, versions and times, so "
                    + "that exporting again gives the same bytes. Only into a site without content; the users here "
                    + "are replaced by the document's (their tokens deleted), and a user without a password hash in "
                    + "the document keeps the password of the user here with the same e-mail address. All or "
                    + "nothing. With dryRun=true nothing is written and the report says what would be.")
    @RequestBody(required = true, description = "An export, as GET /api/export gives it (at most the request body limit)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SiteExport.class)))
    @APIResponse(responseCode = "200", description = "What was restored")
    @APIResponse(responseCode = "400", description = "The document is not a consistent export of a version this server "
            + "reads; the detail says where (invalid-export)")
    @APIResponse(responseCode = "409", description = "The site holds content already; the detail counts it (site-not-empty)")
    public RestoreReport restore(
            @Parameter(description = "Report what would be restored, and write nothing")
            @QueryParam("dryRun") @DefaultValue("false") boolean dryRun,
            InputStream document) {
        return restorer.restore(document, dryRun);
    }
}
