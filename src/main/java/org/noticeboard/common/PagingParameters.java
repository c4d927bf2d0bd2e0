package org.noticeboard.common;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The {@code page} and {@code perPage} query parameters every paged list takes ({@code @BeanParam}). */
public class PagingParameters {

    @QueryParam("page")
    @DefaultValue("1")
    @Min(1)
    // Far beyond any real listing; stops offsets that would overflow or make the database scan for nothing.
    @Max(100_000)
    @Parameter(description = "Page number, from 1")
    int page;

    @QueryParam("perPage")
    @DefaultValue("10")
    @Min(1)
    @Max(100)
    @Parameter(description = "Items per page")
    int perPage;

    public Paging toPaging() {
        return new Paging(page, perPage);
    }
}
