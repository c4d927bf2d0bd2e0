package org.noticeboard.embed;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.noticeboard.category.Category;
import org.noticeboard.support.TestData;

import java.time.Instant;
import java.util.List;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class EmbedResourceTest {

    private static final String SITE = "https://www.bprcvs.example";

    @Inject
    TestData data;

    @BeforeEach
    void news() {
        data.reset();
        data.site(site -> {
            site.name = "BPRCVS";
            site.siteUrl = SITE;
        });
        Category pendle = data.category("What's On In Pendle");
        data.post("Pendle <Walk> & Talk", post -> {
            post.publishedAt = Instant.parse("2025-07-16T09:00:00Z");
            post.excerpt = "Bring <boots>";
        }, pendle);
        data.post("Burnley Fair", Instant.parse("2025-08-01T10:30:00Z"));
        data.draft("Not Yet");
    }

    @Test
    void theScriptKnowsTheNewsPageBeforeItAsksTheApi() {
        String script = when().get("/embed/news.js").then().statusCode(200)
                .contentType(startsWith("text/javascript"))
                .extract().asString();
        assertThat(script).contains("var SITE = {\"name\":\"BPRCVS\",\"newsUrl\":\"https://www.bprcvs.example/news\"};");
        assertThat(script).contains("attachShadow").contains("credentials: \"omit\"").doesNotContain("/*SITE*/");
    }

    @Test
    void theIframePageListsTheSamePostsAsTheApiEscaped() {
        Document page = Jsoup.parse(when().get("/embed/news?limit=5").then().statusCode(200)
                .contentType(startsWith("text/html"))
                .header("Content-Security-Policy", containsString("frame-ancestors *"))
                .header("Content-Security-Policy", containsString("default-src 'none'"))
                .extract().asString());
        List<String> apiTitles = when().get("/api/posts?perPage=5").jsonPath().getList("items.title");

        List<Element> items = page.select("li");
        assertThat(items).extracting(item -> item.selectFirst("a").text()).containsExactlyElementsOf(apiTitles);
        Element walk = items.get(1);
        assertThat(walk.selectFirst("a").attr("href")).isEqualTo(SITE + "/news/pendle-walk-talk");
        assertThat(walk.selectFirst("time").attr("datetime")).isEqualTo("2025-07-16T09:00:00Z");
        assertThat(walk.selectFirst("time").text()).isEqualTo("16 July 2025");
        assertThat(walk.selectFirst("p").text()).isEqualTo("Bring <boots>");
        assertThat(page.select("script, boots, walk")).isEmpty();
        assertThat(page.selectFirst("h1").text()).isEqualTo("Latest news from BPRCVS");
        assertThat(page.selectFirst("base").attr("target")).isEqualTo("_top");
        assertThat(page.selectFirst("a.more").attr("href")).isEqualTo(SITE + "/news");
    }

    @Test
    void theIframePageFiltersByCategoryAndLimits() {
        Document pendle = Jsoup.parse(when().get("/embed/news?category=whats-on-in-pendle&title=Pendle").asString());
        assertThat(pendle.select("li a")).extracting(Element::text).containsExactly("Pendle <Walk> & Talk");
        assertThat(pendle.selectFirst("h1").text()).isEqualTo("Pendle");
        assertThat(Jsoup.parse(when().get("/embed/news?limit=1").asString()).select("li")).hasSize(1);
        when().get("/embed/news?limit=21").then().statusCode(400).body("errors[0].field", equalTo("limit"));
        when().get("/embed/news?category=nowhere").then().statusCode(400);
    }

    @Test
    void oembedAnswersARichPostCard() {
        String card = given().queryParam("url", SITE + "/news/burnley-fair").queryParam("maxwidth", 400)
                .when().get("/api/oembed")
                .then().statusCode(200)
                .body("version", equalTo("1.0"))
                .body("type", equalTo("rich"))
                .body("title", equalTo("Burnley Fair"))
                .body("provider_name", equalTo("BPRCVS"))
                .body("provider_url", equalTo(SITE + "/"))
                .body("width", equalTo(400))
                .body("height", equalTo(220))
                .extract().path("html");

        Document html = Jsoup.parseBodyFragment(card);
        assertThat(html.select("blockquote a").attr("href")).isEqualTo(SITE + "/news/burnley-fair");
        assertThat(html.select("time").text()).isEqualTo("1 August 2025");
        assertThat(html.select("script, iframe")).isEmpty();
    }

    @Test
    void oembedEscapesWhatItEmbeds() {
        String card = given().queryParam("url", SITE + "/news/pendle-walk-talk").when().get("/api/oembed")
                .then().statusCode(200).extract().path("html");
        assertThat(card).contains("Pendle &lt;Walk&gt; &amp; Talk").doesNotContain("<boots>");
    }

    @Test
    void oembedRefusesWhatItCannotEmbed() {
        given().queryParam("url", "https://elsewhere.example/news/burnley-fair").get("/api/oembed").then().statusCode(404);
        given().queryParam("url", SITE + "/news/not-yet").get("/api/oembed").then().statusCode(404);
        given().queryParam("url", SITE + "/about").get("/api/oembed").then().statusCode(404);
        given().queryParam("url", SITE + "/news/burnley-fair").queryParam("format", "xml").get("/api/oembed")
                .then().statusCode(501).contentType("application/problem+json");
        given().queryParam("url", SITE + "/news/burnley-fair").queryParam("maxwidth", "wide").get("/api/oembed")
                .then().statusCode(400);
        when().get("/api/oembed").then().statusCode(400).body("errors[0].field", equalTo("url"));
    }
}
