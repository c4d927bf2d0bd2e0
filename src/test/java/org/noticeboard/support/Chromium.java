package org.noticeboard.support;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

/**
 * Debian's headless Chromium for browser tests. Where it is not installed the tests are skipped, saying how
 * to install it, unless NOTICEBOARD_REQUIRE_BROWSER_TESTS=true (CI), where that is a failure.
 */
public final class Chromium {

    private static final Path BROWSER = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private Chromium() {
    }

    public static ChromeDriver start() {
        if (!Files.isExecutable(BROWSER) || !Files.isExecutable(DRIVER)) {
            String message = "Browser tests need Chromium and ChromeDriver: apt-get install chromium chromium-driver";
            if ("true".equals(System.getenv("NOTICEBOARD_REQUIRE_BROWSER_TESTS"))) {
                fail(message);
            }
            abort(message);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        try {
            // The background-networking flags keep Chromium from calling out of this closed network.
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--window-size=1200,1000",
                    "--user-data-dir=" + Files.createTempDirectory("noticeboard-chromium"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // The console holds what Content-Security-Policy blocked, in any frame.
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        ChromeDriver browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build(), options);
        // And every document records its securitypolicyviolation events, from before its own scripts run.
        browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", """
                window.__cspViolations = [];
                document.addEventListener('securitypolicyviolation',
                    e => window.__cspViolations.push(e.effectiveDirective + ' blocked ' + (e.blockedURI || 'inline')));"""));
        return browser;
    }

    /**
     * What Content-Security-Policy blocked since the last call: the console's reports (all frames) and the
     * securitypolicyviolation events of the current document and of the frames in it.
     */
    public static List<String> cspViolations(ChromeDriver browser) {
        List<String> violations = new ArrayList<>();
        for (LogEntry entry : browser.manage().logs().get(LogType.BROWSER)) {
            if (entry.getMessage().contains("Content Security Policy")) {
                violations.add(entry.getMessage());
            }
        }
        Object events = browser.executeScript("""
                const all = [...(window.__cspViolations || [])];
                for (const frame of document.querySelectorAll('iframe')) {
                    try { all.push(...(frame.contentWindow.__cspViolations || [])); } catch (e) { /* another origin */ }
                }
                return all;""");
        if (events instanceof List<?> list) {
            list.forEach(event -> violations.add(String.valueOf(event)));
        }
        return violations;
    }
}
