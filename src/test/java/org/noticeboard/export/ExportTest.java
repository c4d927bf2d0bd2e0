package org.noticeboard.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.noticeboard.category.Category;
import org.noticeboard.comment.CommentFixtures;
import org.noticeboard.comment.CommentState;
import org.noticeboard.common.WireEnum;
import org.noticeboard.menu.LinkType;
import org.noticeboard.menu.Menu;
import org.noticeboard.menu.MenuItem;
import org.noticeboard.page.Page;
import org.noticeboard.page.PageStatus;
import org.noticeboard.post.CommentStatus;
import org.noticeboard.post.Post;
import org.noticeboard.post.PostStatus;
import org.noticeboard.site.CommentModeration;
import org.noticeboard.site.SiteLanguage;
import org.noticeboard.support.TestData;
import org.noticeboard.user.Role;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.noticeboard.comment.CommentFixtures.comment;

/** GET /api/export: the whole site, in the documented format, the same bytes for the same content. */
@QuarkusTest
class ExportTest {

    private static final Path SCHEMA = Path.of("openapi/export.schema.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    TestData data;
    @Inject
    CommentFixtures comments;

    private String admin;
    private Post fair;
    private long reply;

    @BeforeEach
    void aSiteWithEveryKindOfContent() {
        data.reset();
        admin = data.tokenFor(Role.ADMIN);
        Category news = data.category("News");
        Category grants = data.category("Grants", news);
        Page services = data.page("Services", null);
        Page hire = data.page("Room hire", services, p -> p.summary = "Rooms by the hour");
        fair = data.post("Summer fair", p -> p.excerpt = "On the green", grants, news);
        data.draft("Plans");
        data.future("Winter fair");
        Menu main = data.menu("main");
        MenuItem about = data.menuItem(main, null, "Services", TestData.toPage(services));
        data.menuItem(main, about, "Room hire", TestData.toPage(hire));
        data.menuItem(main, about, "Fair", TestData.toPost(fair));
        rename("/api/posts/" + fair.id, "{\"slug\":\"the-summer-fair\"}");
        rename("/api/pages/" + hire.id, "{\"slug\":\"hire-a-room\"}");
        long first = comments.sendApproved(fair.id, comment("reader@example.net", "Count me in"));
        Map<String, Object> answer = comment("other@example.net", "Me too");
        answer.put("parentId", first);
        reply = ((Number) comments.send(fair.id, answer).statusCode(201).extract().path("id")).longValue();
        comments.block("casino");
        given().auth().oauth2(admin).contentType("application/rss+xml").body("""
                <rss version="2.0"><channel><title>Old site</title><link>https://old.example/news</link>
                <item><title>From the old site</title><guid>old-1</guid><link>https://old.example/news/1</link>
                <description>Moved in</description></item></channel></rss>""").post("/api/imports/feed").then()
                .statusCode(200);
    }

    private void rename(String path, String patch) {
        String tag = given().auth().oauth2(admin).get(path).then().statusCode(200).extract().header("ETag");
        given().auth().oauth2(admin).header("If-Match", tag).contentType("application/merge-patch+json").body(patch)
                .patch(path).then().statusCode(200);
    }

    private byte[] export(String query) {
        return given().auth().oauth2(admin).get("/api/export" + query).then().statusCode(200)
                .contentType("application/json")
                .header("Content-Disposition", "attachment; filename=\"noticeboard-export.json\"")
                .header("Cache-Control", "private, no-store")
                .extract().asByteArray();
    }

    private static Set<ValidationMessage> violations(JsonNode document) throws Exception {
        try (InputStream schema = Files.newInputStream(SCHEMA)) {
            JsonSchema validator = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema);
            return validator.validate(document);
        }
    }

    @Test
    void theExportHoldsTheWholeSiteInTheDocumentedFormat() throws Exception {
        JsonNode document = JSON.readTree(export(""));
        assertThat(violations(document)).isEmpty();
        JsonNode altered = document.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) altered.at("/posts/0")).put("surprise", 1);
        assertThat(violations(altered)).as("a property the format does not have").isNotEmpty();
        assertThat(document.get("format").asText()).isEqualTo("noticeboard-export");
        assertThat(document.get("full").asBoolean()).isFalse();
        assertThat(document.at("/categories/1/parentId").asLong()).isEqualTo(document.at("/categories/0/id").asLong());
        assertThat(document.get("posts")).hasSize(4);
        JsonNode post = document.get("posts").get(0);
        assertThat(post.get("slug").asText()).isEqualTo("the-summer-fair");
        assertThat(post.at("/formerSlugs/0/slug").asText()).isEqualTo("summer-fair");
        assertThat(post.get("categoryIds")).hasSize(2);
        assertThat(post.get("bodyHtml").asText()).isEqualTo(fair.bodyHtml);
        assertThat(document.at("/posts/1/status").asText()).isEqualTo("draft");
        assertThat(document.at("/posts/2/status").asText()).isIn("scheduled", "published");
        assertThat(document.at("/pages/1/path").asText()).isEqualTo("services/hire-a-room");
        assertThat(document.at("/pages/1/formerPaths/0/path").asText()).isEqualTo("services/room-hire");
        assertThat(document.at("/menus/0/items")).hasSize(3);
        assertThat(document.at("/menus/0/items/1/parentId").asLong())
                .isEqualTo(document.at("/menus/0/items/0/id").asLong());
        JsonNode answer = document.at("/comments/1");
        assertThat(answer.get("id").asLong()).isEqualTo(reply);
        assertThat(answer.get("parentId").asLong()).isEqualTo(document.at("/comments/0/id").asLong());
        assertThat(answer.get("status").asText()).isEqualTo("pending");
        assertThat(answer.get("authorEmail").asText()).isEqualTo("other@example.net");
        assertThat(answer.get("ipAddress").isNull()).isTrue();
        assertThat(document.get("commentBlocklist").get(0).asText()).isEqualTo("casino");
        assertThat(document.at("/importedItems/0/source").asText()).isEqualTo("https://old.example/news");
        assertThat(document.at("/importedItems/0/postId").asLong()).isEqualTo(document.at("/posts/3/id").asLong());
        assertThat(document.at("/importedItems/0/link").asText()).isEqualTo("https://old.example/news/1");
        for (JsonNode user : document.get("users")) {
            assertThat(user.get("passwordHash").isNull()).isTrue();
        }
    }

    @Test
    void aFullExportAlsoHoldsPasswordHashesAndAddresses() throws Exception {
        JsonNode document = JSON.readTree(export("?full=true"));
        assertThat(violations(document)).isEmpty();
        assertThat(document.get("full").asBoolean()).isTrue();
        assertThat(document.at("/users/0/passwordHash").asText()).isNotBlank();
        assertThat(document.at("/comments/0/ipAddress").asText()).isEqualTo("127.0.0.1");
    }

    @Test
    void theSameContentGivesTheSameBytesAndAChangeShowsInThem() {
        byte[] first = export("");
        assertThat(export("")).isEqualTo(first);
        data.post("One more", p -> { });
        assertThat(export("")).isNotEqualTo(first);
    }

    @Test
    void onlyAdminsMayExport() {
        given().get("/api/export").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(data.tokenFor(Role.EDITOR)).get("/api/export").then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(admin).get("/api/export?full=yes").then().statusCode(400)
                .body("errors[0].field", equalTo("full"));
    }

    @Test
    void theSchemaNamesTheSameWordsAsTheApplication() throws Exception {
        JsonNode schema = JSON.readTree(SCHEMA.toFile());
        assertThat(words(schema.at("/properties/site/properties/language/enum"))).isEqualTo(wire(SiteLanguage.values()));
        assertThat(words(schema.at("/properties/site/properties/commentModeration/enum")))
                .isEqualTo(wire(CommentModeration.values()));
        assertThat(words(schema.at("/properties/users/items/properties/role/enum"))).isEqualTo(wire(Role.values()));
        assertThat(words(schema.at("/properties/pages/items/properties/status/enum"))).isEqualTo(wire(PageStatus.values()));
        assertThat(words(schema.at("/properties/posts/items/properties/status/enum"))).isEqualTo(wire(PostStatus.values()));
        assertThat(words(schema.at("/properties/posts/items/properties/commentStatus/enum")))
                .isEqualTo(wire(CommentStatus.values()));
        assertThat(words(schema.at("/properties/menus/items/properties/items/items/properties/linkType/enum")))
                .isEqualTo(wire(LinkType.values()));
        assertThat(words(schema.at("/properties/comments/items/properties/status/enum")))
                .isEqualTo(wire(CommentState.values()));
    }

    private static List<String> words(JsonNode values) {
        List<String> words = new ArrayList<>();
        values.forEach(value -> words.add(value.asText()));
        return words;
    }

    private static List<String> wire(Enum<?>... constants) {
        return Arrays.stream(constants).map(WireEnum::name).toList();
    }
}
