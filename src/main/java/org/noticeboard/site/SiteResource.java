package org.noticeboard.site;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.noticeboard.common.ApiSecurity;
import org.noticeboard.common.CurrentUser;
import org.noticeboard.common.MergePatch;
import org.jboss.resteasy.reactive.RestResponse;
import org.noticeboard.common.Preconditions;
import org.noticeboard.common.Roles;

import java.util.Date;

@Path("/api/site")
@Tag(name = "Site")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = ApiSecurity.BEARER)
public class SiteResource {

    private final SiteService site;
    private final CurrentUser currentUser;
    private final MergePatch mergePatch;

    SiteResource(SiteService site, CurrentUser currentUser, MergePatch mergePatch) {
        this.site = site;
        this.currentUser = currentUser;
        this.mergePatch = mergePatch;
    }

    @GET
    @Operation(operationId = "getSite", summary = "Read the public site settings, including the comment defaults")
    @SecurityRequirements
    public RestResponse<SiteResponse> get(@Context UriInfo uriInfo) {
        SiteResponse settings = site.read(uriInfo.getBaseUri(), currentUser.isEditor());
        return RestResponse.ResponseBuilder.ok(settings).lastModified(Date.from(settings.updatedAt())).build();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "updateSite", summary = "Replace the site settings (admins only)")
    @APIResponse(responseCode = "200", description = "The new settings")
    @APIResponse(responseCode = "422", description = "A field is missing or invalid")
    public SiteResponse update(@Parameter(description = Preconditions.IF_MATCH) @HeaderParam("If-Match") String ifMatch,
                               @Valid @NotNull SiteRequest request, @Context UriInfo uriInfo) {
        return site.update(request, Preconditions.fromIfMatch(ifMatch), uriInfo.getBaseUri());
    }

    @PATCH
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "patchSite", summary = "Change some site settings (JSON Merge Patch; admins only)")
    @RequestBody(content = @Content(mediaType = MergePatch.MEDIA_TYPE, schema = @Schema(implementation = SiteRequest.class)))
    @APIResponse(responseCode = "200", description = "The new settings")
    @APIResponse(responseCode = "422", description = "A field is missing or invalid")
    public SiteResponse patch(@Parameter(description = Preconditions.IF_MATCH) @HeaderParam("If-Match") String ifMatch,
                              JsonNode patch, @Context UriInfo uriInfo) {
        return site.update(mergePatch.apply(site.currentRequest(), patch, SiteRequest.class),
                Preconditions.fromIfMatch(ifMatch), uriInfo.getBaseUri());
    }
}
