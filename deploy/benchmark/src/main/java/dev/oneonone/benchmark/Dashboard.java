package dev.oneonone.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The directors' dashboard in Debian's headless chromium through its own chromedriver (as insights-service's
 * DashboardBrowserTest; Selenium Manager stays offline, nothing is downloaded).
 */
final class Dashboard implements AutoCloseable {
    static final Path CHROMIUM = Path.of(System.getProperty("benchmark.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("benchmark.chromedriver", "/usr/bin/chromedriver"));

    private final WebDriver driver;
    private final String url;

    private Dashboard(WebDriver driver, String url) {
        this.driver = driver;
        this.url = url;
    }

    static boolean available() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    static Dashboard open(String insightsUrl, String token) {
        System.setProperty("SE_OFFLINE", "true");
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1400,1100", "--disable-extensions", "--no-first-run");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        return new Dashboard(new ChromeDriver(service, options), insightsUrl + "/dashboard/#token=" + token);
    }

    /**
     * Milliseconds from navigation until the organisation view is drawn, looked for every 10 ms (Selenium's
     * default of 500 ms added up to half a second to a load that missed the first look).
     */
    long load() {
        driver.get("about:blank");
        long start = System.nanoTime();
        driver.get(url);
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60), Duration.ofMillis(10));
        wait.until(ExpectedConditions.attributeToBe(By.id("overview"), "data-state", "ready"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("scope-title"), "Organisation"));
        return (System.nanoTime() - start) / 1_000_000;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
