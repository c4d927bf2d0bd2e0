package org.noticeboard.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** An RFC 9457 problem details document, served as {@code application/problem+json}. */
@Schema(name = "Problem", description = "RFC 9457 problem details")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        @Schema(description = "Stable identifier of the kind of problem; resolvable to an explanation",
                examples = "/problems/not-found") String type,
        @Schema(description = "Short summary of the kind of problem") String title,
        @Schema(description = "HTTP status code") int status,
        @Schema(description = "What went wrong in this request") String detail,
        @Schema(description = "The request path that produced the problem") String instance,
        @Schema(description = "For invalid input: each offending field or parameter and why") List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public record FieldError(
            @Schema(description = "The field or query parameter at fault") String field,
            @Schema(description = "What is wrong with it and what is allowed") String message) {
    }
}
