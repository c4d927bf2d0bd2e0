package org.noticeboard.common;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

import java.util.List;
import java.util.Map;

/**
 * Documents every error response as problem details, and adds the answers every conditional write gives and
 * those that {@code RequestGuard}, the sign-in check and the JSON reader give to any operation of their kind, so
 * that resources only state the error codes particular to them.
 */
public class ProblemResponsesFilter implements OASFilter {

    private static final String PROBLEM_SCHEMA = "#/components/schemas/Problem";

    @Override
    public Operation filterOperation(Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            return operation;
        }
        if (takesIfMatch(operation)) {
            addIfAbsent(responses, "412", "The resource changed since you read it, or If-Match named a public read's ETag: "
                    + "nothing was changed. Read it again signed in and retry");
            addIfAbsent(responses, "428", "If-Match is missing: send the ETag of your last signed-in read");
        }
        addRefusalsOfAnyRequest(operation, responses);
        for (Map.Entry<String, APIResponse> entry : responses.getAPIResponses().entrySet()) {
            if (entry.getKey().startsWith("4") || entry.getKey().startsWith("5")) {
                entry.getValue().setContent(problemContent());
            }
        }
        return operation;
    }

    private static void addRefusalsOfAnyRequest(Operation operation, APIResponses responses) {
        addIfAbsent(responses, "400", "A parameter, a header or the body cannot be read; the problem names it");
        addIfAbsent(responses, "406", "The Accept header asks for nothing this operation can produce");
        addIfAbsent(responses, "414", "The path and query are longer than the limit (8,192 characters)");
        addIfAbsent(responses, "431", "The request headers are larger than the limit (16 KiB in all)");
        List<SecurityRequirement> security = operation.getSecurity() == null ? List.of() : operation.getSecurity();
        boolean takesToken = security.stream().anyMatch(requirement -> !requirement.getSchemes().isEmpty());
        if (takesToken) {
            addIfAbsent(responses, "401", "The bearer token is missing, unknown, expired or revoked, or Authorization "
                    + "is not 'Bearer <token>'");
        }
        if (takesToken && security.stream().noneMatch(requirement -> requirement.getSchemes().isEmpty())) {
            addIfAbsent(responses, "403", "Your role may not do this");
        }
        if (operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(parameter -> parameter.getIn() == Parameter.In.PATH)) {
            addIfAbsent(responses, "404", "Nothing exists at this address");
        }
        if (operation.getRequestBody() != null) {
            addIfAbsent(responses, "411", "The body was sent without Content-Length (chunked)");
            addIfAbsent(responses, "413", "The body is larger than the limit (4 MiB)");
            addIfAbsent(responses, "415", "The body has no Content-Type, one this operation does not read, or a "
                    + "Content-Encoding");
            addIfAbsent(responses, "422", "A field is missing or invalid; the problem names it");
        }
    }

    private static boolean takesIfMatch(Operation operation) {
        return operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(parameter -> parameter.getIn() == Parameter.In.HEADER && "If-Match".equals(parameter.getName()));
    }

    private static void addIfAbsent(APIResponses responses, String code, String description) {
        if (!responses.hasAPIResponse(code)) {
            responses.addAPIResponse(code, OASFactory.createAPIResponse().description(description));
        }
    }

    private static Content problemContent() {
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_SCHEMA)));
    }
}
