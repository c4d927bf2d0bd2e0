package org.noticeboard.site;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/site")
@Tag(name = "Site")
@Produces(MediaType.APPLICATION_JSON)
public class SiteResource {

    private final SiteService site;

    SiteResource(SiteService site) {
        this.site = site;
    }

    @GET
    @Operation(summary = "Read the public site settings, including the comment defaults")
    public SiteResponse get() {
        return site.publicSettings();
    }
}
