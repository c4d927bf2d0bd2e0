package org.noticeboard.common;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.noticeboard.category.Category;
import org.noticeboard.menu.Menu;
import org.noticeboard.page.Page;
import org.noticeboard.post.Post;
import org.noticeboard.support.TestData;
import org.noticeboard.user.Role;
import org.noticeboard.user.User;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/**
 * Request bodies are read as written: no value is converted from another JSON type, a document holds one value
 * with each key once, and text is stored exactly as acknowledged. Every refusal is a 400 naming the field, and
 * changes nothing.
 */
@QuarkusTest
class StrictJsonTest {

    private static final String JSON = "application/json";
    private static final String PROBLEM = "application/problem+json";

    @Inject
    TestData data;

    private String admin;

    @BeforeEach
    void signIn() {
        data.reset();
        admin = data.tokenFor(Role.ADMIN);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "/api/users      | {\"email\":\"x@example.org\",\"displayName\":\"X\",\"role\":0,\"password\":\"long enough pass\"} | role",
            "/api/users      | {\"email\":\"x@example.org\",\"displayName\":\"X\",\"role\":\"0\",\"password\":\"long enough pass\"} | role",
            "/api/posts      | {\"title\":\"x\",\"status\":2}                                | status",
            "/api/posts      | {\"title\":1.5}                                               | title",
            "/api/posts      | {\"title\":true}                                              | title",
            "/api/posts      | {\"title\":\"x\",\"publishedAt\":1e308,\"status\":\"published\"}   | publishedAt",
            "/api/posts      | {\"title\":\"x\",\"publishedAt\":1700000000,\"status\":\"published\"} | publishedAt",
            "/api/posts      | {\"title\":\"x\",\"publishedAt\":\"1700000000\",\"status\":\"published\"} | publishedAt",
            "/api/posts      | {\"title\":\"x\",\"publishedAt\":\"+12025-07-16T09:00:00Z\",\"status\":\"published\"} | publishedAt",
            "/api/posts      | {\"title\":\"x\",\"categories\":\"news\"}                     | categories",
            "/api/categories | {\"name\":1.5}                                                | name",
            "/api/pages      | {\"title\":\"x\",\"parentId\":1.9}                            | parentId",
            "/api/pages      | {\"title\":\"x\",\"parentId\":\"1\"}                          | parentId",
            "/api/pages      | {\"title\":\"x\",\"position\":\"\"}                           | position",
            "/api/menus      | {\"slug\":\"m\",\"name\":\"M\",\"items\":[{\"label\":\"L\",\"link\":{\"type\":\"page\",\"pageId\":1.9}}]} | items[0].link.pageId",
            "/api/menus      | {\"slug\":\"m\",\"name\":\"M\",\"items\":[{\"label\":\"L\",\"link\":{\"type\":\"archive\",\"year\":\"2025\",\"month\":7}}]} | items[0].link.year",
    })
    void aValueOfTheWrongJsonTypeIsRefusedNotConverted(String path, String body, String field) {
        long before = contentCount();

        asAdmin().contentType(JSON).body(body).post(path)
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("/problems/malformed-request"))
                .body("errors[0].field", equalTo(field));

        assertThat(contentCount()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "1       | openOnNewPosts",
            "0       | openOnNewPosts",
            "\"\"    | openOnNewPosts",
            "\"true\" | openOnNewPosts",
            "null    | openOnNewPosts",
    })
    void booleansAreOnlyTrueOrFalse(String value, String field) {
        String etag = asAdmin().get("/api/site").then().statusCode(200).extract().header("ETag");

        asAdmin().header("If-Match", etag).contentType(JSON)
                .body("{\"name\":\"Site\",\"timezone\":\"Europe/London\",\"comments\":{\"" + field + "\":" + value
                        + ",\"moderation\":\"all-held\"}}")
                .put("/api/site")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("comments." + field))
                .body("errors[0].message", containsString("must be true or false"));
    }

    @Test
    void contentAfterTheJsonValueIsRefused() {
        asAdmin().contentType(JSON).body("{\"title\":\"x\"} {\"evil\":1}").post("/api/posts")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("(body)"))
                .body("detail", containsString("more content after its JSON value (line 1, column"));
        for (String body : new String[]{"{\"title\":\"x\"} xyz", "{\"title\":\"x\"}]", "{\"title\":\"x\"},"}) {
            asAdmin().contentType(JSON).body(body).post("/api/posts")
                    .then().statusCode(400).contentType(PROBLEM)
                    .body("errors[0].field", equalTo("(body)"))
                    .body("detail", containsString("(line 1, column 1"));
        }
        assertThat(data.count(Post.class)).isZero();
    }

    @Test
    void aKeyGivenTwiceIsRefusedWhereverItIs() {
        asAdmin().contentType(JSON).body("{\"title\":\"a\",\"title\":\"b\"}").post("/api/posts")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("title"))
                .body("detail", allOf(containsString("more than once"), containsString("line 1")));
        asAdmin().contentType(JSON)
                .body("{\"slug\":\"m\",\"name\":\"M\",\"items\":[{\"label\":\"L\",\"link\":{\"type\":\"news\",\"type\":\"none\"}}]}")
                .post("/api/menus")
                .then().statusCode(400).body("errors[0].field", equalTo("items[0].link.type"));
        Post post = data.post("Kept", java.time.Instant.parse("2025-07-16T09:00:00Z"));
        String etag = asAdmin().get("/api/posts/" + post.id).then().extract().header("ETag");
        asAdmin().header("If-Match", etag).contentType("application/merge-patch+json")
                .body("{\"title\":\"a\",\"title\":\"b\"}").patch("/api/posts/" + post.id)
                .then().statusCode(400).body("errors[0].field", equalTo("title"));

        assertThat(data.count(Post.class)).isEqualTo(1);
        assertThat(data.count(Menu.class)).isZero();
        assertThat(data.find(Post.class, post.id).title).isEqualTo("Kept");
    }

    @Test
    void textThatIsNotValidUnicodeIsRefusedNamingTheField() {
        asAdmin().contentType(JSON).body("{\"name\":\"x\\ud800y\"}").post("/api/categories")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("name"))
                .body("errors[0].message", containsString("unpaired surrogate"));
        asAdmin().contentType(JSON).body("{\"title\":\"x\",\"categories\":[\"\\udc00\"]}").post("/api/posts")
                .then().statusCode(400).body("errors[0].field", equalTo("categories[0]"));
        assertThat(data.count(Category.class)).isZero();

        // A pair of surrogates is one character, stored and returned as sent.
        asAdmin().contentType(JSON).body("{\"name\":\"Fair \\ud83c\\udf89\"}").post("/api/categories")
                .then().statusCode(201).body("name", equalTo("Fair \uD83C\uDF89"));
        given().get("/api/categories/fair").then().statusCode(200).body("name", equalTo("Fair \uD83C\uDF89"));
    }

    @Test
    void nulCharactersInTextAreRefusedNamingTheField() {
        asAdmin().contentType(JSON).body("{\"title\":\"a\\u0000b\"}").post("/api/pages")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("title"))
                .body("errors[0].message", containsString("NUL"));
        Page page = data.page("About", null);
        String etag = asAdmin().get("/api/pages/" + page.id).then().extract().header("ETag");
        asAdmin().header("If-Match", etag).contentType("application/merge-patch+json")
                .body("{\"summary\":\"\\u0000\"}").patch("/api/pages/" + page.id)
                .then().statusCode(400).body("errors[0].field", equalTo("summary"));
        asAdmin().contentType(JSON).body("{\"email\":\"x@example.org\\u0000\",\"password\":\"whatever it is\"}")
                .post("/api/auth/token")
                .then().statusCode(400).body("errors[0].field", equalTo("email"));

        assertThat(data.count(Page.class)).isEqualTo(1);
        assertThat(data.find(Page.class, page.id).summary).isNull();
    }

    @Test
    void malformedJsonIsDescribedInTheApisOwnWords() {
        ValidatableResponse refused = asAdmin().contentType(JSON).body("{\"title\": \"x\",\n  \"slug\": }").post("/api/posts")
                .then().statusCode(400).contentType(PROBLEM);

        refused.body("detail", allOf(containsString("line 2, column"), not(containsString("Source")),
                not(containsString("REDACTED")), not(containsString("jackson")), not(containsString("StreamRead"))));
        asAdmin().contentType(JSON).body("{\"title\": \"x\"").post("/api/posts")
                .then().statusCode(400).body("detail", containsString("ends before its JSON value is complete"));
    }

    @Test
    void aBodyPastTheReadersLimitsIsRefusedWithoutNamingItsSettings() {
        long before = contentCount();

        // A menu tree 700 items deep nests objects and arrays 1,400 levels deep.
        String deepTree = "{\"slug\":\"deep\",\"name\":\"Deep\",\"items\":["
                + "{\"label\":\"L\",\"link\":{\"type\":\"none\"},\"children\":[".repeat(700) + "]}".repeat(700) + "]}";
        asAdmin().contentType(JSON).body(deepTree).post("/api/menus")
                .then().statusCode(400).contentType(PROBLEM)
                .body("detail", allOf(containsString("nesting depth"), containsString("maximum allowed (1000)"),
                        not(containsString("StreamReadConstraints"))));
        asAdmin().contentType(JSON).body("{\"title\":\"x\",\"position\":" + "9".repeat(5_000) + "}").post("/api/pages")
                .then().statusCode(400).contentType(PROBLEM)
                .body("detail", allOf(containsString("Number value length"), not(containsString("StreamReadConstraints"))));

        assertThat(contentCount()).isEqualTo(before);
    }

    @Test
    void aNullEntryInAMenuTreeIsRefusedNamingIt() {
        asAdmin().contentType(JSON).body("{\"slug\":\"x\",\"name\":\"N\",\"items\":[null]}").post("/api/menus")
                .then().statusCode(422).contentType(PROBLEM).body("errors[0].field", equalTo("items[0]"));
        asAdmin().contentType(JSON)
                .body("{\"slug\":\"x\",\"name\":\"N\",\"items\":[{\"label\":\"A\",\"link\":{\"type\":\"none\"},\"children\":[null]}]}")
                .post("/api/menus")
                .then().statusCode(422).body("errors[0].field", equalTo("items[0].children[0]"));
        assertThat(data.count(Menu.class)).isZero();

        data.menu("main");
        String etag = asAdmin().get("/api/menus/main").then().extract().header("ETag");
        asAdmin().header("If-Match", etag).contentType(JSON).body("{\"name\":\"N\",\"items\":[null]}").put("/api/menus/main")
                .then().statusCode(422).body("errors[0].field", equalTo("items[0]"));
    }

    @Test
    void idsInPathsArePlainDigits() {
        Post post = data.post("Hello", java.time.Instant.parse("2025-07-16T09:00:00Z"));

        given().get("/api/posts/" + post.id).then().statusCode(200);
        for (String id : new String[]{"%2B" + post.id, "+" + post.id, "-" + post.id, post.id + ".0", "0x" + post.id, " " + post.id}) {
            given().urlEncodingEnabled(false).get("/api/posts/" + id.replace(" ", "%20"))
                    .then().statusCode(404).contentType(PROBLEM);
        }
        given().urlEncodingEnabled(false).get("/api/users/%2B1").then().statusCode(404);
    }

    private long contentCount() {
        return data.count(Post.class) + data.count(Page.class) + data.count(Category.class) + data.count(Menu.class)
                + data.count(User.class);
    }

    private RequestSpecification asAdmin() {
        return given().auth().oauth2(admin);
    }
}
