package org.noticeboard.comment;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The pages behind the links in the mails to moderators: the link is the credential, so no sign-in is needed, and
 * the POST is open to every origin (see CorsFilter). A GET only asks for confirmation.
 */
@Path(ModerationLinkResource.PATH)
@Tag(name = "Comment moderation")
@Produces(MediaType.TEXT_HTML)
public class ModerationLinkResource {

    static final String PATH = "/api/moderation-links";

    private final ModerationLinks links;

    ModerationLinkResource(ModerationLinks links) {
        this.links = links;
    }

    @GET
    @Path("/{token}")
    @Operation(operationId = "getModerationLink",
            summary = "The page a moderator's mail links to: what the link would do, with a button to do it")
    @SecurityRequirements
    @APIResponse(responseCode = "200", description = "An HTML page asking to confirm; nothing is changed by reading it",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)),
            headers = @Header(name = "Cache-Control", description = "no-store: the page is for one moderator"))
    @APIResponse(responseCode = "404", description = "The link is not one this site sent, or its comment was deleted")
    @APIResponse(responseCode = "410", description = "The link was used, has expired, or its comment was moderated "
            + "another way")
    public RestResponse<String> confirm(@Parameter(description = "The signed token from the mail") @RestPath String token) {
        ModerationLinks.Link link = links.look(token);
        return page(ModerationLinkPage.confirm(link));
    }

    @POST
    @Path("/{token}")
    @Operation(operationId = "moderateByLink",
            summary = "Approve, mark as spam or trash the comment a moderator's mail names, once (no sign-in: the "
                    + "link is the credential)")
    @SecurityRequirements
    @APIResponse(responseCode = "200", description = "Done: an HTML page that says what was done",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)),
            headers = @Header(name = "Cache-Control", description = "no-store"))
    @APIResponse(responseCode = "404", description = "The link is not one this site sent, or its comment was deleted")
    @APIResponse(responseCode = "410", description = "The link was used, has expired, or its comment was moderated "
            + "another way: nothing was changed")
    public RestResponse<String> use(@Parameter(description = "The signed token from the mail") @RestPath String token) {
        return page(ModerationLinkPage.done(links.use(token)));
    }

    private static RestResponse<String> page(String html) {
        return RestResponse.ResponseBuilder.ok(html, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "no-store").build();
    }
}
