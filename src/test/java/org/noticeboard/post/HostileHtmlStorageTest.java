package org.noticeboard.post;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.noticeboard.page.Page;
import org.noticeboard.support.TestData;
import org.noticeboard.user.Role;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.noticeboard.support.InertHtml.assertOnlySafeCss;
import static org.noticeboard.support.InertHtml.browserNormalised;
import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

/**
 * What the API stores (and so what every reader gets) from hostile HTML bodies: sanitising happens on each
 * write, for posts and pages alike. The corpus is {@code HtmlSanitizerTest}'s, sent through the API.
 */
@QuarkusTest
class HostileHtmlStorageTest {

    private static final String CORPUS = "org.noticeboard.common.HtmlSanitizerTest#hostileSnippets";
    private static final String JSON = "application/json; charset=UTF-8";
    private static final String MERGE_PATCH = "application/merge-patch+json; charset=UTF-8";
    private static final String EXTERNAL_RELS = "noopener noreferrer";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static final Set<String> ALLOWED_ELEMENTS = Set.of(
            "p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "strong", "b", "em", "i", "u", "s", "sub", "sup", "small",
            "blockquote", "q", "ul", "ol", "li", "a", "img", "figure", "figcaption", "table", "caption", "thead",
            "tbody", "tfoot", "tr", "th", "td", "code", "pre", "span", "div", "abbr", "cite");
    private static final Set<String> FORBIDDEN_ELEMENTS = Set.of(
            "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "form", "input", "button",
            "select", "textarea", "svg", "math", "meta", "base", "link", "template", "noscript", "xmp", "video",
            "audio", "source", "details", "marquee", "title", "isindex");

    @Inject
    TestData data;

    private String editor;

    @BeforeEach
    void signInAsEditor() {
        data.reset();
        editor = data.tokenFor(Role.EDITOR);
    }

    @ParameterizedTest
    @MethodSource(CORPUS)
    void hostilePostBodyIsStoredInert(String hostile) {
        ExtractableResponse<Response> created = asEditor().contentType(JSON)
                .body(json("title", "Hostile", "bodyHtml", hostile))
                .post("/api/posts")
                .then().statusCode(201).extract();
        String stored = asEditor().get("/api/posts/" + created.path("id")).then().statusCode(200)
                .extract().path("bodyHtml");

        assertThat(stored).as("what the create answered").isEqualTo(created.<String>path("bodyHtml"));
        assertInert(stored);
    }

    @ParameterizedTest
    @MethodSource(CORPUS)
    void hostilePageBodyIsStoredInert(String hostile) {
        ExtractableResponse<Response> created = asEditor().contentType(JSON)
                .body(json("title", "Hostile", "bodyHtml", hostile))
                .post("/api/pages")
                .then().statusCode(201).extract();
        String stored = asEditor().get("/api/pages/" + created.path("id")).then().statusCode(200)
                .extract().path("bodyHtml");

        assertThat(stored).as("what the create answered").isEqualTo(created.<String>path("bodyHtml"));
        assertInert(stored);
    }

    @Test
    void publicReadersGetTheSameCleanBody() {
        long id = asEditor().contentType(JSON)
                .body(json("title", "Fair", "status", "published",
                        "bodyHtml", "<p onclick=\"steal()\">Fair <script>alert(1)</script>on <b>Saturday</b></p>"))
                .post("/api/posts")
                .then().statusCode(201).extract().jsonPath().getLong("id");

        when().get("/api/posts/" + id).then().statusCode(200)
                .body("bodyHtml", equalTo("<p>Fair on <b>Saturday</b></p>"))
                .body("excerpt", equalTo("Fair on Saturday"));
        when().get("/api/posts/slug/fair").then().body("bodyHtml", equalTo("<p>Fair on <b>Saturday</b></p>"));
    }

    @Test
    void hostileBodyInAReplacedPostIsCleaned() {
        Post post = data.post("Fair", p -> { });

        asEditor().header("If-Match", postTag(post.id)).contentType(JSON)
                .body(json("title", "Fair", "bodyHtml", "<p>Hi<img src=x onerror=alert(1)></p><iframe src=//evil.example></iframe>"))
                .put("/api/posts/" + post.id)
                .then().statusCode(200)
                .body("bodyHtml", equalTo("<p>Hi<img src=\"x\"></p>"));
        asEditor().get("/api/posts/" + post.id).then().body("bodyHtml", equalTo("<p>Hi<img src=\"x\"></p>"));
    }

    @Test
    void hostileBodyInAPatchedPostIsCleaned() {
        Post post = data.post("Fair", p -> { });

        asEditor().header("If-Match", postTag(post.id)).contentType(MERGE_PATCH)
                .body(jsonText("bodyHtml", "<a href=\"javascript:alert(1)\" onmouseover=\"x()\">Tickets</a>"
                        + "<svg onload=alert(1)></svg><p style=\"position:fixed;text-align:center\">On top</p>"))
                .patch("/api/posts/" + post.id)
                .then().statusCode(200)
                .body("bodyHtml", equalTo("Tickets<p style=\"text-align:center\">On top</p>"));
        asEditor().get("/api/posts/" + post.id)
                .then().body("bodyHtml", equalTo("Tickets<p style=\"text-align:center\">On top</p>"));
    }

    @Test
    void hostileBodyInAReplacedOrPatchedPageIsCleaned() {
        Page page = data.page("About", null);

        asEditor().header("If-Match", pageTag(page.id)).contentType(JSON)
                .body(json("title", "About", "status", "published",
                        "bodyHtml", "<h2 onclick=\"x()\">Who</h2><form action=\"https://evil.example\"><input name=\"p\"></form>"))
                .put("/api/pages/" + page.id)
                .then().statusCode(200)
                .body("bodyHtml", equalTo("<h2>Who</h2>"));
        when().get("/api/pages/" + page.id).then().body("bodyHtml", equalTo("<h2>Who</h2>"));

        asEditor().header("If-Match", pageTag(page.id)).contentType(MERGE_PATCH)
                .body(jsonText("bodyHtml", "<p>We <object data=\"x.swf\"></object>meet<style>p{display:none}</style></p>"
                        + "<a href=\"vbscript:msgbox(1)\">Call</a>"))
                .patch("/api/pages/" + page.id)
                .then().statusCode(200)
                .body("bodyHtml", equalTo("<p>We meet</p>Call"));
        when().get("/api/pages/by-path/about").then().body("bodyHtml", equalTo("<p>We meet</p>Call"));
    }

    @Test
    void externalLinksGetNoopenerNoreferrer() {
        data.site(site -> site.siteUrl = "https://www.example.org");
        String body = "<p><a href=\"https://www.gov.uk/x\" rel=\"opener\" target=\"_blank\">GOV.UK</a> "
                + "<a href=\"//evil.example/www.example.org\">sneaky</a> "
                + "<a href=\"https://www.example.org@evil.example/\">disguised</a> "
                + "<a href=\"https://www.example.org/news\">ours</a> "
                + "<a href=\"/services\">relative</a> "
                + "<a href=\"mailto:office@example.org\">email</a></p>";

        String post = asEditor().contentType(JSON).body(json("title", "Links", "bodyHtml", body))
                .post("/api/posts").then().statusCode(201).extract().path("bodyHtml");
        String page = asEditor().contentType(JSON).body(json("title", "Links", "bodyHtml", body))
                .post("/api/pages").then().statusCode(201).extract().path("bodyHtml");

        for (String stored : new String[] {post, page}) {
            Document document = Jsoup.parseBodyFragment(stored);
            assertThat(document.select("a").stream().map(link -> link.attr("rel")).toList())
                    .as("rel of each link in %s", stored)
                    .containsExactly(EXTERNAL_RELS, EXTERNAL_RELS, EXTERNAL_RELS, "", "", "");
            assertThat(document.select("a[target]")).isEmpty();
        }
        assertThat(post).startsWith("<p><a href=\"https://www.gov.uk/x\" rel=\"noopener noreferrer\">GOV.UK</a> ");
    }

    @Test
    void withoutASiteUrlEveryAbsoluteLinkCountsAsExternal() {
        String stored = asEditor().contentType(JSON)
                .body(json("title", "Links", "bodyHtml", "<a href=\"https://www.example.org/x\">x</a><a href=\"/y\">y</a>"))
                .post("/api/posts").then().statusCode(201).extract().path("bodyHtml");

        assertThat(stored).isEqualTo("<a href=\"https://www.example.org/x\" rel=\"noopener noreferrer\">x</a>"
                + "<a href=\"/y\">y</a>");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "<p>Hello <strong>world</strong></p>",
            "<h2>Opening times</h2><ul><li>Monday</li><li>Tuesday</li></ul>",
            "<table><thead><tr><th scope=\"col\">Day</th></tr></thead><tbody><tr><td colspan=\"2\">Closed</td></tr></tbody></table>",
            "<figure><img src=\"https://cdn.example.org/hall.jpg\" alt=\"Hall\"><figcaption>The hall</figcaption></figure>",
            "<p style=\"text-align:center;font-style:italic\">Centred</p>",
            "<p>It’s a café “open” day – all welcome… 😀 &amp; more</p>",
    })
    void ordinaryContentIsStoredExactly(String html) {
        asEditor().contentType(JSON).body(json("title", "Ordinary", "bodyHtml", html))
                .post("/api/posts").then().statusCode(201).body("bodyHtml", equalTo(html));
        asEditor().contentType(JSON).body(json("title", "Ordinary", "bodyHtml", html))
                .post("/api/pages").then().statusCode(201).body("bodyHtml", equalTo(html));
    }

    @Test
    void storedBodyIsStableAcrossLaterEdits() {
        String hostile = "<p>Fish & Chips<script>x</script> <a href=\"https://evil.example\">menu</a></p>";
        ExtractableResponse<Response> created = asEditor().contentType(JSON)
                .body(json("title", "Chips", "bodyHtml", hostile))
                .post("/api/posts").then().statusCode(201).extract();
        String stored = created.path("bodyHtml");
        long id = created.jsonPath().getLong("id");

        asEditor().header("If-Match", postTag(id)).contentType(MERGE_PATCH).body(jsonText("title", "Fish and Chips"))
                .patch("/api/posts/" + id)
                .then().statusCode(200).body("bodyHtml", equalTo(stored));
        asEditor().header("If-Match", postTag(id)).contentType(MERGE_PATCH).body(jsonText("bodyHtml", stored))
                .patch("/api/posts/" + id)
                .then().statusCode(200).body("bodyHtml", equalTo(stored));
        assertThat(stored).isEqualTo("<p>Fish &amp; Chips <a href=\"https://evil.example\" rel=\"noopener noreferrer\">menu</a></p>");
    }

    @Test
    void hostileMarkupInTheExcerptIsReducedToText() {
        asEditor().contentType(JSON)
                .body(json("title", "Teaser", "excerpt", "<b onclick=\"x()\">Bold</b> <script>alert(1)</script>claim",
                        "bodyHtml", "<p>Body</p>"))
                .post("/api/posts")
                .then().statusCode(201)
                .body("excerpt", equalTo("Bold claim"));
    }

    @Test
    void oversizedBodiesAreRefused() {
        String huge = "<p>" + "x".repeat(500_000) + "</p>";

        asEditor().contentType(JSON).body(json("title", "Huge", "bodyHtml", huge))
                .post("/api/posts")
                .then().statusCode(422)
                .body("type", equalTo("/problems/validation-failed"))
                .body("errors.field", contains("bodyHtml"));
        asEditor().contentType(JSON).body(json("title", "Huge", "bodyHtml", huge))
                .post("/api/pages")
                .then().statusCode(422)
                .body("errors.field", contains("bodyHtml"));
        Post post = data.post("Fair", p -> { });
        asEditor().header("If-Match", postTag(post.id)).contentType(MERGE_PATCH).body(jsonText("bodyHtml", huge))
                .patch("/api/posts/" + post.id)
                .then().statusCode(422)
                .body("errors.field", contains("bodyHtml"));
        asEditor().get("/api/posts/" + post.id).then().body("bodyHtml", equalTo("<p>Body of Fair</p>"));
    }

    @Test
    void bodyOfTheWrongTypeIsRefused() {
        asEditor().contentType(JSON).body(json("title", "Odd", "bodyHtml", Map.of("html", "<p>x</p>")))
                .post("/api/posts")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/malformed-request"))
                .body("errors[0].field", equalTo("bodyHtml"));
        asEditor().contentType(JSON).body(json("title", "Odd", "bodyHtml", new String[] {"<p>x</p>"}))
                .post("/api/pages")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("bodyHtml"));
    }

    // --- Helpers ----------------------------------------------------------------------------------

    /** No markup that can run code, load other documents, reach back to the opener or hide and overlay content. */
    private static void assertInert(String stored) {
        Document document = Jsoup.parseBodyFragment(stored);
        for (String forbidden : FORBIDDEN_ELEMENTS) {
            assertThat(document.body().select(forbidden)).as("<%s> in %s", forbidden, stored).isEmpty();
        }
        for (Element element : document.body().getAllElements()) {
            if (element != document.body()) {
                assertThat(ALLOWED_ELEMENTS).as("element in %s", stored).contains(element.normalName());
            }
            for (Attribute attribute : element.attributes()) {
                String name = attribute.getKey().toLowerCase(Locale.ROOT);
                assertThat(name).as("attribute in %s", stored).doesNotStartWith("on");
                assertThat(browserNormalised(attribute.getValue())).as("%s in %s", name, stored)
                        .doesNotStartWith("javascript:")
                        .doesNotStartWith("vbscript:")
                        .doesNotStartWith("data:");
            }
            if (element.hasAttr("style")) {
                assertOnlySafeCss(element.attr("style"), stored);
            }
        }
        for (Element link : document.select("a[href]")) {
            String href = browserNormalised(link.attr("href"));
            if (href.startsWith("http:") || href.startsWith("https:") || href.startsWith("//")) {
                assertThat(link.attr("rel")).as("rel of %s", link).isEqualTo(EXTERNAL_RELS);
            }
        }
    }



    private RequestSpecification asEditor() {
        return given().auth().oauth2(editor);
    }

    private String postTag(long id) {
        return asEditor().get("/api/posts/" + id).then().statusCode(200).extract().header("ETag");
    }

    private String pageTag(long id) {
        return asEditor().get("/api/pages/" + id).then().statusCode(200).extract().header("ETag");
    }

    /** A JSON object of these names and values. */
    private static Map<String, Object> json(Object... namesAndValues) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            body.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return body;
    }

    private static String jsonText(Object... namesAndValues) {
        try {
            return MAPPER.writeValueAsString(json(namesAndValues));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
