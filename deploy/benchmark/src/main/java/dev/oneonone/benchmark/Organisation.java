package dev.oneonone.benchmark;

import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An organisation of about 10,000 people seeded through meetings-service's real imports ({@code POST /people/import},
 * {@code POST /series/import}), in the shape of insights-service's DashboardBenchmark: departments of 1,011 people
 * (a director, 10 group leads, 100 team managers with 9 reports each), about nine in ten reports in a weekly,
 * biweekly or monthly series with some weeks of held, cancelled and missed meetings; then its rollups timed
 * through insights-service's API.
 */
final class Organisation {
    static final String FIRST_TEAM = "T-01-01-01";
    private static final int GROUPS = 10;
    private static final int TEAMS = 10;
    private static final int REPORTS = 9;
    private static final int SERIES_PER_IMPORT = 100;

    final Api api;
    private final Random random = new Random(42);
    private final int departments;
    private final int weeks;
    private int people;
    private final List<Map<String, Object>> series = new ArrayList<>();
    /** Ids of seeded series whose companion is in {@link #FIRST_TEAM}: events go there. */
    final List<String> firstTeamSeries = new ArrayList<>();
    private final List<Integer> firstTeamSeriesIndexes = new ArrayList<>();

    Organisation(HttpClient http, SuiteTarget suite, int people, int weeks) {
        this.api = new Api(http, suite, "bench-org-" + UUID.randomUUID().toString().substring(0, 8));
        this.departments = Math.max(1, Math.round(people / 1011f));
        this.weeks = weeks;
    }

    int people() {
        return people;
    }

    int series() {
        return series.size();
    }

    /** Imports the people, then the series in batches (two at a time), and waits until insights has them all. */
    String seed() throws Exception {
        long start = System.nanoTime();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate joined = today.minusDays(weeks * 7L + 30);
        List<Map<String, Object>> ceo = new ArrayList<>();
        UUID ceoId = person(ceo, null, "LEAD", "EXEC", joined);
        api.meetingsPost("/people/import", Map.of("people", ceo)).expect(201, "POST /people/import");
        int meetings = 0;
        for (int d = 1; d <= departments; d++) {
            String department = "DEP-%02d".formatted(d);
            List<Map<String, Object>> rows = new ArrayList<>();
            UUID director = person(rows, ceoId, "LEAD-" + department, department, joined);
            meetings += addSeries(ceoId, director, today, false);
            for (int g = 1; g <= GROUPS; g++) {
                UUID lead = person(rows, director, "LEAD-" + department, department, joined);
                meetings += addSeries(director, lead, today, false);
                for (int t = 1; t <= TEAMS; t++) {
                    String team = "T-%02d-%02d-%02d".formatted(d, g, t);
                    UUID manager = person(rows, lead, team, department, joined);
                    meetings += addSeries(lead, manager, today, false);
                    for (int r = 0; r < REPORTS; r++) {
                        UUID member = person(rows, manager, team, department, joined);
                        if (random.nextDouble() < 0.89) {
                            meetings += addSeries(manager, member, today, team.equals(FIRST_TEAM));
                        }
                    }
                }
            }
            api.meetingsPost("/people/import", Map.of("people", rows)).expect(201, "POST /people/import");
        }
        List<String> ids = importSeries();
        for (int index : firstTeamSeriesIndexes) {
            firstTeamSeries.add(ids.get(index));
        }
        double imported = (System.nanoTime() - start) / 1e9;
        awaitInsights(ids.get(ids.size() - 1), (List<?>) series.get(series.size() - 1).get("meetings"));
        return String.format("%,d people, %,d series, %,d past meetings over %d weeks: imported in %.0f s, in "
                + "insights after %.0f s", people, series.size(), meetings, weeks, imported,
                (System.nanoTime() - start) / 1e9);
    }

    private List<String> importSeries() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<List<String>>> batches = new ArrayList<>();
            for (int from = 0; from < series.size(); from += SERIES_PER_IMPORT) {
                List<Map<String, Object>> batch = series.subList(from, Math.min(series.size(), from + SERIES_PER_IMPORT));
                batches.add(pool.submit(() -> {
                    JsonNode answer = api.meetingsPost("/series/import", Map.of("series", batch))
                            .expect(201, "POST /series/import").json().get("series");
                    List<String> ids = new ArrayList<>();
                    answer.forEach(id -> ids.add(id.asText()));
                    return ids;
                }));
            }
            List<String> ids = new ArrayList<>();
            for (Future<List<String>> batch : batches) {
                ids.addAll(batch.get());
            }
            return ids;
        } finally {
            pool.shutdown();
        }
    }

    /**
     * Until the organisation's rollup counts every person and series and the last series has its meetings; should
     * the counts settle elsewhere (a figure defined differently), three equal answers in a row do too.
     */
    private void awaitInsights(String lastSeries, List<?> lastMeetings) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(60).toNanos();
        String previous = "";
        int unchanged = 0;
        while (System.nanoTime() < deadline) {
            Api.Answer last = api.insightsGet("/series/" + lastSeries);
            if (last.status() == 200 && last.json().path("meetingsScheduled").asInt() >= lastMeetings.size()) {
                Api.Answer rollup = api.insightsGet("/rollups/organisation");
                JsonNode figures = rollup.status() == 200 ? rollup.json().path("figures") : null;
                if (figures != null && figures.path("people").asInt() == people
                        && figures.path("series").asInt() == series.size()) {
                    return;
                }
                String now = figures == null ? "" : figures.path("people") + "/" + figures.path("series");
                unchanged = now.equals(previous) ? unchanged + 1 : 0;
                previous = now;
                if (unchanged >= 3) {
                    System.out.println("insights counts " + now + " people/series of " + people + "/" + series.size()
                            + ", unchanged: taken as settled");
                    return;
                }
            }
            Thread.sleep(3000);
        }
        throw new IllegalStateException("insights-service did not show the seeded organisation within 60 minutes");
    }

    private UUID person(List<Map<String, Object>> rows, UUID manager, String team, String department, LocalDate joined) {
        people++;
        UUID id = UUID.randomUUID();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", id.toString());
        row.put("name", "Person " + people);
        row.put("email", "p" + people + "@" + api.organisation + ".example");
        row.put("team", team);
        row.put("department", department);
        row.put("managerId", manager == null ? null : manager.toString());
        row.put("effectiveOn", joined.toString());
        rows.add(row);
        return id;
    }

    /** A series with its past: most meet on rhythm, one in ten stopped some weeks ago. Returns its meetings. */
    private int addSeries(UUID leader, UUID companion, LocalDate today, boolean firstTeam) {
        double draw = random.nextDouble();
        String cadence = draw < 0.7 ? "WEEKLY" : draw < 0.95 ? "BIWEEKLY" : "MONTHLY";
        int interval = cadence.equals("WEEKLY") ? 7 : cadence.equals("BIWEEKLY") ? 14 : 28;
        int startDaysAgo = random.nextDouble() < 0.85 ? weeks * 7 : 14 + random.nextInt(Math.max(1, weeks * 7 - 14));
        LocalDate startsOn = today.minusDays(startDaysAgo);
        int stoppedDaysAgo = random.nextDouble() < 0.1 ? 7 + random.nextInt(50) : 0;
        Instant now = Instant.now();
        List<Map<String, Object>> meetings = new ArrayList<>();
        for (int day = startDaysAgo - 1; day > stoppedDaysAgo; day -= interval) {
            Instant at = today.minusDays(day).atTime(9 + random.nextInt(8), 0).toInstant(ZoneOffset.UTC);
            if (at.isAfter(now.minusSeconds(3600))) {
                continue;
            }
            double outcome = random.nextDouble();
            if (outcome < 0.85) {
                meetings.add(Map.of("scheduledFor", at.toString(), "heldAt", at.toString(),
                        "actualMinutes", 15 + random.nextInt(30), "mode", "REMOTE"));
            } else if (outcome < 0.95) {
                meetings.add(Map.of("scheduledFor", at.toString(), "cancelReason", "CONFLICT",
                        "cancelledAt", at.minus(Duration.ofDays(1)).toString()));
            } else {
                meetings.add(Map.of("scheduledFor", at.toString()));
            }
        }
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("leaderId", leader.toString());
        row.put("companionId", companion.toString());
        row.put("relationship", "MANAGER_REPORT");
        row.put("cadence", cadence);
        row.put("plannedMinutes", 30);
        row.put("timeZone", "UTC");
        row.put("startsOn", startsOn.toString());
        row.put("meetings", meetings);
        if (firstTeam) {
            firstTeamSeriesIndexes.add(series.size());
        }
        series.add(row);
        return meetings.size();
    }

    // ---- events and timings ---------------------------------------------------------------------------

    private volatile int eventCount;

    int eventsSent() {
        return eventCount;
    }

    /** One new event in the organisation (a meeting scheduled), returned once insights-service has applied it. */
    void newEventApplied() throws InterruptedException {
        String seriesId = firstTeamSeries.get(eventCount++ % firstTeamSeries.size());
        int before = api.insightsGet("/series/" + seriesId).json().path("meetingsScheduled").asInt();
        scheduleOn(seriesId);
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            Api.Answer answer = api.insightsGet("/series/" + seriesId);
            if (answer.status() == 200 && answer.json().path("meetingsScheduled").asInt() > before) {
                return;
            }
            Thread.sleep(5);
        }
        throw new IllegalStateException("insights-service did not apply a new meeting of " + seriesId + " in 2 minutes");
    }

    private void scheduleOn(String seriesId) {
        Instant at = Instant.now().plus(Duration.ofDays(2)).plusSeconds(eventCount);
        api.schedule(seriesId, null, at).expect(201, "POST /series/" + seriesId + "/meetings");
    }

    /** Milliseconds of one {@code GET} on insights-service; fails on anything but 200. */
    long time(String path) {
        long start = System.nanoTime();
        Api.Answer answer = api.insightsGet(path);
        long millis = (System.nanoTime() - start) / 1_000_000;
        answer.expect(200, "GET " + path);
        return millis;
    }

    /** Events in the organisation at {@code perSecond} until closed: what a working day looks like. */
    AutoCloseable eventsFlowing(double perSecond) {
        AtomicBoolean running = new AtomicBoolean(true);
        Thread thread = new Thread(() -> {
            long interval = (long) (1000 / perSecond);
            while (running.get()) {
                try {
                    scheduleOn(firstTeamSeries.get(eventCount++ % firstTeamSeries.size()));
                    Thread.sleep(interval);
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    System.err.println("background event: " + e.getMessage());
                }
            }
        }, "events-flowing");
        thread.start();
        return () -> {
            running.set(false);
            thread.join();
        };
    }
}
