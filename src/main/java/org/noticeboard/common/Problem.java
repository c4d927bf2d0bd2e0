package org.noticeboard.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** An RFC 9457 problem details document, served as {@code application/problem+json}. */
@Schema(name = "Problem", description = "RFC 9457 problem details", requiredProperties = {"type", "title", "status"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        @Schema(description = "Stable identifier of the kind of problem; resolvable to an explanation",
                examples = "/problems/not-found") String type,
        @Schema(description = "Short summary of the kind of problem") String title,
        @Schema(description = "HTTP status code") int status,
        @Schema(description = "What went wrong in this request") String detail,
        @Schema(description = "The request path that produced the problem") String instance,
        @Schema(description = "For invalid input: each offending field or parameter and why") List<FieldError> errors,
        @Schema(description = "For conflicts: the existing things that stand in the way") List<Conflict> conflicts) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** Something that blocks a change, e.g. a menu item still linking to a page being deleted. */
    @Schema(name = "ProblemConflict")
    public record Conflict(
            @Schema(description = "What it is: post, page, category, menu, menu-item or user") String kind,
            Long id,
            @Schema(description = "Its title, name or label") String label,
            @Schema(description = "Where it is, e.g. the menu of a menu item or the path of a page") String where) {
    }

    public record FieldError(
            @Schema(description = "The field or query parameter at fault") String field,
            @Schema(description = "What is wrong with it and what is allowed") String message) {
    }
}
