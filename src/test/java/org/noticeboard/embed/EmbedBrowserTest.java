package org.noticeboard.embed;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.noticeboard.category.Category;
import org.noticeboard.support.Chromium;
import org.noticeboard.support.TestData;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The widget as a partner site gets it: a page served from another origin, loaded in real headless
 * Chromium, must show what the API says.
 */
@QuarkusTest
class EmbedBrowserTest {

    private static final String SITE = "https://www.bprcvs.example";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.UK);
    /** Reads what the widget rendered inside its shadow root. */
    private static final String RENDERED_POSTS = """
            const root = document.querySelector(arguments[0]).shadowRoot;
            return root ? [...root.querySelectorAll('li')].map(li => ({
                title: li.querySelector('a').textContent, href: li.querySelector('a').href,
                datetime: li.querySelector('time').getAttribute('datetime'), date: li.querySelector('time').textContent,
                display: getComputedStyle(li).display, color: getComputedStyle(li.querySelector('a')).color})) : null;""";

    private static ChromeDriver browser;
    private static HttpServer partner;
    private static final Map<String, String> PARTNER_PAGES = new ConcurrentHashMap<>();
    private static final CountDownLatch SILENT_API_RELEASED = new CountDownLatch(1);
    /** An address of 300 characters with no place to break, as pasted into an excerpt. */
    private static final String LONG_URL = "https://www.example.org/" + "a".repeat(276);
    /** How far the page and each widget would scroll sideways: 0 when nothing overflows. */
    private static final String SIDEWAYS_OVERFLOW = """
            const page = document.documentElement;
            const result = { viewport: window.innerWidth, page: page.scrollWidth - page.clientWidth };
            document.querySelectorAll('[data-noticeboard-news]').forEach((box, i) => {
                const section = box.shadowRoot && box.shadowRoot.querySelector('section');
                result['widget ' + i] = box.scrollWidth - box.clientWidth;
                result['widget ' + i + ' list'] = section ? section.scrollWidth - section.clientWidth : -1;
                result['widget ' + i + ' right edge'] = Math.ceil(box.getBoundingClientRect().right) - window.innerWidth;
            });
            return result;""";

    @TestHTTPResource("/")
    URL api;

    @Inject
    TestData data;

    @BeforeAll
    static void startBrowserAndPartnerSite() throws IOException {
        browser = Chromium.start();
        partner = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        partner.setExecutor(Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "partner-site");
            thread.setDaemon(true);
            return thread;
        }));
        // Stand-ins for an API that is down: one answering 503 to everything (readably, with CORS), one never answering.
        partner.createContext("/unavailable/", exchange -> {
            byte[] problem = "{\"status\":503}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Access-Control-Allow-Origin", "*");
            exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
            exchange.sendResponseHeaders(503, problem.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(problem);
            }
        });
        partner.createContext("/silent/", exchange -> {
            try {
                SILENT_API_RELEASED.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        partner.createContext("/", exchange -> {
            byte[] page = PARTNER_PAGES.getOrDefault(exchange.getRequestURI().getPath(), "not found")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(PARTNER_PAGES.containsKey(exchange.getRequestURI().getPath()) ? 200 : 404, page.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(page);
            }
        });
        partner.start();
    }

    @AfterAll
    static void stop() {
        SILENT_API_RELEASED.countDown();
        if (browser != null) {
            browser.quit();
        }
        if (partner != null) {
            partner.stop(0);
        }
    }

    @BeforeEach
    void news() {
        data.reset();
        data.site(site -> {
            site.name = "BPRCVS";
            site.siteUrl = SITE;
        });
        Category pendle = data.category("What's On In Pendle");
        data.post("Pendle Walk", post -> {
            post.publishedAt = Instant.parse("2025-07-16T09:00:00Z");
            post.excerpt = "A walk round Pendle Hill.";
        }, pendle);
        data.post("Burnley Fair", post -> {
            post.publishedAt = Instant.parse("2025-08-01T10:30:00Z");
            post.excerpt = "Stalls, music and food.";
        });
        data.post("Rossendale Market", post -> {
            post.publishedAt = Instant.parse("2025-06-01T23:30:00Z");
            post.excerpt = "Local growers every Saturday.";
        }, pendle);
        data.draft("Not Yet");
    }

    @Test
    void theScriptWidgetShowsWhatTheApiSays() throws IOException {
        openPartnerPage("/news.html", """
                <style>a { color: rgb(255, 0, 0) } li { display: none }</style>
                <p><a id="partner-link" href="/">The partner's own link</a></p>
                <div data-noticeboard-news data-limit="5" style="--nb-link-color: rgb(0, 90, 40)"></div>
                <script src="%sembed/news.js" async></script>""".formatted(api));

        List<Map<String, String>> shown = renderedPosts("[data-noticeboard-news]");
        List<Map<String, Object>> fromApi = given().get(api + "api/posts?perPage=5").jsonPath().getList("items");

        assertSameAsApi(shown, fromApi);
        assertThat(shown).allSatisfy(post -> {
            assertThat(post.get("display")).as("the partner's CSS does not reach in").isEqualTo("list-item");
            assertThat(post.get("color")).as("themed through a custom property").isEqualTo("rgb(0, 90, 40)");
        });
        assertThat(browser.findElement(By.id("partner-link")).getCssValue("color"))
                .as("the widget's CSS does not leak out").isEqualTo("rgba(255, 0, 0, 1)");
        assertThat(browser.manage().getCookies()).isEmpty();
        assertThat(Chromium.cspViolations(browser)).isEmpty();
        WebElement widget = browser.findElement(By.cssSelector("[data-noticeboard-news]"));
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "widget.png"), widget.getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void theWidgetFiltersByCategory() {
        openPartnerPage("/pendle.html", """
                <div data-noticeboard-news data-category="whats-on-in-pendle" data-limit="3"><a id="own-link"
                    href="https://www.bprcvs.example/news">Read our news</a></div>
                <script src="%sembed/news.js" async></script>""".formatted(api));

        List<Map<String, String>> shown = renderedPosts("[data-noticeboard-news]");
        assertThat(browser.findElement(By.id("own-link")).isDisplayed())
                .as("the partner's own fallback link gives way to the news").isFalse();

        assertSameAsApi(shown, given().get(api + "api/posts?perPage=3&category=whats-on-in-pendle").jsonPath().getList("items"));
        assertThat(shown).extracting(post -> post.get("title")).containsExactly("Pendle Walk", "Rossendale Market");
        assertThat(Chromium.cspViolations(browser)).isEmpty();
    }

    @Test
    void theIframeShowsWhatTheApiSays() {
        openPartnerPage("/iframe.html", """
                <iframe id="news" title="Latest news" src="%sembed/news?limit=5" width="600" height="600"></iframe>"""
                .formatted(api));
        browser.switchTo().frame("news");
        try {
            new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> !driver.findElements(By.cssSelector("li")).isEmpty());
            List<Map<String, String>> shown = browser.findElements(By.cssSelector("li")).stream().map(item -> Map.of(
                    "title", item.findElement(By.tagName("a")).getText(),
                    "href", item.findElement(By.tagName("a")).getAttribute("href"),
                    "datetime", item.findElement(By.tagName("time")).getAttribute("datetime"),
                    "date", item.findElement(By.tagName("time")).getText())).toList();
            assertSameAsApi(shown, given().get(api + "api/posts?perPage=5").jsonPath().getList("items"));
            assertThat(browser.findElement(By.tagName("body")).getCssValue("margin-top"))
                    .as("the page's inline styles apply under its policy").isEqualTo("0px");
            assertThat(Chromium.cspViolations(browser)).isEmpty();
        } finally {
            browser.switchTo().defaultContent();
        }
        assertThat(Chromium.cspViolations(browser)).isEmpty();
    }

    @Test
    void theBrowserReportsWhatAPolicyBlocks() {
        browser.get(api + "embed/news");
        ((JavascriptExecutor) browser).executeScript("""
                const image = document.createElement('img');
                image.src = 'https://elsewhere.example/pixel.png';
                document.body.append(image);""");

        List<String> violations = new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(driver -> {
                    List<String> found = Chromium.cspViolations(browser);
                    return found.isEmpty() ? null : found;
                });
        assertThat(violations).anyMatch(violation -> violation.contains("elsewhere.example"));
    }

    @Test
    void whenTheApiCannotBeReachedTheWidgetOffersALinkToTheNews() {
        openPartnerPage("/down.html", """
                <div data-noticeboard-news data-api="http://127.0.0.1:9"></div>
                <script src="%sembed/news.js" async></script>""".formatted(api));

        Object fallback = new WebDriverWait(browser, Duration.ofSeconds(15)).until(driver -> ((JavascriptExecutor) driver)
                .executeScript("""
                        const root = document.querySelector('[data-noticeboard-news]').shadowRoot;
                        const link = root && root.querySelector('a');
                        return link && root.querySelectorAll('li').length === 0
                            ? { href: link.href, text: link.textContent } : null;"""));

        @SuppressWarnings("unchecked")
        Map<String, String> link = (Map<String, String>) fallback;
        assertThat(link.get("href")).isEqualTo(SITE + "/news");
        assertThat(link.get("text")).isEqualTo("Read the latest news from BPRCVS");
        assertThat(Chromium.cspViolations(browser)).isEmpty();
    }

    @Test
    void atPhoneWidthALongAddressInAnExcerptStaysInsideTheWidget() {
        data.post("A Long Address", post -> {
            post.publishedAt = Instant.parse("2025-09-01T09:00:00Z");
            post.excerpt = "The form is at " + LONG_URL + " until Friday.";
        });
        assertThat(LONG_URL).hasSize(300);
        atPhoneWidth(() -> {
            openPartnerPage("/phone.html", """
                    <div data-noticeboard-news data-limit="2"></div>
                    <main style="display: flex; gap: 8px"><div data-noticeboard-news data-limit="2"></div></main>
                    <script src="%sembed/news.js" async></script>""".formatted(api));
            renderedPosts("main [data-noticeboard-news]");
            renderedPosts("[data-noticeboard-news]");

            @SuppressWarnings("unchecked")
            Map<String, Long> overflow = (Map<String, Long>) ((JavascriptExecutor) browser).executeScript(SIDEWAYS_OVERFLOW);
            assertThat(overflow.remove("viewport")).isEqualTo(375L);
            assertThat(overflow).hasSize(7).allSatisfy((what, pixels) -> assertThat(pixels).as(what).isLessThanOrEqualTo(0L));

            browser.get(api + "embed/news?limit=2");
            assertThat(browser.findElement(By.tagName("body")).getText()).contains(LONG_URL.substring(0, 40));
            Object pageOverflow = ((JavascriptExecutor) browser).executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertThat((Long) pageOverflow).as("the iframe page scrolls sideways by").isLessThanOrEqualTo(0L);
        });
    }

    @Test
    void withTheApiDownAFreshBrowserShowsTheLinkInThePartnersMarkup() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        withFreshBrowser(fresh -> {
            openPartnerPage(fresh, "/api-down.html", """
                    <div data-noticeboard-news><a id="news-link" href="%s/news">Read our news</a></div>
                    <script src="http://127.0.0.1:%d/embed/news.js" async></script>""".formatted(SITE, closed));
            WebElement link = fresh.findElement(By.id("news-link"));
            new WebDriverWait(fresh, Duration.ofSeconds(10)).until(driver -> ((JavascriptExecutor) driver)
                    .executeScript("return document.readyState").equals("complete"));
            assertThat(link.isDisplayed()).isTrue();
            assertThat(link.getAttribute("href")).isEqualTo(SITE + "/news");
            assertThat(link.getText()).isEqualTo("Read our news");
        });
    }

    @Test
    void whenTheApiAnswers503AFreshBrowserShowsTheFallbackLink() {
        withFreshBrowser(fresh -> {
            String down = "http://127.0.0.1:" + partner.getAddress().getPort() + "/unavailable";
            openPartnerPage(fresh, "/api-503.html", """
                    <div id="bare" data-noticeboard-news data-api="%1$s"></div>
                    <div id="own" data-noticeboard-news data-api="%1$s"><a id="own-link" href="%2$s/news">Read our news</a></div>
                    <script src="%3$sembed/news.js" async></script>""".formatted(down, SITE, api));

            assertThat(fallbackLink(fresh, "#bare", Duration.ofSeconds(15)))
                    .containsEntry("href", SITE + "/news").containsEntry("text", "Read the latest news from BPRCVS");
            new WebDriverWait(fresh, Duration.ofSeconds(15)).until(driver -> driver.findElement(By.id("own-link")).isDisplayed());
            assertThat(((JavascriptExecutor) fresh).executeScript(
                    "return document.querySelector('#own').shadowRoot.querySelectorAll('li').length")).isEqualTo(0L);
            assertThat(Chromium.cspViolations(fresh)).isEmpty();
        });
    }

    @Test
    void whenTheApiDoesNotAnswerTheWidgetGivesUpAndShowsTheFallbackLink() {
        withFreshBrowser(fresh -> {
            openPartnerPage(fresh, "/api-silent.html", """
                    <div data-noticeboard-news data-api="http://127.0.0.1:%d/silent"></div>
                    <script src="%sembed/news.js" async></script>""".formatted(partner.getAddress().getPort(), api));

            assertThat(fallbackLink(fresh, "[data-noticeboard-news]", Duration.ofSeconds(20)))
                    .containsEntry("href", SITE + "/news").containsEntry("text", "Read the latest news from BPRCVS");
        });
    }

    private void openPartnerPage(String path, String body) {
        openPartnerPage(browser, path, body);
    }

    private void openPartnerPage(ChromeDriver driver, String path, String body) {
        PARTNER_PAGES.put(path, "<!doctype html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>Partner</title>"
                + "</head><body>" + body + "</body></html>");
        String address = "http://127.0.0.1:" + partner.getAddress().getPort() + path;
        assertThat(address).as("the partner page is on another origin than the API").doesNotStartWith(api.toString());
        driver.get(address);
    }

    /** The link a widget shows instead of the news: the first link in its shadow root, once it has no list. */
    @SuppressWarnings("unchecked")
    private static Map<String, String> fallbackLink(ChromeDriver driver, String selector, Duration patience) {
        return (Map<String, String>) new WebDriverWait(driver, patience).until(ready -> ((JavascriptExecutor) ready)
                .executeScript("""
                        const root = document.querySelector(arguments[0]).shadowRoot;
                        const link = root && root.querySelector('a');
                        return link && root.querySelectorAll('li').length === 0 && link.getClientRects().length > 0
                            ? { href: link.href, text: link.textContent } : null;""", selector));
    }

    /** A browser of its own, with an empty profile: no cached script, page or answer. */
    private static void withFreshBrowser(Consumer<ChromeDriver> use) {
        ChromeDriver fresh = Chromium.start();
        try {
            use.accept(fresh);
        } finally {
            fresh.quit();
        }
    }

    /** A 375 px wide viewport, the width of a small phone, for what {@code check} does. */
    private static void atPhoneWidth(Runnable check) {
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 375, "height", 812, "deviceScaleFactor", 1, "mobile", false));
        try {
            check.run();
        } finally {
            browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, String>> renderedPosts(String selector) {
        return (List<Map<String, String>>) new WebDriverWait(browser, Duration.ofSeconds(15)).until(driver -> {
            Object posts = ((JavascriptExecutor) driver).executeScript(RENDERED_POSTS, selector);
            return posts instanceof List<?> list && !list.isEmpty() ? list : null;
        });
    }

    private static void assertSameAsApi(List<Map<String, String>> shown, List<Map<String, Object>> fromApi) {
        assertThat(shown).hasSameSizeAs(fromApi);
        for (int i = 0; i < fromApi.size(); i++) {
            Map<String, Object> post = fromApi.get(i);
            Instant published = Instant.parse((String) post.get("publishedAt"));
            assertThat(shown.get(i)).containsEntry("title", (String) post.get("title"))
                    .containsEntry("href", SITE + post.get("path"))
                    .containsEntry("datetime", (String) post.get("publishedAt"))
                    .containsEntry("date", DATE.format(published.atZone(ZoneId.of("Europe/London"))));
        }
    }
}
