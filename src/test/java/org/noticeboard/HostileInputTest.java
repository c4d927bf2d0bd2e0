package org.noticeboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import net.jqwik.api.sessions.JqwikSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.noticeboard.auth.SignInThrottle;
import org.noticeboard.category.Category;
import org.noticeboard.comment.CommentFixtures;
import org.noticeboard.menu.Menu;
import org.noticeboard.page.Page;
import org.noticeboard.post.Post;
import org.noticeboard.support.DatabaseSnapshot;
import org.noticeboard.support.HostileValues;
import org.noticeboard.support.RawHttp;
import org.noticeboard.support.TestData;
import org.noticeboard.user.Role;
import org.noticeboard.user.User;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sends every operation of the committed OpenAPI document hostile values, generated from a fixed seed and read
 * from {@code hostile/corpus.txt}, in every parameter, header and body field, and whole bodies that are not what
 * the operation reads, as each identity its security allows. Every answer must be a status the document lists for
 * the operation, never a 5xx or a dropped connection; every refusal a problem that names no class; and a refusal
 * must leave every table as it was. Operations added to the document later are covered without changing this
 * test.
 *
 * <p>{@code -Dhostile.tries=N} sets the cases per operation, {@code -Dhostile.seed=S} the seed, and
 * {@code -Dhostile.only=operationId} limits a run to one operation.
 */
@QuarkusTest
class HostileInputTest {

    private static final long SEED = Long.getLong("hostile.seed", 9L);
    private static final int TRIES = Integer.getInteger("hostile.tries", 35);
    private static final String ONLY = System.getProperty("hostile.only", "");

    /**
     * Values in the address and headers stop here: past the API's own limits (8 KiB, 16 KiB), which answer with
     * problems, and short of Netty's (64 KiB), which answers with an empty body before any of the API's code runs.
     */
    private static final int ADDRESS_AND_HEADER_CAP = 20_000;

    /** Properties no request body declares and none may set: who made or changed a row, when, and which version. */
    private static final List<String> SERVER_OWNED = List.of("id", "version", "createdAt", "createdBy", "updatedAt",
            "updatedBy", "audit", "owner", "ownerId", "authorId", "passwordHash", "tokenHash", "role", "userId", "admin");

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ObjectMapper ESCAPING = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    @TestHTTPResource("/")
    URL server;

    @Inject
    TestData data;

    @Inject
    DatabaseSnapshot database;

    @Inject
    SignInThrottle throttle;

    @Inject
    CommentFixtures comments;

    private HostileValues values;
    private JsonNode document;
    private Fixture fixture;
    private Map<String, String> snapshot;

    enum Identity { ANONYMOUS, EDITOR, ADMIN }

    record Parameter(String name, String in, JsonNode schema, boolean required) {
    }

    record Operation(String id, String method, String template, List<Parameter> parameters, String mediaType,
                     JsonNode bodySchema, Set<String> mediaTypes, Set<Integer> statuses, List<Identity> identities) {
    }

    /** What a case sends; the mutations change it from a request an honest client would make. */
    static final class Request {
        final Operation operation;
        Identity identity;
        final Map<String, String> pathValues = new LinkedHashMap<>();
        final List<String[]> query = new ArrayList<>();
        final Map<String, String> headers = new LinkedHashMap<>();
        JsonNode body;
        byte[] rawBody;
        boolean escapeBody;
        String description = "the honest request";
        /** Statuses this case must answer with, besides refusals of the caller; null for any the document lists. */
        Set<Integer> expected;
        /** What the problem's detail must say (a regular expression) when the case is refused for what it is about. */
        String detail;
        boolean beforeAuthentication;

        Request(Operation operation) {
            this.operation = operation;
        }

        void expect(String description, Integer... statuses) {
            this.description = description;
            this.expected = Set.of(statuses);
        }
    }

    record Answer(int status, Map<String, String> headers, String body) {
    }

    /** The rows every case starts from, and the values that make a request reach them. */
    record Fixture(String editorToken, String adminToken, long editorId, String adminEmail, long userId, long tokenId,
                   long postId, String postSlug, long pageId, String pagePath, String categorySlug, String menuSlug,
                   long itemId, String editingTags, String moderationLink) {
    }

    /** Figures of a run: cases sent and statuses answered. */
    static final class Figures {
        final Map<Integer, Integer> statuses = new TreeMap<>();
        final Map<String, Integer> casesByOperation = new TreeMap<>();
        final List<String> failures = new ArrayList<>();
        int cases;

        void count(Request request, Answer answer) {
            cases++;
            statuses.merge(answer == null ? 0 : answer.status(), 1, Integer::sum);
            casesByOperation.merge(request.operation.id(), 1, Integer::sum);
        }

        void fail(Request request, String what) {
            failures.add(request.operation.id() + " " + request.operation.method() + " " + request.operation.template()
                    + " as " + request.identity.name().toLowerCase(Locale.ROOT) + ", " + request.description + ": " + what);
        }
    }

    @BeforeEach
    void readTheDocumentAndSeed() throws IOException {
        // jqwik's generators run inside a session of their own when no jqwik property drives them.
        JqwikSession.start();
        values = new HostileValues();
        document = new YAMLMapper().readTree(Path.of("openapi/openapi.yaml").toFile());
        seed();
    }

    @AfterEach
    void finishSession() {
        JqwikSession.finish();
    }

    @Test
    void everyOperationAnswersHostileInputWithADocumentedProblemAndChangesNothing() {
        List<Operation> operations = operations();
        assertThat(operations).as("operations in the document").hasSizeGreaterThan(40);
        Figures figures = new Figures();
        long started = System.nanoTime();
        for (Operation operation : operations) {
            if (!ONLY.isEmpty() && !ONLY.equals(operation.id())) {
                continue;
            }
            Random random = new Random(SEED ^ operation.id().hashCode());
            for (int i = 0; i < TRIES; i++) {
                Request request = honestRequest(operation, pick(random, operation.identities()));
                mutate(request, random);
                exchange(request, figures);
            }
        }
        System.out.printf("Hostile input: %d operations, %d cases in %.1f s (seed %d, %d tries each); statuses %s%n",
                figures.casesByOperation.size(), figures.cases, (System.nanoTime() - started) / 1e9, SEED, TRIES,
                figures.statuses);
        assertThat(figures.failures).as("answers that break the contract").isEmpty();
    }

    /**
     * Server-owned properties (ids, versions, audit fields, roles and owners where the body does not declare them)
     * are refused in every body, by every operation, and nothing changes.
     */
    @Test
    void noBodySetsWhatTheServerOwns() {
        Figures figures = new Figures();
        for (Operation operation : operations()) {
            if (operation.bodySchema() == null || !operation.mediaType().contains("json")) {
                continue;
            }
            for (String field : SERVER_OWNED) {
                if (properties(operation.bodySchema()).has(field)) {
                    continue;
                }
                for (JsonNode value : List.of(JSON.numberNode(1), JSON.textNode("admin"), JSON.objectNode().put("id", 1))) {
                    Request request = honestRequest(operation, Identity.ADMIN);
                    ((ObjectNode) request.body).set(field, value);
                    request.expect("with the server-owned property " + field + ": " + value, 400, 422);
                    exchange(request, figures);
                }
            }
        }
        System.out.printf("Server-owned properties: %d cases; statuses %s%n", figures.cases, figures.statuses);
        assertThat(figures.cases).isGreaterThan(100);
        assertThat(figures.failures).isEmpty();
    }

    /** Every operation whose body can name a role or act as a user is closed to editors, and no role changes. */
    @Test
    void anEditorCannotRaiseARole() {
        Figures figures = new Figures();
        for (Operation operation : operations()) {
            if (operation.bodySchema() == null || !operation.mediaType().contains("json")) {
                continue;
            }
            JsonNode properties = properties(operation.bodySchema());
            if (!properties.has("role") && !properties.has("userId")) {
                continue;
            }
            for (long target : List.of(fixture.editorId(), fixture.userId())) {
                Request request = honestRequest(operation, Identity.EDITOR);
                if (properties.has("role")) {
                    ((ObjectNode) request.body).put("role", "admin");
                }
                if (properties.has("userId")) {
                    ((ObjectNode) request.body).put("userId", target);
                }
                request.pathValues.replaceAll((name, value) -> name.equals("id") ? String.valueOf(target) : value);
                request.expect("by an editor, for user " + target, 403);
                exchange(request, figures);
            }
        }
        System.out.printf("Roles raised by an editor: %d cases; statuses %s%n", figures.cases, figures.statuses);
        assertThat(figures.cases).as("operations that set a role or act as a user").isGreaterThanOrEqualTo(8);
        assertThat(figures.failures).isEmpty();
        assertThat(data.find(User.class, fixture.editorId()).role).isEqualTo(Role.EDITOR);
        assertThat(data.find(User.class, fixture.userId()).role).isEqualTo(Role.EDITOR);
    }

    // --- The document -------------------------------------------------------------------------------------------

    private List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        document.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(entry -> {
            JsonNode operation = entry.getValue();
            if (!operation.has("operationId")) {
                return;
            }
            List<Parameter> parameters = new ArrayList<>();
            operation.path("parameters").forEach(parameter -> parameters.add(new Parameter(parameter.get("name").asText(),
                    parameter.get("in").asText(), resolve(parameter.path("schema")), parameter.path("required").asBoolean())));
            JsonNode content = operation.path("requestBody").path("content");
            Set<String> mediaTypes = new TreeSet<>();
            content.fieldNames().forEachRemaining(mediaTypes::add);
            String mediaType = mediaTypes.stream().filter(type -> type.contains("json")).findFirst()
                    .orElse(mediaTypes.isEmpty() ? null : mediaTypes.iterator().next());
            JsonNode bodySchema = mediaType == null ? null : resolve(content.get(mediaType).path("schema"));
            Set<Integer> statuses = new TreeSet<>();
            operation.get("responses").fieldNames().forEachRemaining(code -> statuses.add(Integer.parseInt(code)));
            operations.add(new Operation(operation.get("operationId").asText(), entry.getKey().toUpperCase(Locale.ROOT),
                    path.getKey(), parameters, mediaType, bodySchema, mediaTypes, statuses, identities(operation)));
        }));
        return operations;
    }

    /** Anonymous where the security allows no credentials; editors and admins where it takes a bearer token. */
    private static List<Identity> identities(JsonNode operation) {
        JsonNode security = operation.path("security");
        boolean anonymous = security.isMissingNode() || security.isEmpty();
        boolean signedIn = false;
        for (JsonNode requirement : security) {
            anonymous |= requirement.isEmpty();
            signedIn |= !requirement.isEmpty();
        }
        List<Identity> identities = new ArrayList<>();
        // Also anonymously where a token is needed: the refusal must be a documented 401.
        identities.add(Identity.ANONYMOUS);
        if (signedIn) {
            // Twice as often as anonymous: a signed-in request gets past the sign-in check to the code behind it.
            identities.addAll(List.of(Identity.EDITOR, Identity.ADMIN, Identity.EDITOR, Identity.ADMIN));
        }
        if (anonymous && signedIn) {
            identities.add(Identity.ANONYMOUS);
        }
        return identities;
    }

    private JsonNode resolve(JsonNode schema) {
        while (schema.has("$ref")) {
            String[] path = schema.get("$ref").asText().substring(2).split("/");
            JsonNode target = document;
            for (String part : path) {
                target = target.get(part);
            }
            schema = target;
        }
        return schema;
    }

    private JsonNode properties(JsonNode schema) {
        return resolve(schema).path("properties");
    }

    // --- Honest requests ----------------------------------------------------------------------------------------

    private Request honestRequest(Operation operation, Identity identity) {
        Request request = new Request(operation);
        request.identity = identity;
        for (Parameter parameter : operation.parameters()) {
            switch (parameter.in()) {
                case "path" -> request.pathValues.put(parameter.name(), pathValue(operation.template(), parameter));
                case "query" -> {
                    if (parameter.required()) {
                        request.query.add(new String[] {parameter.name(), encode(queryValue(parameter))});
                    }
                }
                case "header" -> {
                    if (parameter.name().equalsIgnoreCase("If-Match")) {
                        request.headers.put("If-Match", fixture.editingTags());
                    }
                }
                default -> {
                }
            }
        }
        if (identity != Identity.ANONYMOUS) {
            request.headers.put("Authorization", "Bearer "
                    + (identity == Identity.ADMIN ? fixture.adminToken() : fixture.editorToken()));
        }
        if (operation.bodySchema() != null) {
            request.headers.put("Content-Type", operation.mediaType());
            request.body = honestValue("", operation.bodySchema());
        }
        return request;
    }

    /** The value that reaches the fixture's row: the name of the segment before the parameter says which. */
    private String pathValue(String template, Parameter parameter) {
        String[] segments = template.split("/");
        String collection = "";
        for (int i = 1; i < segments.length; i++) {
            if (segments[i].contains("{" + parameter.name() + "}")) {
                collection = segments[i - 1];
            }
        }
        String value = switch (collection + "/" + parameter.name()) {
            case "posts/id" -> String.valueOf(fixture.postId());
            case "slug/slug" -> fixture.postSlug();
            case "pages/id" -> String.valueOf(fixture.pageId());
            case "by-path/path" -> fixture.pagePath();
            case "categories/slug" -> fixture.categorySlug();
            case "menus/slug" -> fixture.menuSlug();
            case "items/id" -> String.valueOf(fixture.itemId());
            case "users/id" -> String.valueOf(fixture.userId());
            case "tokens/id" -> String.valueOf(fixture.tokenId());
            case "moderation-links/token" -> fixture.moderationLink();
            case "problems/type" -> "invalid-query";
            default -> null;
        };
        if (value == null) {
            value = queryValue(parameter);
        }
        return parameter.name().equals("path") ? value : encode(value);
    }

    private String queryValue(Parameter parameter) {
        JsonNode schema = parameter.schema();
        if (schema.has("enum")) {
            return schema.get("enum").get(0).asText();
        }
        if (parameter.name().equals("url")) {
            return "https://example.org/posts/" + fixture.postSlug();
        }
        return switch (schema.path("type").asText()) {
            case "integer", "number" -> schema.has("minimum") ? schema.get("minimum").asText() : "1";
            case "boolean" -> "false";
            default -> "x";
        };
    }

    /** The required properties of a schema, with values that pass its rules; slugs and e-mail addresses too. */
    private JsonNode honestValue(String name, JsonNode schema) {
        schema = resolve(schema);
        if (schema.has("enum")) {
            for (JsonNode value : schema.get("enum")) {
                if (value.asText().equals("none")) {
                    return value;
                }
            }
            return schema.get("enum").get(0);
        }
        switch (schema.path("type").asText()) {
            case "object" -> {
                ObjectNode object = JSON.objectNode();
                Set<String> required = new TreeSet<>();
                schema.path("required").forEach(field -> required.add(field.asText()));
                schema.path("properties").fields().forEachRemaining(property -> {
                    if (required.contains(property.getKey()) || property.getKey().equals("slug")) {
                        object.set(property.getKey(), honestValue(property.getKey(), property.getValue()));
                    }
                });
                return object;
            }
            case "integer", "number" -> {
                return JSON.numberNode(schema.path("minimum").asLong(1));
            }
            case "boolean" -> {
                return JSON.booleanNode(false);
            }
            case "array" -> {
                return JSON.arrayNode();
            }
            default -> {
                return JSON.textNode(honestText(name, schema));
            }
        }
    }

    private String honestText(String name, JsonNode schema) {
        if (schema.path("format").asText().equals("date-time")) {
            return "2025-07-16T09:00:00Z";
        }
        return switch (name) {
            case "email" -> fixture.adminEmail();
            case "slug" -> "hostile-honest";
            case "url" -> "https://example.org/";
            case "timezone" -> "Europe/London";
            case "password" -> "not the password at all";
            default -> "Hostile honest " + name;
        };
    }

    // --- Hostile mutations --------------------------------------------------------------------------------------

    private void mutate(Request request, Random random) {
        Operation operation = request.operation;
        List<Consumer<Random>> mutations = new ArrayList<>();
        if (!operation.parameters().isEmpty()) {
            mutations.addAll(List.of(r -> hostileParameter(request, r), r -> hostileParameter(request, r),
                    r -> hostileParameter(request, r)));
        }
        if (operation.bodySchema() != null && operation.mediaType().contains("json")) {
            mutations.addAll(List.of(r -> hostileField(request, r), r -> hostileField(request, r),
                    r -> hostileField(request, r), r -> hostileBody(request, r), r -> hostileBody(request, r)));
        }
        mutations.add(r -> hostileHeader(request, r));
        mutations.add(r -> hostileAddress(request, r));
        pick(random, mutations).accept(random);
    }

    private void hostileParameter(Request request, Random random) {
        Parameter parameter = pick(random, request.operation.parameters());
        String value = values.text(random);
        int shape = random.nextInt(10);
        String sent = shape < 2 ? values.rawPercentEncoded(random) : cap(encode(value));
        request.description = parameter.in() + " parameter " + parameter.name() + " = "
                + (shape < 2 ? sent : quote(value));
        switch (parameter.in()) {
            case "path" -> {
                if (sent.isEmpty()) {
                    // An empty segment addresses another resource, or none; the guard refuses '//'.
                    sent = "%20";
                }
                request.pathValues.put(parameter.name(), sent);
            }
            case "query" -> {
                request.query.removeIf(pair -> pair[0].equals(parameter.name()));
                if (shape == 2 && parameter.required()) {
                    request.description = "without the required query parameter " + parameter.name();
                    request.expect(request.description, 400);
                    return;
                }
                request.query.add(new String[] {parameter.name(), sent});
                if (shape == 3) {
                    request.query.add(new String[] {parameter.name(), sent});
                    request.description += ", twice";
                }
            }
            case "header" -> {
                String header = headerValue(value);
                request.headers.put(parameter.name(), header);
                request.description = "header " + parameter.name() + ": " + quote(header);
            }
            default -> throw new IllegalStateException(parameter.in());
        }
    }

    private void hostileField(Request request, Random random) {
        ObjectNode body = (ObjectNode) request.body;
        JsonNode schema = request.operation.bodySchema();
        String path = "";
        // Now and then a field of a nested object, such as a menu item's link or the site's comment settings.
        List<String> names = new ArrayList<>();
        properties(schema).fieldNames().forEachRemaining(names::add);
        String name = pick(random, names);
        JsonNode property = resolve(properties(schema).get(name));
        if (property.path("type").asText().equals("object") && property.has("properties") && random.nextBoolean()) {
            ObjectNode nested = body.get(name) instanceof ObjectNode existing ? existing
                    : (ObjectNode) honestValue(name, property);
            body.set(name, nested);
            body = nested;
            path = name + ".";
            names.clear();
            property.get("properties").fieldNames().forEachRemaining(names::add);
            name = pick(random, names);
        }
        if (body.has(name) && random.nextInt(6) == 0) {
            body.remove(name);
            request.description = "without the field " + path + name;
            return;
        }
        JsonNode value = values.json(random);
        if (property.path("type").asText().equals("array") && random.nextBoolean()) {
            value = JSON.arrayNode().add(value);
        }
        body.set(name, value);
        request.escapeBody = random.nextBoolean();
        request.description = "field " + path + name + " = " + quote(abbreviate(value.toString()));
    }

    private void hostileBody(Request request, Random random) {
        String honest = request.body.toString();
        String firstField = request.body.fieldNames().hasNext() ? request.body.fieldNames().next() : "title";
        int kind = random.nextInt(16);
        switch (kind) {
            case 0 -> {
                raw(request, "[".repeat(10_000) + "]".repeat(10_000), "10,000 nested arrays", 400, 422);
                // Refused at the first bracket where the body must be an object; past the depth limit where not.
                request.detail = "nesting depth|must be";
            }
            case 1 -> raw(request, "{\"" + firstField + "\":" + "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_001),
                    "10,000 nested objects", 400, 422);
            case 2 -> raw(request, honest.substring(0, honest.length() - 1) + ",\"" + firstField + "\":\"again\"}",
                    "a duplicate key", 400);
            case 3 -> raw(request, honest + pick(random, List.of("{}", "x", "]", "\u0000", ",", honest)),
                    "trailing content", 400);
            case 4 -> {
                // A byte order mark before the value is not among them: JSON parsers may ignore it (RFC 8259).
                String malformed = pick(random, List.of("{", "{\"a\"", "{\"a\":}", "{'a':1}", "{a:1}", "{\"a\":1,}",
                        "[1,]", "{\"a\":01}", "{\"a\":NaN}", "{\"a\":.5}", "{\"a\":\"\\x\"}", "{\"a\":\"\t\"}", "nul",
                        "/* */{}", "{\"a\":1}}"));
                raw(request, malformed, "malformed JSON " + quote(malformed), 400);
            }
            case 5 -> raw(request, "", "an empty body", 400, 422);
            case 6 -> raw(request, pick(random, List.of("[]", "\"text\"", "42", "null", "true", "[" + honest + "]")),
                    "a JSON value that is not an object", 400, 422);
            case 7 -> {
                request.rawBody = new byte[] {'{', '"', 't', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, (byte) 0xFF, '"', '}'};
                request.expect("a body that is not UTF-8", 400);
            }
            case 8 -> {
                String type = pick(random, List.of("text/plain", "application/xml", "multipart/form-data; boundary=x",
                        "image/png", "application/x-www-form-urlencoded"));
                request.headers.put("Content-Type", type);
                request.description = "Content-Type " + type;
                if (!request.operation.mediaTypes().contains(type)) {
                    request.expect(request.description, 415);
                }
            }
            case 9 -> {
                request.headers.remove("Content-Type");
                request.expect("no Content-Type", 415);
                request.beforeAuthentication = true;
            }
            case 10 -> {
                String type = pick(random, List.of("", "json", "application/", "/json", "application/json; charset",
                        "application/json;;", "a/b/c", "application/json\u00ff", cap(values.text(random))));
                request.headers.put("Content-Type", headerValue(type));
                request.description = "Content-Type: " + quote(type);
            }
            case 11 -> {
                request.headers.put("Content-Encoding", pick(random, List.of("gzip", "deflate", "br", "x-garbage")));
                request.expect("a compressed body", 415);
                request.beforeAuthentication = true;
            }
            case 12 -> {
                request.headers.put("Transfer-Encoding", "chunked");
                request.expect("a chunked body", 411);
                request.beforeAuthentication = true;
            }
            case 13 -> {
                request.rawBody = ("{\"" + firstField + "\":\"" + "a".repeat(4 * HostileValues.MEGABYTE) + "\"}")
                        .getBytes(StandardCharsets.UTF_8);
                request.expect("a body past the 4 MiB limit", 413);
                request.beforeAuthentication = true;
            }
            case 14 -> {
                raw(request, "{\"" + firstField + "\":" + "9".repeat(5_000) + "}", "a number of 5,000 digits", 400, 422);
                request.detail = "Number value length|must be";
            }
            default -> raw(request, "{\"" + firstField + "\":\"" + "\\ud800".repeat(3) + "\"}", "escaped lone surrogates",
                    400, 422);
        }
    }

    private static void raw(Request request, String body, String description, Integer... expected) {
        request.rawBody = body.getBytes(StandardCharsets.UTF_8);
        request.expect(description, expected);
    }

    private void hostileHeader(Request request, Random random) {
        String value = headerValue(values.text(random));
        switch (random.nextInt(5)) {
            case 0 -> {
                request.headers.put("Accept", value);
                request.description = "Accept: " + quote(value);
            }
            case 1 -> {
                // Every operation checks a token that is sent, public ones included.
                value = value.substring(0, Math.min(value.length(), 200));
                String credentials = pick(random, List.of("Bearer " + value, "Basic " + value, value, "Bearer",
                        "Bearer nba_" + "0".repeat(40), "Bearer " + fixture.adminToken() + "x"));
                request.headers.put("Authorization", headerValue(credentials));
                request.expect("Authorization: " + quote(credentials), 401);
            }
            case 2 -> {
                request.headers.put("If-None-Match", value);
                request.description = "If-None-Match: " + quote(value);
            }
            case 3 -> {
                request.headers.put("X-Padding", "h".repeat(ADDRESS_AND_HEADER_CAP));
                request.expect("headers past the 16 KiB limit", 431);
                request.beforeAuthentication = true;
            }
            default -> {
                request.headers.put("Origin", value);
                request.description = "Origin: " + quote(value);
            }
        }
    }

    private void hostileAddress(Request request, Random random) {
        switch (random.nextInt(3)) {
            case 0 -> {
                request.query.add(new String[] {"q", "q".repeat(ADDRESS_AND_HEADER_CAP)});
                request.expect("an address past the 8 KiB limit", 414);
                request.beforeAuthentication = true;
            }
            case 1 -> {
                String name = cap(encode(values.text(random)));
                request.query.add(new String[] {name.isEmpty() ? "unknown" : name, cap(encode(values.text(random)))});
                request.description = "an undeclared query parameter " + quote(name);
            }
            default -> {
                String rawQuery = values.rawPercentEncoded(random);
                request.query.add(new String[] {rawQuery, rawQuery});
                request.description = "a query of raw bytes " + rawQuery;
            }
        }
    }

    // --- Sending and checking -----------------------------------------------------------------------------------

    private void exchange(Request request, Figures figures) {
        if (request.operation.id().equals("signIn")) {
            throttle.clear();
        }
        Answer answer;
        try {
            answer = send(request);
        } catch (RuntimeException e) {
            figures.count(request, null);
            figures.fail(request, "no answer (" + e.getMessage() + ")");
            return;
        }
        figures.count(request, answer);
        Operation operation = request.operation;
        int status = answer.status();
        // oEmbed answers a format it does not serve with 501, as its specification says; any other 5xx is a fault.
        if (status >= 500 && !(status == 501 && operation.statuses().contains(status))) {
            figures.fail(request, "answered " + status + ": " + abbreviate(answer.body()));
        } else if (!operation.statuses().contains(status)) {
            figures.fail(request, "answered " + status + ", which the document does not list "
                    + operation.statuses() + ": " + abbreviate(answer.body()));
        }
        if (request.expected != null && !request.expected.contains(status) && !refusedCaller(request, status)) {
            figures.fail(request, "answered " + status + ", not " + request.expected + ": " + abbreviate(answer.body()));
        }
        if (status >= 400) {
            checkProblem(request, answer, figures);
        }
        if (request.detail != null && (status == 400 || status == 422)
                && !Pattern.compile(request.detail).matcher(answer.body()).find()) {
            figures.fail(request, "answered a problem that does not say '" + request.detail + "': " + abbreviate(answer.body()));
        }
        Map<String, String> after = database.take();
        boolean changed = !after.equals(snapshot);
        if (status >= 400 && changed) {
            figures.fail(request, "refused with " + status + " but changed " + DatabaseSnapshot.differences(snapshot, after));
        } else if (changed && !WRITES.contains(operation.method())) {
            figures.fail(request, operation.method() + " changed " + DatabaseSnapshot.differences(snapshot, after));
        }
        if (changed || status < 400 && WRITES.contains(operation.method())) {
            seed();
        }
    }

    /** A refusal of who is asking, which may come before the fault the case is about. */
    private static boolean refusedCaller(Request request, int status) {
        if (request.beforeAuthentication) {
            return false;
        }
        return status == 401 && request.identity == Identity.ANONYMOUS
                || status == 403 && request.identity == Identity.EDITOR;
    }

    private static void checkProblem(Request request, Answer answer, Figures figures) {
        String type = answer.headers().getOrDefault("content-type", "");
        if (!type.startsWith("application/problem+json")) {
            figures.fail(request, "answered " + answer.status() + " as '" + type + "', not a problem: "
                    + abbreviate(answer.body()));
            return;
        }
        try {
            JsonNode problem = MAPPER.readTree(answer.body());
            if (problem.path("status").asInt() != answer.status() || !problem.path("type").isTextual()
                    || !problem.path("detail").isTextual()) {
                figures.fail(request, "answered a problem without its status, type and detail: " + abbreviate(answer.body()));
            }
        } catch (JsonProcessingException e) {
            figures.fail(request, "answered a problem that is not JSON: " + abbreviate(answer.body()));
        }
        for (String marker : HostileValues.LEAK_MARKERS) {
            if (answer.body().contains(marker)) {
                figures.fail(request, "answered a problem naming '" + marker + "': " + abbreviate(answer.body()));
            }
        }
    }

    private Answer send(Request request) {
        String path = request.operation.template();
        for (Map.Entry<String, String> value : request.pathValues.entrySet()) {
            path = path.replace("{" + value.getKey() + "}", value.getValue());
        }
        String query = request.query.stream().map(pair -> pair[0] + "=" + pair[1]).collect(Collectors.joining("&"));
        byte[] body = request.rawBody != null ? request.rawBody : request.body == null ? null : serialise(request);
        StringBuilder message = new StringBuilder(request.operation.method()).append(' ').append(path)
                .append(query.isEmpty() ? "" : "?" + query).append(" HTTP/1.1\r\n")
                .append("Host: ").append(server.getHost()).append(':').append(server.getPort()).append("\r\n")
                .append("Connection: close\r\n");
        request.headers.forEach((name, value) -> message.append(name).append(": ").append(value).append("\r\n"));
        if (body != null && !request.headers.containsKey("Transfer-Encoding")) {
            message.append("Content-Length: ").append(body.length).append("\r\n");
        }
        message.append("\r\n");
        if (body != null) {
            message.append(new String(body, StandardCharsets.ISO_8859_1));
        }
        RawHttp.Response response = RawHttp.exchange(server, message.toString());
        return new Answer(response.status(), response.headers(), response.body());
    }

    private static byte[] serialise(Request request) {
        try {
            return (request.escapeBody ? ESCAPING : MAPPER).writeValueAsBytes(request.body);
        } catch (JsonProcessingException e) {
            // Text that UTF-8 cannot carry (a lone surrogate) can still be sent escaped.
            try {
                return ESCAPING.writeValueAsBytes(request.body);
            } catch (JsonProcessingException again) {
                throw new UncheckedIOException(again);
            }
        }
    }

    // --- The fixture ---------------------------------------------------------------------------------------------

    private void seed() {
        data.reset();
        User editor = data.user("hostile-editor@example.org", Role.EDITOR);
        User admin = data.user("hostile-admin@example.org", Role.ADMIN);
        User someone = data.user("hostile-someone@example.org", Role.EDITOR);
        String editorToken = data.tokenFor(editor);
        String adminToken = data.tokenFor(admin);
        Category category = data.category("Hostile news");
        Post post = data.post("Hostile fixture post", p -> { }, category);
        Page parent = data.page("Hostile about", null);
        Page page = data.page("Hostile team", parent);
        Menu menu = data.menu("hostile-main");
        long itemId = data.menuItem(menu, null, "Hostile team", TestData.toPage(page)).id;
        long commentId = comments.sendApproved(post.id, CommentFixtures.comment("hostile-reader@example.org", "Hostile fixture comment"));
        long heldId = ((Number) comments.send(post.id, CommentFixtures.comment("hostile-held@example.org", "Held fixture comment"))
                .statusCode(201).extract().path("id")).longValue();
        String moderationLink = comments.moderationLink(heldId, admin.id, "approve");
        long tokenId = io.restassured.RestAssured.given().header("Authorization", "Bearer " + adminToken)
                .contentType("application/json").body("{\"name\":\"Hostile fixture token\"}")
                .post("/api/tokens").then().statusCode(201).extract().jsonPath().getLong("id");
        String tags = List.of("/api/posts/" + post.id, "/api/pages/" + page.id, "/api/categories/" + category.slug,
                        "/api/menus/" + menu.slug, "/api/site", "/api/users/" + someone.id,
                        "/api/comments/" + commentId).stream()
                .map(path -> io.restassured.RestAssured.given().header("Authorization", "Bearer " + adminToken).get(path)
                        .then().statusCode(200).extract().header("ETag"))
                .collect(Collectors.joining(", "));
        fixture = new Fixture(editorToken, adminToken, editor.id, admin.email, someone.id, tokenId, post.id, post.slug,
                page.id, page.path, category.slug, menu.slug, itemId, tags, moderationLink);
        snapshot = database.take();
    }

    // --- Small helpers --------------------------------------------------------------------------------------------

    private static <T> T pick(Random random, List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String cap(String value) {
        return value.length() > ADDRESS_AND_HEADER_CAP ? value.substring(0, ADDRESS_AND_HEADER_CAP) : value;
    }

    /**
     * As a header can carry it: at most the cap, and text outside ASCII as its UTF-8 bytes. Control characters
     * other than tab become spaces: Netty refuses them with an empty 400 before any of the API's code runs (and
     * line breaks would start another header, the sender's bug).
     */
    private static String headerValue(String value) {
        String printable = cap(value).codePoints().map(c -> c < 0x20 && c != '\t' || c == 0x7f ? ' ' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return new String(printable.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    private static String quote(String value) {
        return "'" + abbreviate(value) + "'";
    }

    private static String abbreviate(String text) {
        String escaped = text.codePoints().limit(160).mapToObj(c -> c < 0x20 || c >= 0xd800 && c <= 0xdfff
                ? String.format("\\u%04x", c) : Character.toString(c)).collect(Collectors.joining());
        return text.length() > 160 ? escaped + "… (" + text.length() + " characters)" : escaped;
    }
}
