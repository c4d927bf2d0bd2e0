package org.noticeboard.support;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Body;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.StringBody;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.RestAssuredRequest;
import com.atlassian.oai.validator.restassured.RestAssuredResponse;
import io.quarkus.test.junit.callback.QuarkusTestBeforeClassCallback;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import io.restassured.RestAssured;
import io.restassured.authentication.PreemptiveOAuth2HeaderScheme;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks every request the HTTP tests send, and every answer they get, against the committed
 * openapi/openapi.yaml: an answer whose status, headers or body the document does not describe fails the test
 * that received it. Registered for every @QuarkusTest through META-INF/services.
 */
public class ContractValidation implements QuarkusTestBeforeClassCallback, Filter {

    private static final OpenApiInteractionValidator VALIDATOR = OpenApiInteractionValidator.createFor(document())
            .build();

    /**
     * What the validator cannot judge, so reports it wrongly: each key with the reason.
     */
    private static final Set<String> NOT_FOR_THE_VALIDATOR = Set.of(
            // A test of the edge itself sends what no operation declares (unknown paths and methods, ../ segments);
            // what it gets is checked by that test, and by the document's 404/405 only where a path exists.
            "validation.request.path.missing",
            "validation.request.operation.notAllowed",
            // Only the Accept header's first value is matched, without its q-values and wildcards; and an answer
            // without a body (204) takes any Accept, which OpenAPI has no way to say.
            "validation.request.accept.invalid",
            "validation.request.accept.notAllowed",
            // It reads the scheme name "Bearer" case-sensitively; HTTP makes it case-insensitive (RFC 9110 11.1).
            // Who may do what is AccessMatrixTest's to prove, operation by operation.
            "validation.request.security.invalid");

    @Override
    public void beforeClass(Class<?> testClass) {
        if (RestAssured.filters().stream().noneMatch(ContractValidation.class::isInstance)) {
            RestAssured.filters(this);
        }
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec,
                           FilterContext context) {
        Response response = context.next(request, responseSpec);
        String path = request.getDerivedPath();
        String method = request.getMethod();
        if (path.startsWith("/q/") || method.equals("HEAD") || method.equals("OPTIONS")) {
            return response;
        }
        Request validated = new DocumentedRequest(RestAssuredRequest.of(request), documentedPath(path),
                bearer(request), formBody(request));
        // A refused request may be wrong in any way (that is what such tests send); a request the server took
        // must be one the document allows, so that the document is never stricter than the server.
        ValidationReport report = response.statusCode() < 400
                ? VALIDATOR.validate(validated, RestAssuredResponse.of(response))
                : VALIDATOR.validateResponse(validated.getPath(), validated.getMethod(), RestAssuredResponse.of(response));
        List<ValidationReport.Message> errors = report.getMessages().stream()
                .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
                .filter(message -> !NOT_FOR_THE_VALIDATOR.contains(message.getKey()))
                .toList();
        if (!errors.isEmpty()) {
            throw new AssertionError(method + " " + path + " -> " + response.statusCode()
                    + " does not keep openapi/openapi.yaml:\n" + errors.stream()
                    .map(message -> "  " + message.getKey() + ": " + message.getMessage()
                            + message.getNestedMessages().stream().map(nested -> "\n    " + nested.getMessage())
                            .collect(Collectors.joining()))
                    .collect(Collectors.joining("\n")) + "\nbody: " + abbreviate(response.asString()));
        }
        return response;
    }

    private static OpenAPI document() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        options.setResolveCombinators(false);
        SwaggerParseResult parsed = new OpenAPIV3Parser()
                .readLocation(Path.of("openapi", "openapi.yaml").toAbsolutePath().toUri().toString(), null, options);
        if (parsed.getOpenAPI() == null) {
            throw new IllegalStateException("openapi/openapi.yaml cannot be read: " + parsed.getMessages());
        }
        OpenAPI document = parsed.getOpenAPI();
        Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        document.getComponents().getSchemas().values().forEach(schema -> mergeNullableReferences(schema, seen));
        document.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
            if (operation.getRequestBody() != null) {
                operation.getRequestBody().getContent().values()
                        .forEach(media -> mergeNullableReferences(media.getSchema(), seen));
            }
            operation.getResponses().values().stream().filter(response -> response.getContent() != null)
                    .forEach(response -> response.getContent().values()
                            .forEach(media -> mergeNullableReferences(media.getSchema(), seen)));
        }));
        return document;
    }

    /**
     * The validator checks null against each part of {@code nullable: true, allOf: [X]} (OpenAPI 3.0's way of saying
     * "X or null") and so refuses it: each such schema is given X's own keywords instead, null allowed.
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void mergeNullableReferences(Schema schema, Set<Object> seen) {
        if (schema == null || !seen.add(schema)) {
            return;
        }
        if (Boolean.TRUE.equals(schema.getNullable()) && schema.getAllOf() != null && schema.getAllOf().size() == 1) {
            Schema target = (Schema) schema.getAllOf().get(0);
            schema.setAllOf(null);
            schema.setType(target.getType());
            schema.setFormat(target.getFormat());
            schema.setProperties(target.getProperties());
            schema.setRequired(target.getRequired());
            schema.setAdditionalProperties(target.getAdditionalProperties());
            schema.setItems(target.getItems());
            if (target.getEnum() != null) {
                List values = new ArrayList(target.getEnum());
                values.add(null);
                schema.setEnum(values);
            }
        }
        if (schema.getProperties() != null) {
            ((Map<String, Schema>) schema.getProperties()).values().forEach(property -> mergeNullableReferences(property, seen));
        }
        mergeNullableReferences(schema.getItems(), seen);
        if (schema.getAllOf() != null) {
            ((List<Schema>) schema.getAllOf()).forEach(part -> mergeNullableReferences(part, seen));
        }
    }

    /** A page's path holds slashes, which OpenAPI path templates cannot: it is one encoded segment here. */
    private static String documentedPath(String path) {
        String prefix = "/api/pages/by-path/";
        return path.startsWith(prefix) ? prefix + path.substring(prefix.length()).replace("/", "%2F") : path;
    }

    /** REST Assured adds an oauth2() token only after the filters have run. */
    private static Optional<String> bearer(FilterableRequestSpecification request) {
        return request.getAuthenticationScheme() instanceof PreemptiveOAuth2HeaderScheme scheme
                ? Optional.of("Bearer " + scheme.getAccessToken()) : Optional.empty();
    }

    /** REST Assured's adapter leaves formParam() values out of the body it hands the validator. */
    private static Optional<String> formBody(FilterableRequestSpecification request) {
        if (request.getFormParams().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(request.getFormParams().entrySet().stream()
                .map(entry -> URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(String.valueOf(entry.getValue()), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&")));
    }

    private static String abbreviate(String body) {
        return body.length() <= 2000 ? body : body.substring(0, 2000) + "…";
    }

    private record DocumentedRequest(Request request, String path, Optional<String> bearer, Optional<String> form)
            implements Request {

        @Override
        public String getPath() {
            return path;
        }

        @Override
        public Method getMethod() {
            return request.getMethod();
        }

        @Override
        public Optional<String> getBody() {
            return form.isPresent() ? form : request.getBody();
        }

        @Override
        public Optional<Body> getRequestBody() {
            return form.isPresent() ? form.map(text -> new StringBody(text, StandardCharsets.UTF_8)) : request.getRequestBody();
        }

        @Override
        public Collection<String> getQueryParameters() {
            return request.getQueryParameters();
        }

        @Override
        public Collection<String> getQueryParameterValues(String name) {
            return request.getQueryParameterValues(name);
        }

        @Override
        public Map<String, Collection<String>> getHeaders() {
            Map<String, Collection<String>> headers = new LinkedHashMap<>(request.getHeaders());
            bearer.ifPresent(value -> headers.put("Authorization", List.of(value)));
            return headers;
        }

        @Override
        public Collection<String> getHeaderValues(String name) {
            return name.equalsIgnoreCase("Authorization") && bearer.isPresent()
                    ? List.of(bearer.get()) : request.getHeaderValues(name);
        }
    }
}
