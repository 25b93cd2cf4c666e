package dev.oneonone.insights.dashboard;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import dev.oneonone.events.meetings.Relationship;
import dev.oneonone.insights.OrganisationHistory;
import dev.oneonone.insights.SmallOrganisation;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The directors' dashboard in headless chromium, against the running service fed with
 * {@link SmallOrganisation}'s events: what director D sees, from their subtree down to a team. Names come from
 * {@link DirectoryStub} standing in for meetings-service's lookup (cross-origin, with the director's token): people
 * and teams by name, departments (which the stub does not name) by code.
 */
@QuarkusTest
class DashboardBrowserTest {

    @TestHTTPResource("/dashboard/")
    URL dashboard;

    @Test
    void a_director_sees_their_organisation_and_drills_down_to_a_team() throws Exception {
        WebDriver driver = DashboardBrowser.start();
        try {
            SmallOrganisation org = SmallOrganisation.seeded();
            driver.get(dashboard.toString());
            driver.findElement(By.id("token")).sendKeys(org.directorToken(org.d));
            driver.findElement(By.id("use-token")).click();
            DashboardBrowser.awaitView(driver, "Reporting subtree (you)");

            assertEquals("5", tile(driver, "tile-healthy"));
            assertEquals("1", tile(driver, "tile-at-risk"));
            assertEquals("1", tile(driver, "tile-overdue"));
            assertEquals("2", tile(driver, "tile-no-one-on-one"));
            assertEquals("25%", tile(driver, "tile-follow-through"));
            assertEquals("78%", tile(driver, "tile-coverage"), "7 of the 9 people with a manager");
            List<WebElement> attention = driver.findElements(By.cssSelector("#attention tbody tr"));
            assertEquals(4, attention.size());
            assertEquals("OVERDUE LOW_FOLLOW_THROUGH", attention.get(0).getAttribute("data-reasons"));
            assertTrue(attention.get(0).getText().contains(org.seriesB.toString().substring(0, 8)), "series stay ids");
            for (WebElement person : attention.get(0).findElements(By.cssSelector("td[data-person]"))) {
                String id = person.getAttribute("data-person");
                assertEquals(DirectoryStub.nameOf(id), person.getText(), "a name where the id was");
                assertEquals(id, person.findElement(By.cssSelector(".name")).getAttribute("title"), "the id at hand");
            }
            assertEquals(12, driver.findElements(By.cssSelector("#chart-health svg circle")).size() / 4,
                    "a point per week for each of the four health lines");
            Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(),
                    DashboardBrowser.target("dashboard.png").toPath(), StandardCopyOption.REPLACE_EXISTING);

            driver.findElement(By.cssSelector("#groups a[data-scope='department:ENG']")).click();
            DashboardBrowser.awaitView(driver, "Department ENG"); // no name for the department: its code
            assertEquals("Team " + DirectoryStub.teamName("DESIGN"),
                    driver.findElement(By.cssSelector("#groups a[data-scope='team:DESIGN']")).getText());
            assertEquals("true", driver.findElement(By.cssSelector("#groups tr[data-scope='team:DESIGN']"))
                    .getAttribute("data-suppressed"), "a team of one is withheld");

            driver.findElement(By.cssSelector("#groups a[data-scope='team:PLATFORM']")).click();
            DashboardBrowser.awaitView(driver, "Team " + DirectoryStub.teamName("PLATFORM"));
            assertEquals("1", tile(driver, "tile-healthy"));
            assertEquals("1", tile(driver, "tile-at-risk"));
            assertEquals("1", tile(driver, "tile-overdue"));
            assertEquals("1", tile(driver, "tile-no-one-on-one"));
            assertTrue(driver.findElement(By.id("breadcrumb")).getText().contains("Department ENG"));
            assertTrue(driver.findElements(By.cssSelector("#groups a[data-scope='manager:" + org.m1 + "']")).size() == 1,
                    "the team's managers to drill into");
            Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(),
                    DashboardBrowser.target("dashboard-team.png").toPath(), StandardCopyOption.REPLACE_EXISTING);

            driver.findElement(By.cssSelector("#groups a[data-scope='manager:" + org.m1 + "']")).click();
            DashboardBrowser.awaitView(driver, "Manager " + DirectoryStub.nameOf(org.m1));
            assertEquals("2", driver.findElements(By.cssSelector("#attention tbody tr")).size() + "");

            driver.findElement(By.cssSelector("#breadcrumb a[data-depth='1']")).click();
            DashboardBrowser.awaitView(driver, "Department ENG");
            driver.findElement(By.cssSelector("#groups a[data-scope='team:DESIGN']")).click();
            DashboardBrowser.awaitView(driver, "Team " + DirectoryStub.teamName("DESIGN"));
            assertTrue(driver.findElement(By.id("suppressed")).isDisplayed());
            assertTrue(!driver.findElement(By.id("tiles")).isDisplayed(), "no figures for a group under three people");
        } finally {
            driver.quit();
        }
    }

    /**
     * An integration's token names no person, yet the dashboard asks the directory for group names (a lookup with
     * groups and no ids); its organisation view lists the people without a department in a row of their own.
     */
    @Test
    void an_integration_sees_team_names_and_the_people_without_a_department() throws Exception {
        OrganisationHistory history = new OrganisationHistory("dash-" + UUID.randomUUID().toString().substring(0, 8));
        UUID d = history.person(40, null, "LEAD", "ENG");
        UUID m = history.person(40, d, "PLATFORM", "ENG");
        UUID a = history.person(40, m, "PLATFORM", "ENG");
        UUID n = history.person(40, m, null, null);
        history.series(30, m, a, Relationship.MANAGER_REPORT, 23, 16, 9, 2);
        history.series(30, m, n, Relationship.MANAGER_REPORT, 23, 16, 9, 2);
        history.publish();
        String integration = history.token("hris-sync", "integration");
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                .until(() -> given().auth().oauth2(integration).get("/rollups/organisation"),
                        r -> r.statusCode() == 200 && Integer.valueOf(4).equals(r.path("figures.people"))
                                && Integer.valueOf(2).equals(r.path("figures.series")));

        WebDriver driver = DashboardBrowser.start();
        try {
            driver.get(dashboard.toString());
            driver.findElement(By.id("token")).sendKeys(integration);
            driver.findElement(By.id("use-token")).click();
            DashboardBrowser.awaitView(driver, "Organisation");
            WebElement without = driver.findElement(By.cssSelector("#groups tfoot tr#without-department"));
            assertTrue(without.getText().startsWith("No department"), without.getText());
            assertEquals("true", without.getAttribute("data-suppressed"), "one person: withheld like a department");

            driver.findElement(By.cssSelector("#groups a[data-scope='department:ENG']")).click();
            DashboardBrowser.awaitView(driver, "Department ENG");
            assertEquals("Team " + DirectoryStub.teamName("PLATFORM"),
                    driver.findElement(By.cssSelector("#groups a[data-scope='team:PLATFORM']")).getText());
            assertEquals(0, driver.findElements(By.cssSelector("#groups tfoot tr")).size(), "teams have no such row");
        } finally {
            driver.quit();
        }
    }

    private static String tile(WebDriver driver, String id) {
        return driver.findElement(By.cssSelector("#" + id + " .value")).getText();
    }
}
