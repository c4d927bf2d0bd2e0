package org.noticeboard.common;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

/** Makes every problem {@code type} URI resolvable to a human-readable explanation. */
@Path("/problems")
@Tag(name = "Problems")
public class ProblemTypeResource {

    @GET
    @Path("/{type}")
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(operationId = "getProblemType", summary = "Explain a problem type")
    public String explain(@Parameter(description = "The last segment of a problem's type URI, e.g. not-found")
                          @RestPath String type) {
        ProblemType problemType = ProblemType.bySlug(type)
                .orElseThrow(() -> ProblemException.notFound("No problem type is called '" + type + "'"));
        return problemType.title() + " (usually HTTP " + problemType.defaultStatus() + ")\n\n"
                + problemType.description() + "\n";
    }
}
