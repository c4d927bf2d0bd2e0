package org.noticeboard.common;

import java.util.List;
import java.util.Map;

/** Thrown anywhere below a resource to end the request with a problem response. */
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final int status;
    private final List<Problem.FieldError> errors;
    private final List<Problem.Conflict> conflicts;
    private final Map<String, String> headers;

    public ProblemException(ProblemType type, int status, String detail, List<Problem.FieldError> errors,
                            List<Problem.Conflict> conflicts, Map<String, String> headers) {
        super(detail, null, false, false);
        this.type = type;
        this.status = status;
        this.errors = errors;
        this.conflicts = conflicts;
        this.headers = headers;
    }

    public ProblemException(ProblemType type, String detail) {
        this(type, type.defaultStatus(), detail, null, null, Map.of());
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(ProblemType.NOT_FOUND, detail);
    }

    public static ProblemException invalidQuery(String parameter, String message) {
        return new ProblemException(ProblemType.INVALID_QUERY, 400,
                "Query parameter '" + parameter + "' " + message,
                List.of(new Problem.FieldError(parameter, message)), null, Map.of());
    }

    /** 422 for one field; {@code field} is the JSON path of the offending property, e.g. {@code categories[1]}. */
    public static ProblemException invalidField(String field, String message) {
        return invalidFields(List.of(new Problem.FieldError(field, message)));
    }

    public static ProblemException invalidFields(List<Problem.FieldError> errors) {
        String detail = errors.stream().map(error -> error.field() + ": " + error.message())
                .collect(java.util.stream.Collectors.joining("; "));
        return new ProblemException(ProblemType.VALIDATION_FAILED, 422, detail, errors, null, Map.of());
    }

    public static ProblemException conflict(String detail, List<Problem.Conflict> conflicts) {
        return new ProblemException(ProblemType.CONFLICT, 409, detail, null, conflicts, Map.of());
    }

    public ProblemType type() {
        return type;
    }

    public int status() {
        return status;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }

    public List<Problem.Conflict> conflicts() {
        return conflicts;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
