package dev.oneonone.insights.dashboard;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless chromium driven through its own chromedriver: both paths are given, and Selenium
 * Manager is told to stay offline, so nothing is ever downloaded. Skips (does not fail) the test when
 * chromium is not installed; CI installs it (.ci/run).
 */
public final class DashboardBrowser {
    public static final Path CHROMIUM = Path.of(System.getProperty("insights.test.chromium", "/usr/bin/chromium"));
    public static final Path CHROMEDRIVER = Path.of(System.getProperty("insights.test.chromedriver", "/usr/bin/chromedriver"));

    private DashboardBrowser() {
    }

    public static WebDriver start() {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "Skipped: no chromium at " + CHROMIUM
                + " (apt-get install -y chromium chromium-driver; CI does this in .ci/run)");
        Assumptions.assumeTrue(Files.isExecutable(CHROMEDRIVER), "Skipped: no chromedriver at " + CHROMEDRIVER
                + " (apt-get install -y chromium-driver)");
        System.setProperty("SE_OFFLINE", "true"); // passed on to Selenium Manager, should it run at all
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1400,1100", "--disable-extensions", "--no-first-run");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    /**
     * Waits until the dashboard has rendered a view whose title contains the text. Looks every 10 ms: with
     * Selenium's default of 500 ms, a view drawn just after the first look was timed 500 ms late (the
     * benchmarks' "afresh" loads of 0.65-0.78 s were mostly that wait).
     */
    public static void awaitView(WebDriver driver, String titleContains) {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30), Duration.ofMillis(10));
        wait.until(ExpectedConditions.attributeToBe(By.id("overview"), "data-state", "ready"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("scope-title"), titleContains));
    }

    public static File target(String name) {
        return Path.of("target", name).toFile();
    }
}
