package org.noticeboard.archive;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/archives")
@Tag(name = "Archives")
@Produces(MediaType.APPLICATION_JSON)
public class ArchiveResource {

    private final ArchiveService archives;

    ArchiveResource(ArchiveService archives) {
        this.archives = archives;
    }

    @GET
    @Operation(operationId = "listArchives",
            summary = "List the months that have published posts, newest first, with their post counts")
    public List<ArchiveMonth> list() {
        return archives.months();
    }
}
