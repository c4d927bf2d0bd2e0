package org.noticeboard.common;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Completes the document with what every operation of a kind answers, so that each resource states only what is
 * particular to it: the problems the HTTP edge, sign-in, preconditions and body parsing give, the headers of
 * caching, paging and creation, PATCH bodies of their own, and which properties are required or may be null.
 */
public class ApiDocumentFilter implements OASFilter {

    private static final String SCHEMAS = "#/components/schemas/";
    private static final String PROBLEM_SCHEMA = SCHEMAS + "Problem";

    @Override
    public void filterOpenAPI(OpenAPI api) {
        api.servers(List.of(OASFactory.createServer().url("/").description("This server")));
        Components components = api.getComponents();
        Set<String> requestRoots = new LinkedHashSet<>();
        Set<String> responseRoots = new LinkedHashSet<>();
        Collection<PathItem> paths = api.getPaths().getPathItems().values();
        for (PathItem item : paths) {
            item.getOperations().forEach((method, operation) -> {
                document(method, operation);
                if (operation.getRequestBody() != null) {
                    requestRoots.addAll(refsIn(operation.getRequestBody().getContent()));
                }
                operation.getResponses().getAPIResponses().values()
                        .forEach(response -> responseRoots.addAll(refsIn(response.getContent())));
            });
        }
        Map<String, Schema> schemas = components.getSchemas();
        Set<String> requestSchemas = reachable(requestRoots, schemas);
        for (String name : requestSchemas) {
            refuseUnknownAndAllowNullForOptional(schemas.get(name));
        }
        for (String name : reachable(responseRoots, schemas)) {
            // A part of requests too (a featured image, the contact details) keeps what may be left out of them.
            if (!requestSchemas.contains(name)) {
                requireEveryPropertyUnlessDeclared(schemas.get(name));
            }
        }
        // After the above: a patch shares its properties with the full body, whose required ones stay non-null.
        for (PathItem item : paths) {
            if (item.getPATCH() != null) {
                givePatchItsOwnSchema(item.getPATCH(), components);
            }
            item.getOperations().values().forEach(operation -> inlineEnumParameters(operation, components));
        }
        Set<String> used = new LinkedHashSet<>();
        for (PathItem item : paths) {
            item.getOperations().values().forEach(operation -> used.addAll(refsIn(operation)));
        }
        Set<String> stillUsed = reachable(used, components.getSchemas());
        List.copyOf(components.getSchemas().keySet()).stream().filter(name -> !stillUsed.contains(name))
                .forEach(components::removeSchema);
        components.getSchemas().values().forEach(schema -> typeNullableReferences(schema, components.getSchemas()));
    }

    private static void document(PathItem.HttpMethod method, Operation operation) {
        APIResponses responses = operation.getResponses();
        boolean takesToken = operation.getSecurity() != null && !operation.getSecurity().isEmpty();
        boolean needsToken = takesToken && operation.getSecurity().stream()
                .noneMatch(requirement -> requirement.getSchemes() == null || requirement.getSchemes().isEmpty());
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        if (!takesToken) {
            // Said outright, so that no reader (or linter) wonders whether a public read was left unprotected.
            operation.setSecurity(new ArrayList<>());
        }
        boolean takesIfMatch = false;
        for (Parameter parameter : parameters) {
            if (parameter.getIn() == Parameter.In.HEADER && "If-Match".equals(parameter.getName())) {
                // Its absence is a 428: for a client, it is not optional.
                parameter.setRequired(true);
                takesIfMatch = true;
            }
        }

        addIfAbsent(responses, "400", "The request is malformed: a query parameter, header or body the operation "
                + "does not take or cannot read");
        // A token that is sent is checked on every operation, public reads included: a wrong one is never ignored.
        addIfAbsent(responses, "401", "The bearer token sent is unknown, expired or revoked"
                + (needsToken ? ", or there is none" : ""));
        if (needsToken || method != PathItem.HttpMethod.GET) {
            addIfAbsent(responses, "403", "Your role may not do this, or the request comes from a web origin that "
                    + "may not write");
        }
        if (parameters.stream().anyMatch(parameter -> parameter.getIn() == Parameter.In.PATH)) {
            addIfAbsent(responses, "404", "There is no such resource");
        }
        addIfAbsent(responses, "406", "Accept names no media type this operation answers with");
        addIfAbsent(responses, "414", "The path and query are longer than the limit (8,192 characters)");
        addIfAbsent(responses, "431", "The request headers are larger than the limit (16 KiB in all)");
        if (operation.getRequestBody() != null) {
            addIfAbsent(responses, "411", "The body was sent without Content-Length (chunked)");
            addIfAbsent(responses, "413", "The body is larger than 4 MiB");
            addIfAbsent(responses, "415", "The body has no Content-Type, one this operation does not read, or a "
                    + "Content-Encoding");
            addIfAbsent(responses, "422", "A field is missing or invalid; the problem's errors name each one");
        }
        if (takesIfMatch) {
            addIfAbsent(responses, "412", "The resource changed since you read it, or If-Match named a public read's "
                    + "ETag: nothing was changed. Read it again signed in and retry");
            addIfAbsent(responses, "428", "If-Match is missing: send the ETag of your last signed-in read");
        }
        addIfAbsent(responses, "503", "The database cannot be reached: nothing was changed; retry after Retry-After "
                + "seconds");
        if (method == PathItem.HttpMethod.GET && responses.hasAPIResponse("200")) {
            addIfAbsent(responses, "304", "Not modified: If-None-Match or If-Modified-Since matched what you hold");
        }

        for (Map.Entry<String, APIResponse> entry : responses.getAPIResponses().entrySet()) {
            String code = entry.getKey();
            APIResponse response = entry.getValue();
            if (code.startsWith("4") || code.startsWith("5")) {
                response.setContent(problemContent());
            }
            // A header declared with only a description (@Header(name, description)) is text; OpenAPI wants it said.
            if (response.getHeaders() != null) {
                response.getHeaders().values().stream()
                        .filter(declared -> declared.getSchema() == null && declared.getContent() == null
                                && declared.getRef() == null)
                        .forEach(declared -> declared.setSchema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
            }
            if ((code.startsWith("2") && response.getContent() != null) || code.equals("304")) {
                response.addHeader("ETag", header("The entity tag of the body: the editing tag of the resource "
                        + "when read signed in or changed, else a hash of the bytes"));
            }
            boolean ownCacheControl = response.getHeaders() != null && response.getHeaders().containsKey("Cache-Control");
            if (code.equals("200") && method == PathItem.HttpMethod.GET && !ownCacheControl) {
                response.addHeader("Cache-Control", header("public with max-age for anonymous reads; private, "
                        + "no-store when read signed in"));
            }
            if (code.equals("200") && refsIn(response.getContent()).stream().anyMatch(ref -> ref.startsWith("Paged"))) {
                response.addHeader("Link", header("RFC 8288 links to the first, previous, next and last pages"));
            }
            if (code.equals("201") || code.equals("301")) {
                response.addHeader("Location", header(code.equals("201") ? "The address of what was created"
                        : "The current address"));
            }
            if (code.equals("429") || code.equals("503")) {
                response.addHeader("Retry-After", OASFactory.createHeader()
                        .description("Seconds to wait before trying again")
                        .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).minimum(BigDecimal.ZERO)));
            }
        }
    }

    /**
     * A merge patch sends only what changes, so it cannot share the create schema and its required fields: each
     * PATCH body gets {@code <Name>Patch}, the same properties with none required. PATCH reads plain JSON too.
     */
    private static void givePatchItsOwnSchema(Operation operation, Components components) {
        if (operation.getRequestBody() == null) {
            return;
        }
        Content content = operation.getRequestBody().getContent();
        for (MediaType mediaType : content.getMediaTypes().values()) {
            Schema reference = mediaType.getSchema();
            if (reference == null || reference.getRef() == null) {
                continue;
            }
            String patchName = patchOf(reference.getRef().substring(SCHEMAS.length()), components);
            mediaType.setSchema(OASFactory.createSchema().ref(SCHEMAS + patchName));
        }
        if (!content.hasMediaType(jakarta.ws.rs.core.MediaType.APPLICATION_JSON)) {
            MediaType mergePatch = content.getMediaType(MergePatch.MEDIA_TYPE);
            content.addMediaType(jakarta.ws.rs.core.MediaType.APPLICATION_JSON, OASFactory.createMediaType()
                    .schema(OASFactory.createSchema().ref(mergePatch.getSchema().getRef())));
        }
    }

    /** OpenAPI 3.0 gives {@code nullable} no meaning without a {@code type}: a nullable reference takes its target's. */
    private static void typeNullableReferences(Schema schema, Map<String, Schema> schemas) {
        if (schema.getProperties() == null) {
            return;
        }
        for (Schema property : schema.getProperties().values()) {
            List<Schema> choices = property.getAnyOf();
            if (property.getType() == null && choices != null && choices.size() == 2 && choices.get(0).getRef() != null
                    && choices.get(1).getType() != null && choices.get(1).getType().contains(Schema.SchemaType.NULL)) {
                Schema target = schemas.get(choices.get(0).getRef().substring(SCHEMAS.length()));
                List<Schema.SchemaType> type = target == null || target.getType() == null
                        ? List.of(Schema.SchemaType.OBJECT) : target.getType();
                property.setType(new ArrayList<>(type));
                property.addType(Schema.SchemaType.NULL);
            }
        }
    }

    /**
     * A query value is a word, not JSON: an enum parameter is written out in place (type, values, default), which
     * client generators and validators read as the plain string it is, rather than as a composition.
     */
    private static void inlineEnumParameters(Operation operation, Components components) {
        if (operation.getParameters() == null) {
            return;
        }
        for (Parameter parameter : operation.getParameters()) {
            Schema schema = parameter.getSchema();
            if (schema == null) {
                continue;
            }
            List<Schema> parts = new ArrayList<>(List.of(schema));
            if (schema.getAllOf() != null) {
                parts.addAll(schema.getAllOf());
            }
            Object defaultValue = parts.stream().map(Schema::getDefaultValue).filter(Objects::nonNull).findFirst().orElse(null);
            parts.stream().map(Schema::getRef).filter(Objects::nonNull)
                    .map(ref -> components.getSchemas().get(ref.substring(SCHEMAS.length())))
                    .filter(target -> target != null && target.getEnumeration() != null).findFirst()
                    .ifPresent(target -> parameter.setSchema(OASFactory.createSchema()
                            .type(new ArrayList<>(target.getType())).enumeration(new ArrayList<>(target.getEnumeration()))
                            .defaultValue(defaultValue)));
        }
    }

    /** A merge patch merges objects within objects too: each of them is patched, only an array is replaced whole. */
    private static String patchOf(String baseName, Components components) {
        String patchName = baseName.replaceFirst("Request$", "") + "Patch";
        if (components.getSchemas().containsKey(patchName)) {
            return patchName;
        }
        Schema base = components.getSchemas().get(baseName);
        Schema patch = OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .description("Any of the fields of " + baseName + "; a field sent as null is reset to its default "
                        + "(RFC 7396)")
                .additionalPropertiesBoolean(Boolean.FALSE)
                // The full body is a patch too, and one that runs as it is.
                .example(base.getExample());
        components.addSchema(patchName, patch);
        base.getProperties().forEach((name, property) -> {
            String target = objectReferredTo(property, components);
            if (target == null) {
                patch.addProperty(name, property);
            } else {
                Schema nested = OASFactory.createSchema().ref(SCHEMAS + patchOf(target, components));
                patch.addProperty(name, property.getRef() != null ? nested : OASFactory.createSchema()
                        .addAnyOf(nested).addAnyOf(OASFactory.createSchema().addType(Schema.SchemaType.NULL)));
            }
        });
        return patchName;
    }

    /** The object schema a property refers to, itself or as "it or null"; null for anything else. */
    private static String objectReferredTo(Schema property, Components components) {
        String ref = property.getRef();
        if (ref == null && property.getAnyOf() != null && !property.getAnyOf().isEmpty()) {
            ref = property.getAnyOf().get(0).getRef();
        }
        if (ref == null || !ref.startsWith(SCHEMAS)) {
            return null;
        }
        String name = ref.substring(SCHEMAS.length());
        Schema target = components.getSchemas().get(name);
        return target != null && target.getProperties() != null ? name : null;
    }

    /** Strict JSON refuses unknown properties, and reads null as "left out" for every optional one. */
    private static void refuseUnknownAndAllowNullForOptional(Schema schema) {
        if (schema.getProperties() == null) {
            return;
        }
        schema.setAdditionalPropertiesBoolean(Boolean.FALSE);
        List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
        schema.getProperties().forEach((name, property) -> {
            if (!required.contains(name)) {
                allowNull(property);
            }
        });
    }

    /**
     * Every property of an answer is sent, null or not, unless the record states which are required (those whose
     * absence means something, such as the audit block only editors see).
     */
    private static void requireEveryPropertyUnlessDeclared(Schema schema) {
        if (schema.getProperties() != null && (schema.getRequired() == null || schema.getRequired().isEmpty())) {
            schema.setRequired(new ArrayList<>(schema.getProperties().keySet()));
        }
    }

    private static void allowNull(Schema property) {
        if (property.getRef() != null) {
            // A reference takes no siblings: null is the other choice beside it (written as nullable in 3.0).
            String ref = property.getRef();
            property.setRef(null);
            property.addAnyOf(OASFactory.createSchema().ref(ref));
            property.addAnyOf(OASFactory.createSchema().addType(Schema.SchemaType.NULL));
        } else if (property.getType() == null || !property.getType().contains(Schema.SchemaType.NULL)) {
            property.addType(Schema.SchemaType.NULL);
        }
    }

    private static Set<String> reachable(Collection<String> roots, Map<String, Schema> schemas) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(roots);
        while (!todo.isEmpty()) {
            String name = todo.pop();
            Schema schema = schemas.get(name);
            if (schema != null && seen.add(name)) {
                todo.addAll(refsIn(schema));
            }
        }
        return seen;
    }

    private static Set<String> refsIn(Operation operation) {
        Set<String> refs = new LinkedHashSet<>();
        if (operation.getRequestBody() != null) {
            refs.addAll(refsIn(operation.getRequestBody().getContent()));
        }
        operation.getResponses().getAPIResponses().values().forEach(response -> refs.addAll(refsIn(response.getContent())));
        if (operation.getParameters() != null) {
            operation.getParameters().forEach(parameter -> refs.addAll(refsIn(parameter.getSchema())));
        }
        return refs;
    }

    private static Set<String> refsIn(Content content) {
        Set<String> refs = new LinkedHashSet<>();
        if (content != null) {
            content.getMediaTypes().values().stream().map(MediaType::getSchema).filter(Objects::nonNull)
                    .forEach(schema -> refs.addAll(refsIn(schema)));
        }
        return refs;
    }

    private static Set<String> refsIn(Schema schema) {
        Set<String> refs = new LinkedHashSet<>();
        if (schema == null) {
            return refs;
        }
        if (schema.getRef() != null && schema.getRef().startsWith(SCHEMAS)) {
            refs.add(schema.getRef().substring(SCHEMAS.length()));
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(property -> refs.addAll(refsIn(property)));
        }
        refs.addAll(refsIn(schema.getItems()));
        for (List<Schema> composed : Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())) {
            if (composed != null) {
                composed.forEach(part -> refs.addAll(refsIn(part)));
            }
        }
        return refs;
    }

    private static Header header(String description) {
        return OASFactory.createHeader().description(description)
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING));
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
