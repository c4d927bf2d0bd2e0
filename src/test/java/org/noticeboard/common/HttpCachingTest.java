package org.noticeboard.common;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.noticeboard.menu.Menu;
import org.noticeboard.page.Page;
import org.noticeboard.post.Post;
import org.noticeboard.support.TestData;
import org.noticeboard.user.Role;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

/** Public reads are cacheable and revalidate cheaply; reads that depend on who asks are never kept. */
@QuarkusTest
class HttpCachingTest {

    @Inject
    TestData data;

    @io.quarkus.test.common.http.TestHTTPResource("/")
    URI api;

    @BeforeEach
    void someContent() {
        data.reset();
        Page about = data.page("About", null);
        data.post("Hello", p -> { }, data.category("News"));
        Menu main = data.menu("main");
        data.menuItem(main, null, "About", TestData.toPage(about));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/site", "/api/menus", "/api/menus/main", "/api/pages", "/api/pages/by-path/about",
            "/api/posts", "/api/posts/slug/hello", "/api/categories", "/api/categories/news", "/api/archives",
            "/api/feeds/posts.rss", "/api/feeds/posts.json", "/embed/news.js", "/embed/news"})
    void everyPublicReadIsCacheableAndRevalidatesWithA304(String address) {
        ExtractableResponse<Response> first = when().get(address).then().statusCode(200)
                .header("ETag", notNullValue())
                .header("Cache-Control", "public, max-age=60, stale-while-revalidate=300")
                .header("Vary", containsString("Authorization"))
                .extract();

        given().header("If-None-Match", first.header("ETag")).when().get(address)
                .then().statusCode(304)
                .header("ETag", first.header("ETag"))
                .body(emptyString());
        given().header("If-None-Match", "W/" + first.header("ETag") + ", \"something-else\"").when().get(address)
                .then().statusCode(304);
        given().header("If-None-Match", "\"something-else\"").when().get(address).then().statusCode(200);
    }

    @Test
    void theSameContentHasTheSameTagAndAChangeGivesANewOne() {
        String before = when().get("/api/posts/slug/hello").then().extract().header("ETag");
        assertThat(when().get("/api/posts/slug/hello").then().extract().header("ETag")).isEqualTo(before);

        data.post("Newer", p -> { });

        ExtractableResponse<Response> after = given().header("If-None-Match", before).get("/api/posts/slug/hello")
                .then().statusCode(200).extract();
        assertThat(after.header("ETag")).isNotEqualTo(before);
        assertThat(after.jsonPath().getString("next.slug")).isEqualTo("newer");
    }

    @Test
    void anEditShowsOnTheNextRead() {
        String editor = data.tokenFor(Role.EDITOR);
        String before = when().get("/api/pages/by-path/about").then().extract().header("ETag");
        ExtractableResponse<Response> editing = given().auth().oauth2(editor).get("/api/pages/by-path/about").then().extract();
        long id = editing.jsonPath().getLong("id");

        given().auth().oauth2(editor).header("If-Match", editing.header("ETag")).contentType("application/merge-patch+json")
                .body("{\"title\":\"About us\"}").patch("/api/pages/" + id).then().statusCode(200);

        given().header("If-None-Match", before).get("/api/pages/by-path/about")
                .then().statusCode(200).body("title", equalTo("About us"));
        given().header("If-None-Match", before).get("/api/menus/main")
                .then().statusCode(200);
    }

    @Test
    void theSiteRevalidatesWithIfModifiedSinceToo() {
        String lastModified = when().get("/api/site").then().statusCode(200)
                .header("Last-Modified", notNullValue()).extract().header("Last-Modified");
        given().header("If-Modified-Since", lastModified).get("/api/site").then().statusCode(304);
        given().header("If-Modified-Since", "Sat, 01 Jan 2000 00:00:00 GMT").get("/api/site").then().statusCode(200);
    }

    @Test
    void signedInReadsAreNeverStoredOrSharedWithPublicOnes() {
        String editor = data.tokenFor(Role.EDITOR);
        String publicTag = when().get("/api/posts/slug/hello").then().extract().header("ETag");

        given().auth().oauth2(editor).header("If-None-Match", publicTag).get("/api/posts/slug/hello")
                .then().statusCode(200)
                .header("Cache-Control", "private, no-store")
                .header("ETag", not(equalTo(publicTag)))
                .body("audit", notNullValue());
        given().auth().oauth2(editor).get("/api/posts?status=any")
                .then().statusCode(200).header("Cache-Control", "private, no-store");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/site", "/api/menus/main", "/api/pages/by-path/about", "/api/posts/slug/hello",
            "/api/categories/news", "/api/posts"})
    void aPublicReadsTagIsTheHashOfItsBytesWhateverTheResourcesVersion(String address) {
        ExtractableResponse<Response> read = when().get(address).then().statusCode(200).extract();

        assertThat(read.header("ETag")).isEqualTo(EntityTags.of(read.asByteArray()))
                .doesNotContain("-v");
        // the same again, whether from the response cache or not
        assertThat(when().get(address).then().extract().header("ETag")).isEqualTo(read.header("ETag"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/site|site", "/api/menus/main|menu", "/api/pages/by-path/about|page",
            "/api/posts/slug/hello|post", "/api/categories/news|category"})
    void aSignedInReadOfOneResourceCarriesItsEditingTagAndRevalidatesWithIt(String addressAndKind) {
        String address = addressAndKind.split("\\|")[0];
        String editor = data.tokenFor(Role.ADMIN);

        String tag = given().auth().oauth2(editor).get(address).then().statusCode(200).extract().header("ETag");

        // the site settings' one row lives on from test to test, and so does its version
        assertThat(tag).matches("\"" + addressAndKind.split("\\|")[1] + "-[0-9]+-v[0-9]+\"");
        given().auth().oauth2(editor).header("If-None-Match", tag).get(address)
                .then().statusCode(304).header("ETag", tag).header("Cache-Control", "private, no-store");
        given().auth().oauth2(editor).header("If-None-Match", "\"something-else\"").get(address).then().statusCode(200);
    }

    @Test
    void aSignedInReadStaysNotModifiedWhileOnlyWhatIsShownBesideTheResourceChanges() {
        String editor = data.tokenFor(Role.EDITOR);
        String tag = given().auth().oauth2(editor).get("/api/posts/slug/hello").then().extract().header("ETag");

        data.post("Newer", p -> { });

        given().auth().oauth2(editor).header("If-None-Match", tag).get("/api/posts/slug/hello").then().statusCode(304);
        given().auth().oauth2(editor).get("/api/posts/slug/hello").then().header("ETag", tag).body("next.slug", equalTo("newer"));
    }

    @Test
    void signedInListsKeepTheHashOfTheirBytes() {
        String editor = data.tokenFor(Role.EDITOR);
        ExtractableResponse<Response> list = given().auth().oauth2(editor).get("/api/posts?status=any").then().extract();
        assertThat(list.header("ETag")).isEqualTo(EntityTags.of(list.asByteArray()));
    }

    @Test
    void errorsAreNotMarkedCacheable() {
        when().get("/api/posts/slug/nothing").then().statusCode(404)
                .header("Cache-Control", not(containsString("public")))
                .header("ETag", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void jsonAndFeedsAreCompressedForClientsThatAcceptIt() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        for (String encoding : new String[]{"gzip", "br"}) {
            for (String address : new String[]{"api/posts", "api/feeds/posts.rss"}) {
                HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(api.resolve(address))
                        .header("Accept-Encoding", encoding).build(), HttpResponse.BodyHandlers.ofByteArray());
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(response.headers().firstValue("Content-Encoding")).as(address).hasValue(encoding);
            }
        }
        HttpResponse<String> plain = client.send(HttpRequest.newBuilder(api.resolve("api/posts")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(plain.body()).contains("\"items\"");
    }

    @Test
    void headAnswersLikeGetWithoutABody() {
        String tag = when().get("/api/archives").then().extract().header("ETag");
        when().head("/api/archives").then().statusCode(200).header("ETag", tag).body(emptyString());
    }

    @Test
    void deletedContentIsNotServedFromAStaleTag() {
        String tag = when().get("/api/posts").then().extract().header("ETag");
        data.delete(data.find(Post.class, 1L));
        given().header("If-None-Match", tag).get("/api/posts").then().statusCode(200).body("total", equalTo(0));
    }
}
