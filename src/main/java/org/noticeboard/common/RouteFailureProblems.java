package org.noticeboard.common;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.HttpException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.Map;
import java.util.UUID;

/**
 * Answers with a problem what fails in the router rather than in a resource (whose failures the exception
 * mappers answer): a request Vert.x refuses before routing it, such as one without a Host header, or a fault in
 * one of Quarkus's own routes. Quarkus's last-resort handler would answer with a JSON of its own.
 */
@ApplicationScoped
public class RouteFailureProblems {

    private static final Logger LOG = Logger.getLogger(RouteFailureProblems.class);

    private final ProblemWriter problems;

    RouteFailureProblems(ProblemWriter problems) {
        this.problems = problems;
    }

    void register(@Observes Router router) {
        router.route().order(-SecurityHeaders.PRIORITY).failureHandler(this::handle);
    }

    void handle(RoutingContext context) {
        if (context.response().headWritten()) {
            context.next();
            return;
        }
        int status = context.failure() instanceof HttpException http ? http.getStatusCode() : context.statusCode();
        SecurityHeaders.setOnFailure(context);
        if (status < 400 || status >= 500) {
            String reference = UUID.randomUUID().toString();
            LOG.errorf(context.failure(), "Unexpected error %s on %s", reference, context.request().path());
            problems.write(context, new ProblemException(ProblemType.INTERNAL_ERROR,
                    "The server could not complete the request (reference " + reference + ")"));
            return;
        }
        ProblemType type = switch (status) {
            case 404 -> ProblemType.NOT_FOUND;
            case 405 -> ProblemType.METHOD_NOT_ALLOWED;
            case 413 -> ProblemType.PAYLOAD_TOO_LARGE;
            default -> ProblemType.HTTP_ERROR;
        };
        String reason = HttpResponseStatus.valueOf(status).reasonPhrase();
        LOG.debugf("Refused %s %s: %d %s", context.request().method(), QueryParameters.abbreviate(context.request().uri()),
                status, reason);
        problems.write(context, new ProblemException(type, status, "The request was refused: " + reason, null, null, Map.of()));
    }
}
