package org.noticeboard.auth;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.noticeboard.support.Chromium;
import org.noticeboard.support.TestData;
import org.noticeboard.user.Role;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URL;
import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Swagger UI is the admins' tool: signing in with the signIn operation authorizes it, the examples run as they are,
 * and an If-Match of "current" saves copying an ETag by hand. Each step is checked through the API as well.
 */
@QuarkusTest
class SwaggerUiSignInTest {

    private static final String EXAMPLE_TITLE = "Volunteers' Week: thank you to everyone who gives their time";
    private static ChromeDriver browser;

    @TestHTTPResource("/q/swagger-ui/")
    URL swaggerUi;

    @Inject
    TestData data;

    private WebDriverWait wait;
    private String reader;

    @BeforeAll
    static void startBrowser() {
        browser = Chromium.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void anEditor() {
        data.reset();
        data.user("editor@example.org", Role.EDITOR);
        reader = data.tokenFor(Role.EDITOR);
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        browser.get(swaggerUi.toString());
    }

    @Test
    void anEditorSignsInCreatesChangesAndDeletesAPostFromTheExamples() {
        assertThat(browser.getTitle()).isEqualTo("Noticeboard API");
        WebElement createPost = operation("Posts", "createPost");
        assertThat(createPost.findElements(By.cssSelector(".authorization__btn"))).as("a write shows a lock").isNotEmpty();
        assertThat(operation("Posts", "getPost").findElements(By.cssSelector(".authorization__btn")))
                .as("a public read shows none").isEmpty();

        WebElement signIn = tryItOut("Sign-in", "signIn");
        body(signIn, "{\"email\": \"editor@example.org\", \"password\": \"" + TestData.PASSWORD + "\"}");
        assertThat(execute(signIn)).isEqualTo("200");
        assertThat(status()).startsWith("Signed in");

        WebElement create = tryItOut("Posts", "createPost");
        assertThat(execute(create)).isEqualTo("201");
        assertThat(execute(create)).as("the example runs again: the next slug is free").isEqualTo("201");
        List<Integer> ids = given().auth().oauth2(reader).get("/api/posts?status=draft")
                .then().statusCode(200)
                .body("items.title", equalTo(List.of(EXAMPLE_TITLE, EXAMPLE_TITLE)))
                .body("items.slug", equalTo(List.of("volunteers-week-thank-you-to-everyone-who-gives-their-time-2",
                        "volunteers-week-thank-you-to-everyone-who-gives-their-time")))
                .extract().path("items.id");
        String id = String.valueOf(ids.get(0));

        WebElement read = tryItOut("Posts", "getPost");
        parameter(read, "id", id);
        assertThat(execute(read)).as("a public read is sent signed in: the draft is shown").isEqualTo("200");
        assertThat(responseBody(read)).contains("\"status\": \"draft\"");

        WebElement patch = tryItOut("Posts", "patchPost");
        parameter(patch, "id", id);
        parameter(patch, "If-Match", "current");
        body(patch, "{\"status\": \"published\"}");
        assertThat(execute(patch)).isEqualTo("200");
        assertThat(status()).startsWith("If-Match \"current\" was sent as \"post-" + id + "-v")
                .endsWith("the ETag of GET /api/posts/" + id + ", read signed in just now.");
        given().get("/api/posts/" + id).then().statusCode(200).body("status", equalTo("published"));

        WebElement delete = tryItOut("Posts", "deletePost");
        parameter(delete, "id", id);
        parameter(delete, "If-Match", "current");
        assertThat(execute(delete)).isEqualTo("204");
        assertThat(status()).contains("the ETag of GET /api/posts/" + id);
        given().auth().oauth2(reader).get("/api/posts/" + id).then().statusCode(404);

        assertThat(Chromium.cspViolations(browser)).as("Swagger UI runs under its Content-Security-Policy").isEmpty();
    }

    @Test
    void afterSigningOutOrWhenTheTokenRunsOutSwaggerUiStopsSendingIt() {
        WebElement signIn = tryItOut("Sign-in", "signIn");
        body(signIn, "{\"email\": \"editor@example.org\", \"password\": \"" + TestData.PASSWORD + "\"}");
        assertThat(execute(signIn)).isEqualTo("200");
        WebElement signOut = tryItOut("Sign-in", "signOut");
        assertThat(execute(signOut)).isEqualTo("204");
        assertThat(status()).startsWith("Signed out");
        WebElement me = tryItOut("Sign-in", "getCurrentUser");
        assertThat(execute(me)).as("no token is sent any more").isEqualTo("401");

        assertThat(execute(signIn)).isEqualTo("200");
        assertThat(execute(me)).isEqualTo("200");
        data.expireSessions();
        assertThat(execute(me)).isEqualTo("401");
        assertThat(responseBody(me)).contains("unknown, expired or revoked");
        assertThat(status()).startsWith("The token was refused");
        assertThat(execute(me)).isEqualTo("401");
        assertThat(responseBody(me)).as("the refused token is not sent again").contains("Sign in first");
    }

    private WebElement operation(String tag, String operationId) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.id("operations-" + tag + "-" + operationId)));
    }

    private WebElement tryItOut(String tag, String operationId) {
        WebElement operation = operation(tag, operationId);
        operation.findElement(By.cssSelector(".opblock-summary")).click();
        inside(operation, ".try-out__btn").click();
        inside(operation, ".execute");
        return operation;
    }

    private WebElement inside(WebElement operation, String css) {
        return wait.until(driver -> operation.findElements(By.cssSelector(css)).stream()
                .filter(WebElement::isDisplayed).findFirst().orElse(null));
    }

    private void parameter(WebElement operation, String name, String value) {
        WebElement input = operation.findElement(By.cssSelector("tr[data-param-name='" + name + "'] input"));
        input.clear();
        input.sendKeys(value);
    }

    private void body(WebElement operation, String json) {
        WebElement text = operation.findElement(By.cssSelector("textarea.body-param__text"));
        // clear() empties the element but not the state React keeps for it: select the example and type over it.
        text.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        text.sendKeys(json);
    }

    /** Executes the request and answers the status of its response once it is shown. */
    private String execute(WebElement operation) {
        By shownStatus = By.cssSelector(".live-responses-table tbody .response-col_status");
        if (!operation.findElements(By.cssSelector(".btn-clear")).isEmpty()) {
            operation.findElement(By.cssSelector(".btn-clear")).click();
            wait.until(driver -> operation.findElements(shownStatus).isEmpty());
        }
        operation.findElement(By.cssSelector(".execute")).click();
        return wait.until(driver -> operation.findElements(shownStatus).stream().findFirst()
                .map(status -> status.getText().strip()).filter(text -> !text.isEmpty()).orElse(null)).split("\\s")[0];
    }

    private static String responseBody(WebElement operation) {
        return operation.findElement(By.cssSelector(".live-responses-table tbody .response-col_description pre")).getText();
    }

    private String status() {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("noticeboard-status"))).getText();
    }
}
