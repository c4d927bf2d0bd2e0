package org.noticeboard.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Answers with a problem from a Vert.x route, for the checks that run before any resource (where the
 * exception mappers cannot help).
 */
@ApplicationScoped
public class ProblemWriter {

    private static final int MAX_INSTANCE_LENGTH = 1024;

    private final ObjectMapper json;

    ProblemWriter(ObjectMapper json) {
        this.json = json;
    }

    public void write(RoutingContext context, ProblemException exception) {
        HttpServerRequest request = context.request();
        String path = request.path();
        String instance = path == null || path.length() > MAX_INSTANCE_LENGTH ? null : path;
        Problem problem = new Problem(exception.type().uri(), exception.type().title(), exception.status(),
                exception.getMessage(), instance, exception.errors(), exception.conflicts());
        HttpServerResponse response = context.response();
        exception.headers().forEach(response::putHeader);
        if (!request.isEnded()) {
            // Refused before its body was read: reading on could mean a large upload, and the unread bytes
            // would otherwise be taken for the next request on this connection.
            response.putHeader("Connection", "close");
            response.endHandler(ended -> request.connection().close());
        }
        try {
            response.setStatusCode(exception.status()).putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .end(json.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            context.fail(e);
        }
    }
}
