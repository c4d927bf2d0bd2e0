package org.noticeboard;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.noticeboard.auth.TokenService;
import org.noticeboard.category.Category;
import org.noticeboard.menu.Menu;
import org.noticeboard.menu.MenuItem;
import org.noticeboard.page.Page;
import org.noticeboard.post.Post;
import org.noticeboard.support.TestData;
import org.noticeboard.user.Role;
import org.noticeboard.user.User;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;

/**
 * Who may do what: every write operation (and every read that is not public) tried anonymously, as an
 * editor and as an admin, with a valid request, so that the status says only whether the role may.
 */
@QuarkusTest
class AccessMatrixTest {

    private enum Caller { ANONYMOUS, EDITOR, ADMIN }

    /** Which role an operation needs. */
    private enum Needs { EDITOR, ADMIN }

    private record Operation(String method, String path, String body, String etagFrom, Needs needs, int success) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private static final String SITE = """
            {"name":"BPRCVS","tagline":null,"about":null,"contact":{"email":null,"phone":null,"address":null},
             "url":null,"timezone":"Europe/London",
             "comments":{"openOnNewPosts":true,"autoCloseAfterDays":30,"moderation":"all-held"}}""";
    private static final String USER = """
            {"email":"someone@example.org","displayName":"Someone","role":"editor"}""";

    private static final Operation[] OPERATIONS = {
            new Operation("POST", "/api/posts", "{\"title\":\"New post\"}", null, Needs.EDITOR, 201),
            new Operation("PUT", "/api/posts/{post}", "{\"title\":\"Changed\"}", "/api/posts/{post}", Needs.EDITOR, 200),
            new Operation("PATCH", "/api/posts/{post}", "{\"title\":\"Patched\"}", "/api/posts/{post}", Needs.EDITOR, 200),
            new Operation("DELETE", "/api/posts/{post}", null, "/api/posts/{post}", Needs.EDITOR, 204),
            new Operation("GET", "/api/posts?status=draft", null, null, Needs.EDITOR, 200),
            new Operation("POST", "/api/pages", "{\"title\":\"New page\"}", null, Needs.EDITOR, 201),
            new Operation("PUT", "/api/pages/{page}", "{\"title\":\"Contact us\"}", "/api/pages/{page}", Needs.EDITOR, 200),
            new Operation("PATCH", "/api/pages/{page}", "{\"status\":\"published\"}", "/api/pages/{page}", Needs.EDITOR, 200),
            new Operation("DELETE", "/api/pages/{page}", null, "/api/pages/{page}", Needs.EDITOR, 204),
            new Operation("GET", "/api/pages?status=any", null, null, Needs.EDITOR, 200),
            new Operation("POST", "/api/categories", "{\"name\":\"Events\"}", null, Needs.EDITOR, 201),
            new Operation("PUT", "/api/categories/news", "{\"name\":\"Local News\"}", "/api/categories/news", Needs.EDITOR, 200),
            new Operation("PATCH", "/api/categories/news", "{\"description\":\"All of it\"}", "/api/categories/news", Needs.EDITOR, 200),
            new Operation("DELETE", "/api/categories/news", null, "/api/categories/news", Needs.EDITOR, 204),
            new Operation("POST", "/api/menus", "{\"slug\":\"footer\",\"name\":\"Footer\"}", null, Needs.ADMIN, 201),
            new Operation("PUT", "/api/menus/main", "{\"name\":\"Main\",\"items\":[]}", "/api/menus/main", Needs.ADMIN, 200),
            new Operation("PATCH", "/api/menus/main", "{\"name\":\"Main menu\"}", "/api/menus/main", Needs.ADMIN, 200),
            new Operation("DELETE", "/api/menus/main", null, "/api/menus/main", Needs.ADMIN, 204),
            new Operation("POST", "/api/menus/main/items", "{\"label\":\"News\",\"link\":{\"type\":\"news\"}}",
                    "/api/menus/main", Needs.ADMIN, 201),
            new Operation("PATCH", "/api/menus/main/items/{item}", "{\"label\":\"About us\"}", "/api/menus/main", Needs.ADMIN, 200),
            new Operation("DELETE", "/api/menus/main/items/{item}", null, "/api/menus/main", Needs.ADMIN, 200),
            new Operation("PUT", "/api/site", SITE, "/api/site", Needs.ADMIN, 200),
            new Operation("PATCH", "/api/site", "{\"tagline\":\"Here to help\"}", "/api/site", Needs.ADMIN, 200),
            new Operation("GET", "/api/users", null, null, Needs.ADMIN, 200),
            new Operation("GET", "/api/users/{user}", null, null, Needs.ADMIN, 200),
            new Operation("POST", "/api/users",
                    "{\"email\":\"new@example.org\",\"displayName\":\"New\",\"role\":\"editor\",\"password\":\"a long enough secret\"}",
                    null, Needs.ADMIN, 201),
            new Operation("PUT", "/api/users/{user}", USER, "/api/users/{user}", Needs.ADMIN, 200),
            new Operation("PATCH", "/api/users/{user}", "{\"displayName\":\"Renamed\"}", "/api/users/{user}", Needs.ADMIN, 200),
            new Operation("DELETE", "/api/users/{user}", null, "/api/users/{user}", Needs.ADMIN, 204),
            new Operation("GET", "/api/tokens", null, null, Needs.ADMIN, 200),
            new Operation("POST", "/api/tokens", "{\"name\":\"Import script\"}", null, Needs.ADMIN, 201),
            new Operation("DELETE", "/api/tokens/{token}", null, null, Needs.ADMIN, 204),
    };

    @Inject
    TestData data;

    @Inject
    TokenService tokens;

    private Map<String, String> ids;
    private String adminToken;
    private String editorToken;

    @BeforeEach
    void seed() {
        data.reset();
        Category news = data.category("News");
        Post post = data.post("Hello", p -> { }, news);
        Page about = data.page("About", null);
        Page contact = data.page("Contact", null, page -> page.status = org.noticeboard.page.PageStatus.DRAFT);
        Menu main = data.menu("main");
        MenuItem item = data.menuItem(main, null, "About", TestData.toPage(about));
        User someone = data.user("someone@example.org", Role.EDITOR);
        long token = tokens.issueApiToken(someone.id, "Existing", null).stored().id;
        ids = Map.of("{post}", post.id.toString(), "{page}", contact.id.toString(), "{item}", item.id.toString(),
                "{user}", someone.id.toString(), "{token}", Long.toString(token));
        adminToken = data.tokenFor(Role.ADMIN);
        editorToken = data.tokenFor(Role.EDITOR);
    }

    static Stream<Arguments> everyOperationForEveryCaller() {
        return Arrays.stream(OPERATIONS).flatMap(operation -> Arrays.stream(Caller.values())
                .map(caller -> Arguments.of(operation, caller, expected(operation, caller))));
    }

    private static int expected(Operation operation, Caller caller) {
        return switch (caller) {
            case ANONYMOUS -> 401;
            case EDITOR -> operation.needs() == Needs.ADMIN ? 403 : operation.success();
            case ADMIN -> operation.success();
        };
    }

    @ParameterizedTest(name = "{0} as {1} -> {2}")
    @MethodSource("everyOperationForEveryCaller")
    void eachRoleGetsExactlyTheAccessItIsGranted(Operation operation, Caller caller, int expectedStatus) {
        RequestSpecification request = given().contentType("application/json");
        if (caller == Caller.EDITOR) {
            request.auth().oauth2(editorToken);
        } else if (caller == Caller.ADMIN) {
            request.auth().oauth2(adminToken);
        }
        if (operation.etagFrom() != null) {
            request.header("If-Match", given().auth().oauth2(adminToken).get(fill(operation.etagFrom()))
                    .then().statusCode(200).extract().header("ETag"));
        }
        if (operation.body() != null) {
            request.body(operation.body());
        }

        request.request(operation.method(), fill(operation.path()))
                .then().statusCode(expectedStatus);
    }

    private String fill(String path) {
        String filled = path;
        for (Map.Entry<String, String> id : ids.entrySet()) {
            filled = filled.replace(id.getKey(), id.getValue());
        }
        return filled;
    }
}
