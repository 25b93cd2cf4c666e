package dev.oneonone.endtoend;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;

import dev.oneonone.local.SuiteService;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * Issue 15 through the real suite, as an HR platform migrating a customer does it: a quarter of history (Q3 2026,
 * fixed dates, so nothing depends on today) imported into meetings-service with its effective dates, a mid-quarter
 * manager change, a leaver; then insights-service's past team rollups, a past subtree trend and the organisation
 * against its departments, each figure hand-computed below from the definitions of {@code docs/insights.md}.
 *
 * <p>The organisation uses the default zone (UTC) in both services and the default thresholds: grace 3, max gap 14
 * (a weekly series is HEALTHY up to a gap of 10 days, AT_RISK up to 14, OVERDUE beyond; a biweekly one HEALTHY up
 * to 17), adherence window 12 weeks, min group size 3. The scenario is the one of insights-service's
 * {@code DirectoryThroughTimeTest} (without agreements), plus a SALES department, a person without a department
 * and a leaver.
 *
 * <pre>
 * Everyone joins on Wed 1 Jul 2026 (the people import, effectiveOn 2026-07-01):
 *   D   LEAD/ENG, no manager            N   no team, no department, reports to D
 *   M1  LEAD/ENG  -> D                  M2  LEAD/ENG -> D
 *   A, B, C, E  PLATFORM/ENG -> M1      F   DATA/ENG -> M2
 *   S1  EU/SALES -> D                   S2, S3, L  EU/SALES -> S1
 * Mon 17 Aug: E reports to M2 (PUT /people/E, effectiveOn 2026-08-17; team and department unchanged).
 * L's last day: Fri 18 Sep (POST /people/L/employment-end); meetings-service ends S1-L from Sat 19 Sep.
 * Series (POST /series/import), MANAGER_REPORT, UTC, meetings on Mondays at 10:00, 30 minutes:
 *   M1-A   weekly from 6 Jul, held every Monday 6 Jul - 28 Sep (13)
 *   M1-B   weekly from 6 Jul, held 6, 13, 20, 27 Jul; 3 Aug cancelled (VACATION), 10 Aug cancelled (CONFLICT)
 *   M1-E   weekly from 6 Jul, held 6 Jul - 10 Aug (6), ended from 17 Aug (endedOn)
 *   M2-E   weekly from 17 Aug, held 17 Aug - 28 Sep (7)
 *   M2-F   weekly from 6 Jul, held 6 Jul - 28 Sep except 7 Sep, cancelled (ILLNESS) (12 held, 1 cancelled)
 *   S1-S2  weekly from 6 Jul, held 6 Jul - 28 Sep (13)
 *   S1-S3  weekly from 6 Jul, held 6 Jul - 7 Sep (10); 14 Sep moved to Thu 17 Sep (TRAVEL, on 11 Sep) and held;
 *          21 Sep cancelled (ILLNESS)
 *   S1-L   weekly from 6 Jul, held 6 Jul - 14 Sep (11)
 *   D-N    biweekly from 6 Jul, held 6, 20 Jul, 3, 17, 31 Aug, 14, 28 Sep (7)
 *   no series with C, M1, M2, S1 (they have a manager and no 1:1)
 * </pre>
 */
@ExtendWith(RunningSuite.Shared.class)
class DirectoryHistoryImportTest {

    private static final String ORGANISATION = "e2e-history";
    private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(90);
    private static final LocalDate JOINED = LocalDate.of(2026, 7, 1);
    private static final LocalDate START = LocalDate.of(2026, 7, 6);
    private static final LocalDate CHANGE = LocalDate.of(2026, 8, 17);
    private static final LocalDate LAST_DAY = LocalDate.of(2026, 9, 18);
    private static final LocalDate QUARTER_LAST_MONDAY = LocalDate.of(2026, 9, 28);
    /** people, series, healthy, atRisk, overdue, paused, noOneOnOne, withManager, covered */
    private static final String[] FIGURES = { "people", "series", "health.healthy", "health.atRisk",
            "health.overdue", "health.paused", "health.noOneOnOne", "coverage.withManager", "coverage.covered" };

    private static RunningSuite suite;
    private static SuiteClient client;

    private final List<String> table = new ArrayList<>();
    private final List<Executable> checks = new ArrayList<>();

    @BeforeAll
    static void useTheSuite(RunningSuite running) {
        suite = running;
        client = running.client(ORGANISATION);
    }

    @Test
    void aQuarterImportedWithAMidQuarterManagerChangeAndALeaverGivesExactPastRollups() {
        // 1. the people, each row effective on their first day; rows name each other as manager
        Map<String, String> ids = new LinkedHashMap<>();
        for (String name : List.of("D", "M1", "M2", "A", "B", "C", "E", "F", "S1", "S2", "S3", "L", "N")) {
            ids.put(name, UUID.randomUUID().toString());
        }
        List<Map<String, Object>> rows = List.of(
                person(ids, "D", "LEAD", "ENG", null), person(ids, "M1", "LEAD", "ENG", "D"),
                person(ids, "M2", "LEAD", "ENG", "D"), person(ids, "A", "PLATFORM", "ENG", "M1"),
                person(ids, "B", "PLATFORM", "ENG", "M1"), person(ids, "C", "PLATFORM", "ENG", "M1"),
                person(ids, "E", "PLATFORM", "ENG", "M1"), person(ids, "F", "DATA", "ENG", "M2"),
                person(ids, "S1", "EU", "SALES", "D"), person(ids, "S2", "EU", "SALES", "S1"),
                person(ids, "S3", "EU", "SALES", "S1"), person(ids, "L", "EU", "SALES", "S1"),
                person(ids, "N", null, null, "D"));
        JsonPath imported = expectStatus(201, client.importPeople(Map.of("people", rows)), SuiteService.MEETINGS)
                .jsonPath();
        assertEquals(new ArrayList<>(ids.values()), imported.getList("ids"), "the ids in row order");

        // 2. the mid-quarter manager change: E reports to M2 from Mon 17 Aug
        Map<String, Object> eAfter = new LinkedHashMap<>(person(ids, "E", "PLATFORM", "ENG", "M2"));
        eAfter.remove("id");
        eAfter.put("effectiveOn", CHANGE.toString());
        expectStatus(200, client.changePerson(ids.get("E"), eAfter), SuiteService.MEETINGS);

        // 3. the series and their meetings with their real dates
        List<Map<String, Object>> series = List.of(
                series(ids, "M1", "A", "WEEKLY", START, null, heldOn(mondays(START, QUARTER_LAST_MONDAY))),
                series(ids, "M1", "B", "WEEKLY", START, null, concat(heldOn(mondays(START, LocalDate.of(2026, 7, 27))),
                        cancelled(LocalDate.of(2026, 8, 3), "VACATION"), cancelled(LocalDate.of(2026, 8, 10), "CONFLICT"))),
                series(ids, "M1", "E", "WEEKLY", START, CHANGE, heldOn(mondays(START, LocalDate.of(2026, 8, 10)))),
                series(ids, "M2", "E", "WEEKLY", CHANGE, null, heldOn(mondays(CHANGE, QUARTER_LAST_MONDAY))),
                series(ids, "M2", "F", "WEEKLY", START, null, mondays(START, QUARTER_LAST_MONDAY).stream()
                        .map(day -> day.equals(LocalDate.of(2026, 9, 7)) ? cancelled(day, "ILLNESS") : held(day))
                        .toList()),
                series(ids, "S1", "S2", "WEEKLY", START, null, heldOn(mondays(START, QUARTER_LAST_MONDAY))),
                series(ids, "S1", "S3", "WEEKLY", START, null, concat(heldOn(mondays(START, LocalDate.of(2026, 9, 7))),
                        movedAndHeld(LocalDate.of(2026, 9, 14), LocalDate.of(2026, 9, 17)),
                        cancelled(LocalDate.of(2026, 9, 21), "ILLNESS"))),
                series(ids, "S1", "L", "WEEKLY", START, null, heldOn(mondays(START, LocalDate.of(2026, 9, 14)))),
                series(ids, "D", "N", "BIWEEKLY", START, null, heldOn(START.datesUntil(QUARTER_LAST_MONDAY.plusDays(1),
                        Period.ofWeeks(2)).toList())));
        List<String> seriesIds = expectStatus(201, client.importSeries(Map.of("series", series)), SuiteService.MEETINGS)
                .jsonPath().getList("series");
        assertEquals(series.size(), seriesIds.size());
        String m1WithE = seriesIds.get(2);
        String s1WithL = seriesIds.get(7);

        // 4. L's employment ended after Fri 18 Sep
        expectStatus(200, client.endEmployment(ids.get("L"), Map.of("lastDay", LAST_DAY.toString())),
                SuiteService.MEETINGS);

        // 5. wait until meetings-service ended L's series and insights-service has every meeting and the directory
        JsonPath leaversSeries = awaitAnswer("meetings-service ends S1-L from the day after L's last day",
                () -> client.series(s1WithL), answer -> answer.statusCode() == 200
                        && "ENDED".equals(answer.jsonPath().getString("status")), SuiteService.MEETINGS).jsonPath();
        assertEquals("EMPLOYMENT_ENDED", leaversSeries.getString("endReason"));
        assertEquals("2026-09-19", leaversSeries.getString("endedOn"));
        assertEquals("ENDED", client.series(m1WithE).jsonPath().getString("status"), "imported with its endedOn");
        for (int i = 0; i < series.size(); i++) {
            int meetings = ((List<?>) series.get(i).get("meetings")).size();
            String id = seriesIds.get(i);
            awaitAnswer("insights-service has the " + meetings + " meetings of series " + id,
                    () -> client.insights("/series/{id}", id),
                    answer -> answer.statusCode() == 200 && answer.jsonPath().getInt("meetingsScheduled") == meetings,
                    SuiteService.INSIGHTS);
        }
        awaitAnswer("insights-service knows S1-L ended", () -> client.insights("/series/{id}?asOf=2026-09-30", s1WithL),
                answer -> answer.statusCode() == 200
                        && Boolean.FALSE.equals(answer.jsonPath().get("figures.current")), SuiteService.INSIGHTS);
        awaitAnswer("insights-service has the directory: 13 people on 18 Sep, 12 on 30 Sep, E under M2 on 17 Aug",
                () -> client.insights("/rollups/subtrees/{id}?asOf=2026-08-17", ids.get("M1")),
                answer -> answer.statusCode() == 200 && answer.jsonPath().getInt("figures.people") == 3
                        && peopleOn("2026-09-18") == 13 && peopleOn("2026-09-30") == 12, SuiteService.INSIGHTS);

        table.add(String.format("%-34s %6s %6s %7s %6s %7s %6s %8s %11s %7s %9s", "rollup", "people", "series",
                "healthy", "atRisk", "overdue", "paused", "no 1:1", "withManager", "covered", "adherence"));

        // Team PLATFORM on Mon 10 Aug (before the change): A, B, C, E, all under M1. Series whose companion is one of
        // them: M1-A (held that day: gap 0, HEALTHY), M1-B (last held 27 Jul; 3 and 10 Aug cancelled, which holds
        // nothing: gap 14 <= 2*7+3 and not > 14: AT_RISK), M1-E (held that day: HEALTHY). 4 with a manager; covered
        // A, B, E = 3; C has no 1:1. Adherence over 6 Jul-10 Aug (36 days, 36/7 expected): A 6 held -> 1 (capped),
        // B 4/(36/7) = 28/36, E 6 held -> 1; mean (2 + 28/36)/3 = 0.9259.
        figures("team PLATFORM 2026-08-10", "/rollups/teams/PLATFORM?asOf=2026-08-10", "figures",
                4, 3, 2, 1, 0, 0, 1, 4, 3).adherence((2 + 28.0 / 36) / 3);
        // Team PLATFORM on Mon 24 Aug (after): the same four people, E now under M2. M1-E ended from 17 Aug and no
        // longer counts; M2-E does. M1-A HEALTHY (gap 0), M2-E HEALTHY (held 24 Aug, gap 0), M1-B OVERDUE (gap 28 >
        // 14). E covered by M2: still 3 of 4. Adherence: A 8 held over 6 Jul-24 Aug (50 days) -> 1, B 4/(50/7) =
        // 28/50, E with M2 2 held over 17-24 Aug (8 days, 8/7 expected) -> 1; mean (2 + 28/50)/3 = 0.8533.
        figures("team PLATFORM 2026-08-24", "/rollups/teams/PLATFORM?asOf=2026-08-24", "figures",
                4, 3, 2, 0, 1, 0, 1, 4, 3).adherence((2 + 28.0 / 50) / 3);

        // M1's subtree, four week ends to Mon 31 Aug. 10 Aug: A, B, C, E as above. From 17 Aug E reports to M2:
        // A, B, C; series M1-A HEALTHY (held each Monday) and M1-B OVERDUE (gap 21, 28, 35); 3 with a manager,
        // covered A and B, C without a 1:1. Subtrees are never suppressed. Adherence, the window clipped to 6 Jul:
        // 10 Aug as the team; 17 Aug (43 days): A 7 held -> 1, B 4/(43/7) = 28/43, mean (1 + 28/43)/2 = 0.8256;
        // 24 Aug (50 days): (1 + 28/50)/2 = 0.78; 31 Aug (57 days): (1 + 28/57)/2 = 0.7456.
        JsonPath trend = expectStatus(200, client.insights("/rollups/subtrees/{id}?asOf=2026-08-31&weeks=4",
                ids.get("M1")), SuiteService.INSIGHTS).jsonPath();
        check("subtree M1 week ends", List.of("2026-08-10", "2026-08-17", "2026-08-24", "2026-08-31"),
                trend.getList("trend.weekEnd"));
        check("subtree M1 suppressed", List.of(false, false, false, false), trend.getList("trend.suppressed"));
        int[][] subtree = { { 4, 3, 2, 1, 0, 0, 1, 4, 3 }, { 3, 2, 1, 0, 1, 0, 1, 3, 2 }, { 3, 2, 1, 0, 1, 0, 1, 3, 2 },
                { 3, 2, 1, 0, 1, 0, 1, 3, 2 } };
        double[] subtreeAdherence = { (2 + 28.0 / 36) / 3, (1 + 28.0 / 43) / 2, (1 + 28.0 / 50) / 2, (1 + 28.0 / 57) / 2 };
        for (int week = 0; week < subtree.length; week++) {
            String label = "subtree M1 week to " + trend.getString("trend[" + week + "].weekEnd");
            row(label, trend, "trend[" + week + "].figures", subtree[week]);
            adherence(label, trend, "trend[" + week + "].figures", subtreeAdherence[week]);
        }

        // On Fri 18 Sep, L's last day, L and S1-L still count: 13 people; series M1-A, M1-B, M2-E, M2-F, S1-S2,
        // S1-S3, S1-L, D-N = 8; SALES S1, S2, S3, L with S1-S2, S1-S3, S1-L.
        figures("organisation 2026-09-18", "/rollups/organisation?asOf=2026-09-18", "figures",
                13, 8, 7, 0, 1, 0, 4, 12, 8);
        figures("department SALES 2026-09-18", "/rollups/departments/SALES?asOf=2026-09-18", "figures",
                4, 3, 3, 0, 0, 0, 1, 4, 3);
        // Wed 30 Sep, after L's last day: L is gone, and S1-L (ended from 19 Sep, and L not in the directory) counts
        // nowhere.
        // ENG: D, M1, M2, A, B, C, E, F = 8; series M1-A (gap 2), M2-E (gap 2), M2-F (gap 2) HEALTHY, M1-B (gap 65)
        //   OVERDUE = 4; with a manager all but D = 7; covered A, B, E, F = 4; no 1:1 M1, M2, C = 3.
        // SALES: S1, S2, S3 = 3 (not under 3: shown); S1-S2 (gap 2) HEALTHY, S1-S3 (last held Thu 17 Sep: gap 13)
        //   AT_RISK = 2; with a manager 3 (S1 under D); covered S2, S3 = 2; no 1:1 S1 = 1.
        // No department: N = 1; D-N biweekly (gap 2 <= 14+3) HEALTHY = 1; with a manager 1, covered 1.
        // Organisation = the sum: 12 people, 7 series, 5 healthy, 1 at risk, 1 overdue, 0 paused, 4 without a 1:1,
        //   11 with a manager, 7 covered.
        // Adherence on 30 Sep, window 9 Jul - 30 Sep (84 days, 12 expected weekly, 6 biweekly): M1-A 12 held -> 1,
        // M1-B 3 (13, 20, 27 Jul) -> 3/12, M2-E 7 held over 17 Aug - 30 Sep (45 days, 45/7 expected) -> 1, M2-F 11 ->
        // 11/12, S1-S2 12 -> 1, S1-S3 10 (13 Jul - 7 Sep and 17 Sep) -> 10/12, D-N 6 -> 1. ENG (1 + 3/12 + 1 +
        // 11/12)/4 = 0.7917; SALES (1 + 10/12)/2 = 0.9167; organisation (5 + 3/12 + 11/12 + 10/12)/7 = 6/7 = 0.8571.
        int[] eng = { 8, 4, 3, 0, 1, 0, 3, 7, 4 };
        int[] sales = { 3, 2, 1, 1, 0, 0, 1, 3, 2 };
        int[] withoutDepartment = { 1, 1, 1, 0, 0, 0, 0, 1, 1 };
        int[] organisation = new int[FIGURES.length];
        for (int i = 0; i < FIGURES.length; i++) {
            organisation[i] = eng[i] + sales[i] + withoutDepartment[i];
        }
        assertEquals(List.of(12, 7, 5, 1, 1, 0, 4, 11, 7), Arrays.stream(organisation).boxed().toList());
        JsonPath departments = expectStatus(200, client.insights("/rollups/departments?asOf=2026-09-30"),
                SuiteService.INSIGHTS).jsonPath();
        check("departments on 2026-09-30", List.of("ENG", "SALES"), departments.getList("items.scope.key"));
        check("departments suppressed", List.of(false, false), departments.getList("items.suppressed"));
        Row organisationRow = figures("organisation 2026-09-30", "/rollups/organisation?asOf=2026-09-30", "figures",
                organisation);
        organisationRow.adherence(6.0 / 7);
        int[] actualOrganisation = organisationRow.actual;
        int[] actualEng = row("department ENG 2026-09-30", departments, "items[0].figures", eng);
        adherence("department ENG 2026-09-30", departments, "items[0].figures", (2 + 3.0 / 12 + 11.0 / 12) / 4);
        int[] actualSales = row("department SALES 2026-09-30", departments, "items[1].figures", sales);
        adherence("department SALES 2026-09-30", departments, "items[1].figures", (1 + 10.0 / 12) / 2);
        table.add(formatRow("no department (N, hand-computed)", withoutDepartment, null));
        // the served organisation equals the served departments plus the person without a department
        for (int i = 0; i < FIGURES.length; i++) {
            int figure = i;
            checks.add(() -> assertEquals(actualOrganisation[figure],
                    actualEng[figure] + actualSales[figure] + withoutDepartment[figure],
                    "organisation " + FIGURES[figure] + " = ENG + SALES + without a department on 2026-09-30"));
        }
        JsonPath leaverSeriesFigures = client.insights("/series/{id}?asOf=2026-09-30", s1WithL).jsonPath();
        check("S1-L current on 2026-09-30", false, leaverSeriesFigures.get("figures.current"));

        System.out.println("Directory history import (organisation " + ORGANISATION + ", Q3 2026), insights-service:\n  "
                + String.join("\n  ", table));
        assertAll(checks);
    }

    private int peopleOn(String day) {
        Response answer = client.insights("/rollups/organisation?asOf=" + day);
        return answer.statusCode() == 200 ? answer.jsonPath().getInt("figures.people") : -1;
    }

    /** The figures at {@code path} (under {@code figuresPath}), a table row, and a check against {@code expected}. */
    private Row figures(String label, String path, String figuresPath, int... expected) {
        JsonPath answer = expectStatus(200, client.insights(path), SuiteService.INSIGHTS).jsonPath();
        Object suppressed = answer.get("suppressed");
        check(label + " suppressed", false, suppressed == null ? Boolean.FALSE : suppressed);
        return new Row(label, answer, figuresPath, row(label, answer, figuresPath, expected));
    }

    private int[] row(String label, JsonPath answer, String figuresPath, int... expected) {
        int[] actual = new int[FIGURES.length];
        for (int i = 0; i < FIGURES.length; i++) {
            Integer value = answer.get(figuresPath + "." + FIGURES[i]);
            actual[i] = value == null ? -1 : value;
        }
        Double adherence = answer.get(figuresPath + ".adherenceAverage") == null ? null
                : answer.getDouble(figuresPath + ".adherenceAverage");
        table.add(formatRow(label, actual, adherence));
        check(label + " " + String.join(", ", FIGURES), Arrays.stream(expected).boxed().toList(),
                Arrays.stream(actual).boxed().toList());
        return actual;
    }

    private final class Row {
        final String label;
        final JsonPath answer;
        final String figuresPath;
        final int[] actual;

        Row(String label, JsonPath answer, String figuresPath, int[] actual) {
            this.label = label;
            this.answer = answer;
            this.figuresPath = figuresPath;
            this.actual = actual;
        }

        void adherence(double expected) {
            DirectoryHistoryImportTest.this.adherence(label, answer, figuresPath, expected);
        }
    }

    private void adherence(String label, JsonPath answer, String figuresPath, double expected) {
        Object served = answer.get(figuresPath + ".adherenceAverage");
        checks.add(() -> assertEquals(expected, served == null ? Double.NaN : ((Number) served).doubleValue(), 1e-4,
                label + " adherenceAverage"));
    }

    private static String formatRow(String label, int[] figures, Double adherence) {
        return String.format("%-34s %6d %6d %7d %6d %7d %6d %8d %11d %7d %9s", label, figures[0], figures[1],
                figures[2], figures[3], figures[4], figures[5], figures[6], figures[7], figures[8],
                adherence == null ? "-" : String.format("%.4f", adherence));
    }

    private void check(String what, Object expected, Object actual) {
        checks.add(() -> assertEquals(expected, actual, what));
    }

    private static Map<String, Object> person(Map<String, String> ids, String name, String team, String department,
            String manager) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", ids.get(name));
        row.put("name", "Person " + name);
        row.put("email", name.toLowerCase() + "@history.example");
        row.put("team", team);
        row.put("department", department);
        row.put("managerId", manager == null ? null : ids.get(manager));
        row.put("effectiveOn", JOINED.toString());
        return row;
    }

    private static Map<String, Object> series(Map<String, String> ids, String leader, String companion, String cadence,
            LocalDate startsOn, LocalDate endedOn, List<Map<String, Object>> meetings) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("leaderId", ids.get(leader));
        row.put("companionId", ids.get(companion));
        row.put("relationship", "MANAGER_REPORT");
        row.put("cadence", cadence);
        row.put("plannedMinutes", 30);
        row.put("timeZone", "UTC");
        row.put("startsOn", startsOn.toString());
        if (endedOn != null) {
            row.put("endedOn", endedOn.toString());
        }
        row.put("meetings", meetings);
        return row;
    }

    private static List<LocalDate> mondays(LocalDate first, LocalDate last) {
        return first.datesUntil(last.plusDays(1), Period.ofWeeks(1)).toList();
    }

    private static String at10(LocalDate day) {
        return day + "T10:00:00Z";
    }

    private static Map<String, Object> held(LocalDate day) {
        return Map.of("scheduledFor", at10(day), "heldAt", at10(day), "actualMinutes", 30, "mode", "REMOTE");
    }

    private static List<Map<String, Object>> heldOn(List<LocalDate> days) {
        return days.stream().map(DirectoryHistoryImportTest::held).toList();
    }

    private static Map<String, Object> cancelled(LocalDate day, String reason) {
        return Map.of("scheduledFor", at10(day), "cancelReason", reason, "cancelledAt", day + "T08:00:00Z");
    }

    private static Map<String, Object> movedAndHeld(LocalDate from, LocalDate to) {
        return Map.of("scheduledFor", at10(from),
                "reschedules", List.of(Map.of("to", at10(to), "reason", "TRAVEL", "at", from.minusDays(3) + "T12:00:00Z")),
                "heldAt", at10(to), "actualMinutes", 30, "mode", "REMOTE");
    }

    @SafeVarargs
    private static List<Map<String, Object>> concat(List<Map<String, Object>> first, Map<String, Object>... more) {
        return Stream.concat(first.stream(), Arrays.stream(more)).toList();
    }

    /** The answer, if it has {@code status}; else fails with it and the last lines of the answering service's log. */
    private static Response expectStatus(int status, Response answer, SuiteService answeredBy) {
        assertEquals(status, answer.statusCode(), () -> answeredBy.module() + " answered " + answer.statusCode() + " "
                + answer.asString() + suite.logTails(answeredBy));
        return answer;
    }

    /** Calls until {@code arrived} accepts the answer; on timeout fails with the last answer and the logs' tails. */
    private static Response awaitAnswer(String expectation, Supplier<Response> call,
            java.util.function.Predicate<Response> arrived, SuiteService consumer) {
        AtomicReference<Response> lastAnswer = new AtomicReference<>();
        try {
            return await(expectation).atMost(SETTLE_TIMEOUT).pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        Response answer = call.get();
                        lastAnswer.set(answer);
                        return answer;
                    }, arrived);
        } catch (ConditionTimeoutException e) {
            Response last = lastAnswer.get();
            return fail(e.getMessage() + "\nLast answer: " + (last == null ? "none" : last.statusCode() + " "
                    + last.asString()) + suite.logTails(SuiteService.MEETINGS, consumer));
        }
    }
}
