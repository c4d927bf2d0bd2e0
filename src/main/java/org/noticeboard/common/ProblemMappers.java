package org.noticeboard.common;

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

import java.util.List;
import java.util.UUID;

/**
 * Turns every failure into RFC 9457 problem details. Nothing here echoes exception classes or stack
 * traces: unexpected errors are logged with a reference that the response repeats.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public RestResponse<Problem> problem(ProblemException exception, UriInfo uriInfo) {
        return respond(exception.type(), exception.status(), exception.getMessage(), uriInfo, exception.errors());
    }

    @ServerExceptionMapper
    public RestResponse<Problem> notFound(NotFoundException exception, UriInfo uriInfo) {
        return respond(ProblemType.NOT_FOUND, 404, "No resource exists at " + uriInfo.getPath(), uriInfo, null);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> notAllowed(NotAllowedException exception, UriInfo uriInfo, Request request) {
        return respond(ProblemType.METHOD_NOT_ALLOWED, 405,
                uriInfo.getPath() + " does not accept " + request.getMethod(), uriInfo, null);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> notAcceptable(NotAcceptableException exception, UriInfo uriInfo) {
        return respond(ProblemType.NOT_ACCEPTABLE, 406, "This operation produces JSON; check the Accept header", uriInfo, null);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> unsupportedMediaType(NotSupportedException exception, UriInfo uriInfo) {
        return respond(ProblemType.UNSUPPORTED_MEDIA_TYPE, 415, "Send the request body as application/json", uriInfo, null);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> otherHttpError(WebApplicationException exception, UriInfo uriInfo) {
        int status = exception.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(exception, uriInfo);
        }
        return respond(ProblemType.HTTP_ERROR, status, exception.getResponse().getStatusInfo().getReasonPhrase(), uriInfo, null);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> unexpected(Throwable throwable, UriInfo uriInfo) {
        String reference = UUID.randomUUID().toString();
        LOG.errorf(throwable, "Unexpected error %s on %s", reference, uriInfo.getPath());
        return respond(ProblemType.INTERNAL_ERROR, 500,
                "The server could not complete the request (reference " + reference + ")", uriInfo, null);
    }

    static RestResponse<Problem> respond(ProblemType type, int status, String detail, UriInfo uriInfo,
                                         List<Problem.FieldError> errors) {
        Problem problem = new Problem(type.uri(), type.title(), status, detail, uriInfo.getPath(), errors);
        return RestResponse.ResponseBuilder.<Problem>create(status).entity(problem).type(Problem.MEDIA_TYPE).build();
    }
}
