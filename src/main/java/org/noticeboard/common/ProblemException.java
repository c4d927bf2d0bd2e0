package org.noticeboard.common;

import java.util.List;

/** Thrown anywhere below a resource to end the request with a problem response. */
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final int status;
    private final List<Problem.FieldError> errors;

    public ProblemException(ProblemType type, int status, String detail, List<Problem.FieldError> errors) {
        super(detail, null, false, false);
        this.type = type;
        this.status = status;
        this.errors = errors;
    }

    public ProblemException(ProblemType type, String detail) {
        this(type, type.defaultStatus(), detail, null);
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(ProblemType.NOT_FOUND, detail);
    }

    public static ProblemException invalidQuery(String parameter, String message) {
        return new ProblemException(ProblemType.INVALID_QUERY, 400,
                "Query parameter '" + parameter + "' " + message,
                List.of(new Problem.FieldError(parameter, message)));
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
}
