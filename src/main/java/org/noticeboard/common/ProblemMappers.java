package org.noticeboard.common;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import org.hibernate.StaleStateException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns every failure into RFC 9457 problem details. Nothing here echoes exception classes or stack
 * traces: unexpected errors are logged with a reference that the response repeats.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final String BEARER_CHALLENGE = "Bearer realm=\"noticeboard\"";
    private static final Pattern DUPLICATE_KEY = Pattern.compile("^Duplicate field '(.*)'");
    /** Jackson names the setting behind each of its limits, e.g. "(1000, from `StreamReadConstraints.getMaxNestingDepth()`)". */
    private static final Pattern READER_SETTING = Pattern.compile(", from `[^`]*`");

    @ServerExceptionMapper
    public RestResponse<Problem> problem(ProblemException exception, UriInfo uriInfo) {
        return respond(exception, uriInfo);
    }

    @ServerExceptionMapper
    public RestResponse<Void> moved(MovedPermanently moved) {
        return RestResponse.ResponseBuilder.<Void>create(RestResponse.Status.MOVED_PERMANENTLY)
                .location(java.net.URI.create(moved.location()))
                .build();
    }

    @ServerExceptionMapper
    public RestResponse<Problem> invalidFields(ConstraintViolationException exception, UriInfo uriInfo) {
        List<Problem.FieldError> errors = exception.getConstraintViolations().stream()
                .map(violation -> new Problem.FieldError(fieldPath(violation), violation.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        return respond(ProblemException.invalidFields(errors), uriInfo);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> malformedJson(JsonProcessingException exception, UriInfo uriInfo) {
        return respond(malformedBody(exception), uriInfo);
    }

    /**
     * Unknown properties and values of the wrong type. Quarkus has a built-in mapper for exactly this type,
     * which would win over {@link #malformedJson} and answer in its own format rather than as a problem.
     */
    @ServerExceptionMapper
    public RestResponse<Problem> mismatchedJson(MismatchedInputException exception, UriInfo uriInfo) {
        return malformedJson(exception, uriInfo);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> unauthenticated(AuthenticationFailedException exception, UriInfo uriInfo) {
        return respond(unauthorized("The bearer token is unknown, expired or revoked"), uriInfo);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> unauthorized(UnauthorizedException exception, UriInfo uriInfo) {
        return respond(unauthorized("Sign in first: send Authorization: Bearer <token>"), uriInfo);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> forbidden(ForbiddenException exception, UriInfo uriInfo) {
        return respond(new ProblemException(ProblemType.FORBIDDEN, "Your role may not do this"), uriInfo);
    }

    /**
     * Two writers that passed their If-Match checks together meet here: the version column lets one update
     * through and the other one find no row. Also a safety net for database constraints: services check
     * first and explain better, but a race can still reach one.
     */
    @ServerExceptionMapper
    public RestResponse<Problem> refusedByDatabase(PersistenceException exception, UriInfo uriInfo) {
        Throwable cause = exception;
        while (cause != null && !(cause instanceof org.hibernate.exception.ConstraintViolationException)
                && !(cause instanceof OptimisticLockException) && !(cause instanceof StaleStateException)) {
            cause = cause.getCause();
        }
        if (cause instanceof OptimisticLockException || cause instanceof StaleStateException) {
            return respond(Preconditions.changedMeanwhile(), uriInfo);
        }
        if (!(cause instanceof org.hibernate.exception.ConstraintViolationException violation)) {
            return unexpected(exception, uriInfo);
        }
        String state = violation.getSQLState();
        if ("23505".equals(state) || "23503".equals(state)) {
            return respond(ProblemException.conflict(
                    "The change conflicts with content saved meanwhile (" + violation.getConstraintName() + ")", null), uriInfo);
        }
        return respond(new ProblemException(ProblemType.VALIDATION_FAILED, 422,
                "A value is outside what the database accepts (" + violation.getConstraintName() + ")", null, null, Map.of()),
                uriInfo);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> notFound(NotFoundException exception, UriInfo uriInfo) {
        return respond(ProblemException.notFound("No resource exists at " + uriInfo.getPath()), uriInfo);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> notAllowed(NotAllowedException exception, UriInfo uriInfo, Request request) {
        return respond(new ProblemException(ProblemType.METHOD_NOT_ALLOWED,
                uriInfo.getPath() + " does not accept " + request.getMethod()), uriInfo);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> notAcceptable(NotAcceptableException exception, UriInfo uriInfo) {
        return respond(new ProblemException(ProblemType.NOT_ACCEPTABLE,
                "This operation cannot produce what the Accept header asks for"), uriInfo);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> unsupportedMediaType(NotSupportedException exception, UriInfo uriInfo) {
        return respond(new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                "This operation does not accept that Content-Type; send application/json"), uriInfo);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> otherHttpError(WebApplicationException exception, UriInfo uriInfo) {
        if (exception.getCause() instanceof ProblemException problem) {
            return respond(problem, uriInfo);
        }
        int status = exception.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(exception, uriInfo);
        }
        if (exception.getCause() instanceof JsonProcessingException json) {
            return malformedJson(json, uriInfo);
        }
        String reason = exception.getResponse().getStatusInfo().getReasonPhrase();
        ProblemType type = status == 400 ? ProblemType.MALFORMED_REQUEST : ProblemType.HTTP_ERROR;
        return respond(new ProblemException(type, status, reason, null, null, Map.of()), uriInfo);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> unexpected(Throwable throwable, UriInfo uriInfo) {
        Optional<Throwable> outage = DatabaseOutage.find(throwable);
        if (outage.isPresent()) {
            // One line, no stack trace: while the database is away every request fails the same way.
            LOG.warnf("Database unavailable, answered 503 to %s: %s", uriInfo.getPath(), DatabaseOutage.reason(outage.get()));
            return respond(DatabaseOutage.problem(), uriInfo);
        }
        String reference = UUID.randomUUID().toString();
        LOG.errorf(throwable, "Unexpected error %s on %s", reference, uriInfo.getPath());
        return respond(new ProblemException(ProblemType.INTERNAL_ERROR,
                "The server could not complete the request (reference " + reference + ")"), uriInfo);
    }

    /**
     * A request body that is not JSON of the expected shape, said in the API's own words: the field at fault
     * when Jackson knows it, else the line and column where reading stopped.
     */
    public static ProblemException malformedBody(JsonProcessingException exception) {
        String field = exception instanceof JsonMappingException mapping ? jsonPath(mapping.getPath()) : "";
        String original = String.valueOf(exception.getOriginalMessage());
        Matcher duplicate = DUPLICATE_KEY.matcher(original);
        String message;
        StreamConstraintsException limit = readerLimit(exception);
        if (limit != null) {
            // A limit of the whole body (nesting, length of a number), however deep the field it was reached in.
            field = "";
            message = "is beyond what the API reads" + at(exception) + ": "
                    + READER_SETTING.matcher(limit.getOriginalMessage()).replaceAll("");
        } else if (exception instanceof UnrecognizedPropertyException unknown) {
            message = "is not a known property; known properties: " + unknown.getKnownPropertyIds().stream()
                    .map(Object::toString).sorted().collect(Collectors.joining(", "));
        } else if (exception instanceof StrictJson.InvalidValueException) {
            message = original;
        } else if (exception instanceof InvalidFormatException invalid) {
            message = "cannot be '" + QueryParameters.abbreviate(String.valueOf(invalid.getValue())) + "'; it must be "
                    + describe(invalid.getTargetType());
        } else if (original.startsWith("Trailing token")) {
            field = "";
            message = "has more content after its JSON value" + at(exception) + "; send exactly one JSON value";
        } else if (exception instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
            message = "must be " + describe(mismatched.getTargetType());
        } else if (duplicate.find()) {
            field = field.isEmpty() ? duplicate.group(1) : field + "." + duplicate.group(1);
            message = "appears more than once" + at(exception) + "; each property may be given once";
        } else if (exception instanceof JsonEOFException || original.startsWith("No content to map")) {
            message = "ends before its JSON value is complete" + at(exception);
        } else {
            message = "is not valid JSON" + at(exception) + ": " + firstLine(original);
        }
        String subject = field.isEmpty() ? "The request body" : "Field '" + field + "'";
        return new ProblemException(ProblemType.MALFORMED_REQUEST, 400, subject + " " + message,
                List.of(new Problem.FieldError(field.isEmpty() ? "(body)" : field, message)), null, Map.of());
    }

    private static StreamConstraintsException readerLimit(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof StreamConstraintsException limit) {
                return limit;
            }
        }
        return null;
    }

    private static String at(JsonProcessingException exception) {
        JsonLocation location = exception.getLocation();
        return location == null || location.getLineNr() < 1 ? ""
                : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    /** Jackson's own wording of a syntax error, without the parts that name its internals. */
    private static String firstLine(String message) {
        String line = message.lines().findFirst().orElse("").replaceAll("\\s*\\(code \\d+\\)", "");
        return QueryParameters.abbreviate(line, 200);
    }

    private static ProblemException unauthorized(String detail) {
        return new ProblemException(ProblemType.UNAUTHORIZED, 401, detail, null, null,
                Map.of("WWW-Authenticate", BEARER_CHALLENGE));
    }

    private static RestResponse<Problem> respond(ProblemException exception, UriInfo uriInfo) {
        Problem problem = new Problem(exception.type().uri(), exception.type().title(), exception.status(),
                exception.getMessage(), uriInfo.getPath(), exception.errors(), exception.conflicts());
        RestResponse.ResponseBuilder<Problem> response = RestResponse.ResponseBuilder.<Problem>create(exception.status())
                .entity(problem).type(Problem.MEDIA_TYPE);
        exception.headers().forEach(response::header);
        return response.build();
    }

    /**
     * {@code create.request.categories[1]} becomes {@code categories[1]}, and {@code items[0].children[2].label}
     * stays so: the field as the client sent it.
     */
    private static String fieldPath(ConstraintViolation<?> violation) {
        StringBuilder path = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.PARAMETER
                    || node.getKind() == ElementKind.CONTAINER_ELEMENT && node.getName() == null) {
                continue;
            }
            // A node inside a list carries its element's index, which belongs to the list before the node's name.
            if (node.getIndex() != null) {
                path.append('[').append(node.getIndex()).append(']');
            }
            if (node.getName() != null && !node.getName().startsWith("<")) {
                path.append(path.isEmpty() ? "" : ".").append(node.getName());
            }
        }
        return path.isEmpty() ? "(body)" : path.toString();
    }

    private static String jsonPath(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String describe(Class<?> type) {
        if (type.isEnum()) {
            return "one of: " + enumValues(type);
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "an ISO-8601 timestamp such as 2025-07-16T09:00:00Z";
        }
        return "an object";
    }

    private static String enumValues(Class<?> type) {
        return java.util.Arrays.stream(type.getEnumConstants())
                .map(constant -> WireEnum.name((Enum<?>) constant))
                .collect(Collectors.joining(", "));
    }
}
