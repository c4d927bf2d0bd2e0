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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URL;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Swagger UI is the admin interface: its Authorize dialog must sign in, and its requests must then carry the token. */
@QuarkusTest
class SwaggerUiSignInTest {

    private static ChromeDriver browser;

    @TestHTTPResource("/q/swagger-ui/")
    URL swaggerUi;

    @Inject
    TestData data;

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
    }

    @Test
    void theAuthorizeDialogSignsInAndTryItOutSendsTheToken() {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        browser.get(swaggerUi.toString());

        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.authorize"))).click();
        WebElement username = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("oauth_username")));
        username.sendKeys("editor@example.org");
        browser.findElement(By.id("oauth_password")).sendKeys(TestData.PASSWORD);
        String signIn = "//div[contains(@class,'auth-container')][.//*[contains(text(),'signIn')]]";
        browser.findElement(By.xpath(signIn + "//button[normalize-space()='Authorize']")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(signIn + "//button[normalize-space()='Logout']")));
        browser.findElement(By.cssSelector(".modal-ux .close-modal")).click();

        WebElement me = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#operations-Sign-in-getCurrentUser .opblock-summary")));
        me.click();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#operations-Sign-in-getCurrentUser .try-out__btn"))).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#operations-Sign-in-getCurrentUser .execute"))).click();

        WebElement status = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#operations-Sign-in-getCurrentUser .live-responses-table tbody .response-col_status")));
        String body = browser.findElement(By.cssSelector("#operations-Sign-in-getCurrentUser .live-responses-table tbody .microlight")).getText();
        assertThat(status.getText()).startsWith("200");
        assertThat(body).contains("editor@example.org");
        assertThat(browser.getTitle()).isEqualTo("Noticeboard API");
        assertThat(Chromium.cspViolations(browser)).as("Swagger UI runs under its Content-Security-Policy").isEmpty();
    }
}
