package dev.oneonone.insights.dashboard;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openqa.selenium.WebDriver;
import org.postgresql.PGConnection;

import dev.oneonone.local.SuiteInfrastructure;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * Not a test but a measurement, opt-in: {@code ./mvnw -o verify -pl insights-service -Dinsights.benchmark=true
 * -Dtest=DashboardBenchmark -Dsurefire.failIfNoSpecifiedTests=false}. Seeds an organisation of about 10,000
 * people (10 departments, 1,000 teams) with about 9,000 manager–report series and 26 weeks of meetings,
 * agreements and agenda topics straight into the projection tables, then times the API (p50/p95: "cold"
 * right after an event of one series, "cached" with nothing new) and the dashboard in headless chromium. Prints the
 * figures and writes them to target/benchmark.txt; asserts nothing about time.
 */
@QuarkusTest
@Tag("benchmark")
@EnabledIfSystemProperty(named = "insights.benchmark", matches = "true")
class DashboardBenchmark {
    private static final String ORG = "bench-" + UUID.randomUUID().toString().substring(0, 8);
    private static final int DEPARTMENTS = 10;
    private static final int GROUPS = 10;
    private static final int TEAMS = 10;
    private static final int REPORTS = 9;
    private static final int WEEKS = 26;

    @Inject
    DataSource dataSource;

    @TestHTTPResource("/")
    URL base;

    private final Random random = new Random(42);
    private final HttpClient http = HttpClient.newHttpClient();
    private final StringBuilder report = new StringBuilder();
    private int people;
    private int seriesCount;
    private int meetings;
    private int agreements;
    private UUID aTeamManager;
    private final List<Long> inPage = new ArrayList<>();
    private final List<UUID> seriesIds = new ArrayList<>();

    @Test
    void ten_thousand_people() throws Exception {
        long seedStart = System.nanoTime();
        seed();
        line("Seeded %,d people, %,d series, %,d meetings, %,d agreements in %.1f s", people, seriesCount, meetings,
                agreements, (System.nanoTime() - seedStart) / 1e9);
        String hr = SuiteInfrastructure.signingKey().mint(ORG, UUID.randomUUID().toString(), List.of("hr"),
                Duration.ofHours(1));

        // nothing kept yet (after a start, or on a new day): every series' figures of the 12 week ends computed
        line("%-48s %10d", "first GET /rollups/organisation?weeks=12 (ms)", get("rollups/organisation?weeks=12", hr));
        line("%n%-48s %10s %10s %10s %10s", "API (ms)", "cold p50", "cold p95", "cached p50", "cached p95");
        api("GET /rollups/organisation", "rollups/organisation", hr);
        api("GET /rollups/organisation?weeks=12 (dashboard)", "rollups/organisation?weeks=12", hr);
        api("GET /rollups/departments (list of 10)", "rollups/departments", hr);
        api("GET /rollups/departments/DEP-03", "rollups/departments/DEP-03", hr);
        api("GET /rollups/teams/T-03-04-05", "rollups/teams/T-03-04-05", hr);
        api("GET /rollups/managers/{id}", "rollups/managers/" + aTeamManager, hr);
        api("GET /attention?limit=100", "attention?limit=100", hr);
        api("GET /trends?weeks=12", "trends?weeks=12", hr);

        WebDriver driver = DashboardBrowser.start();
        try {
            line("%n%-48s %10s %10s", "Dashboard in headless chromium (ms)", "p50", "max");
            List<Long> cold = new ArrayList<>();
            List<Long> warm = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                moveHistory();
                cold.add(openDashboard(driver, hr));
                warm.add(openDashboard(driver, hr));
                warm.add(openDashboard(driver, hr));
            }
            line("%-48s %10d %10d", "load, figures computed afresh", p(cold, 50), p(cold, 100));
            line("%-48s %10d %10d", "load, figures cached", p(warm, 50), p(warm, 100));
            line("%-48s %10d %10d", "  of which in the page (API calls and drawing)", p(inPage, 50), p(inPage, 100));
            List<Long> drill = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                openDashboard(driver, hr);
                long start = System.nanoTime();
                driver.findElement(org.openqa.selenium.By.cssSelector("#groups a[data-scope='department:DEP-03']")).click();
                DashboardBrowser.awaitView(driver, "Department DEP-03");
                drill.add((System.nanoTime() - start) / 1_000_000);
            }
            line("%-48s %10d %10d", "drill-down to a department (100 teams listed)", p(drill, 50), p(drill, 100));
        } finally {
            driver.quit();
        }
        System.out.println("\n==== insights-service benchmark ====\n" + report);
        Files.writeString(Path.of("target", "benchmark.txt"), report.toString());
    }

    private long openDashboard(WebDriver driver, String token) {
        driver.get("about:blank");
        long start = System.nanoTime();
        driver.get(base + "dashboard/#token=" + token);
        DashboardBrowser.awaitView(driver, "Organisation");
        long millis = (System.nanoTime() - start) / 1_000_000;
        // the page reports how long its own part took: "Loaded in 123 ms."
        String status = driver.findElement(org.openqa.selenium.By.id("status")).getText().replaceAll("\\D+", "");
        inPage.add(Long.parseLong(status));
        return millis;
    }

    private void api(String name, String path, String token) throws Exception {
        List<Long> cold = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            moveHistory();
            cold.add(get(path, token));
        }
        List<Long> cached = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            cached.add(get(path, token));
        }
        line("%-48s %10d %10d %10d %10d", name, p(cold, 50), p(cold, 95), p(cached, 50), p(cached, 95));
    }

    private long get(String path, String token) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofMinutes(2)).build();
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return millis;
    }

    /**
     * What a consumed event does: a meeting of a random series held now (its facts, then its series marked
     * changed at the new position, as TimelineProjection and RevisionProjection write them), so the next
     * request computes that series' figures afresh and today's figures differ.
     */
    private void moveHistory() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.executeUpdate("update history_position set position = position + 1");
            if (!seriesIds.isEmpty()) {
                UUID series = seriesIds.get(random.nextInt(seriesIds.size()));
                s.executeUpdate("insert into meeting_timeline (meeting_id, series_id, organisation_id, scheduled_for, "
                        + "planned_minutes, scheduled_at, held_at, actual_minutes) values ('" + UUID.randomUUID() + "', '"
                        + series + "', '" + ORG + "', now(), 30, now(), now(), 30)");
                s.executeUpdate("insert into series_revision (series_id, organisation_id, revision) select '" + series
                        + "', '" + ORG + "', position from history_position "
                        + "on conflict (series_id) do update set revision = excluded.revision");
            }
            c.commit();
        }
    }

    private static long p(List<Long> values, int percentile) {
        long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private void line(String format, Object... args) {
        report.append(String.format(format, args)).append('\n');
    }

    // ---- seeding ------------------------------------------------------------------------------------

    private void seed() throws Exception {
        Instant now = Instant.now();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Instant registered = now.minus(Duration.ofDays(WEEKS * 7L + 30));
        Csv person = new Csv();
        Csv line = new Csv();
        Csv placement = new Csv();
        Csv series = new Csv();
        Csv meeting = new Csv();
        Csv agreement = new Csv();
        Csv topic = new Csv();

        UUID ceo = UUID.randomUUID();
        addPerson(person, line, placement, ceo, null, "LEAD", "EXEC", registered);
        for (int d = 1; d <= DEPARTMENTS; d++) {
            String department = "DEP-%02d".formatted(d);
            UUID director = UUID.randomUUID();
            addPerson(person, line, placement, director, ceo, "LEAD-" + department, department, registered);
            addSeries(series, meeting, agreement, topic, director, ceo, today, now);
            for (int g = 1; g <= GROUPS; g++) {
                UUID lead = UUID.randomUUID();
                addPerson(person, line, placement, lead, director, "LEAD-" + department, department, registered);
                addSeries(series, meeting, agreement, topic, director, lead, today, now);
                for (int t = 1; t <= TEAMS; t++) {
                    String team = "T-%02d-%02d-%02d".formatted(d, g, t);
                    UUID manager = UUID.randomUUID();
                    aTeamManager = aTeamManager == null ? manager : aTeamManager;
                    addPerson(person, line, placement, manager, lead, team, department, registered);
                    addSeries(series, meeting, agreement, topic, lead, manager, today, now);
                    for (int r = 0; r < REPORTS; r++) {
                        UUID member = UUID.randomUUID();
                        addPerson(person, line, placement, member, manager, team, department, registered);
                        if (random.nextDouble() < 0.89) {
                            addSeries(series, meeting, agreement, topic, manager, member, today, now);
                        }
                    }
                }
            }
        }
        try (Connection c = dataSource.getConnection()) {
            var copy = c.unwrap(PGConnection.class).getCopyAPI();
            copy.copyIn("copy directory_employment (person_id, seq, organisation_id, starts_at) from stdin (format csv)", person.reader());
            copy.copyIn("copy directory_reporting_line (person_id, seq, organisation_id, manager_id, valid_from) from stdin (format csv)", line.reader());
            copy.copyIn("copy directory_placement (person_id, seq, organisation_id, team, department, valid_from) from stdin (format csv)", placement.reader());
            copy.copyIn("copy series_timeline (series_id, organisation_id, leader_id, companion_id, relationship, cadence, time_zone, starts_on, started_at) from stdin (format csv)", series.reader());
            copy.copyIn("copy meeting_timeline (meeting_id, series_id, organisation_id, scheduled_for, planned_minutes, scheduled_at, held_at, actual_minutes, cancelled_at, missed_at) from stdin (format csv)", meeting.reader());
            copy.copyIn("copy agreement_timeline (agreement_id, series_id, organisation_id, owner_role, made_at, due_on, completed_at) from stdin (format csv)", agreement.reader());
            copy.copyIn("copy companion_topic (meeting_id, topic_id, organisation_id, arrived_at) from stdin (format csv)", topic.reader());
            try (Statement s = c.createStatement()) {
                s.execute("analyze");
            }
        }
        moveHistory();
    }

    private void addPerson(Csv person, Csv line, Csv placement, UUID id, UUID manager, String team, String department,
            Instant at) {
        people++;
        person.row(id, 1, ORG, at);
        line.row(id, 1, ORG, manager == null ? "" : manager, at);
        placement.row(id, 1, ORG, team, department, at);
    }

    /** A series with a realistic 26 weeks: most meet on rhythm, some drifted away weeks ago; agreements and topics. */
    private void addSeries(Csv series, Csv meeting, Csv agreement, Csv topic, UUID leader, UUID companion,
            LocalDate today, Instant now) {
        seriesCount++;
        UUID id = UUID.randomUUID();
        seriesIds.add(id);
        double draw = random.nextDouble();
        String cadence = draw < 0.7 ? "WEEKLY" : draw < 0.95 ? "BIWEEKLY" : "MONTHLY";
        int interval = cadence.equals("WEEKLY") ? 7 : cadence.equals("BIWEEKLY") ? 14 : 28;
        int startDaysAgo = random.nextDouble() < 0.85 ? WEEKS * 7 : 14 + random.nextInt(WEEKS * 7 - 14);
        LocalDate startsOn = today.minusDays(startDaysAgo);
        // one in ten stopped meeting some weeks ago: they show up as at risk or overdue
        int stoppedDaysAgo = random.nextDouble() < 0.1 ? 7 + random.nextInt(50) : 0;
        series.row(id, ORG, leader, companion, "MANAGER_REPORT", cadence, "UTC", startsOn,
                startsOn.atStartOfDay().toInstant(ZoneOffset.UTC));
        for (int day = startDaysAgo - 1; day > stoppedDaysAgo; day -= interval) {
            Instant at = today.minusDays(day).atTime(9 + random.nextInt(8), 0).toInstant(ZoneOffset.UTC);
            if (at.isAfter(now)) {
                continue;
            }
            meetings++;
            UUID meetingId = UUID.randomUUID();
            double outcome = random.nextDouble();
            Instant scheduledAt = at.minus(Duration.ofDays(interval));
            if (outcome < 0.85) {
                meeting.row(meetingId, id, ORG, at, 30, scheduledAt, at, 15 + random.nextInt(30), "", "");
                if (random.nextDouble() < 0.6) {
                    topic.row(meetingId, UUID.randomUUID(), ORG, at.minus(Duration.ofHours(20)));
                }
                if (random.nextDouble() < 0.5) {
                    agreements++;
                    LocalDate due = LocalDate.ofInstant(at, ZoneOffset.UTC).plusDays(7);
                    double kept = random.nextDouble();
                    Object completed = kept < 0.7 ? due.minusDays(random.nextInt(6)).atTime(12, 0).toInstant(ZoneOffset.UTC)
                            : kept < 0.85 ? due.plusDays(1 + random.nextInt(10)).atTime(12, 0).toInstant(ZoneOffset.UTC) : "";
                    if (completed instanceof Instant done && done.isAfter(now)) {
                        completed = "";
                    }
                    agreement.row(UUID.randomUUID(), id, ORG, random.nextBoolean() ? "COMPANION" : "LEADER", at, due,
                            completed);
                }
            } else if (outcome < 0.95) {
                meeting.row(meetingId, id, ORG, at, 30, scheduledAt, "", "", at.minus(Duration.ofDays(1)), "");
            } else {
                meeting.row(meetingId, id, ORG, at, 30, scheduledAt, "", "", "", at.plus(Duration.ofHours(1)));
            }
        }
    }

    /** Rows for COPY ... (format csv): an empty field is NULL. */
    private static final class Csv {
        private final StringBuilder text = new StringBuilder(1 << 20);

        void row(Object... values) {
            text.append(String.join(",", Arrays.stream(values).map(String::valueOf).toList())).append('\n');
        }

        StringReader reader() {
            return new StringReader(text.toString());
        }
    }
}
