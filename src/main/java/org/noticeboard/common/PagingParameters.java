package org.noticeboard.common;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The {@code page} and {@code perPage} query parameters every paged list takes ({@code @BeanParam}). */
public class PagingParameters {

    @QueryParam("page")
    @Parameter(description = "Page number, from 1",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", defaultValue = "1"))
    String page;

    @QueryParam("perPage")
    @Parameter(description = "Items per page",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "10"))
    String perPage;

    public Paging toPaging() {
        return Paging.of(page, perPage);
    }
}
