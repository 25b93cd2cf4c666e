package dev.oneonone.insights.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import dev.oneonone.events.agenda.AgreementCompleted;
import dev.oneonone.events.agenda.AgreementMade;
import dev.oneonone.events.agenda.AuthorRole;
import dev.oneonone.events.meetings.Cadence;
import dev.oneonone.events.meetings.EmploymentEnded;
import dev.oneonone.events.meetings.MeetingHeld;
import dev.oneonone.events.meetings.MeetingMode;
import dev.oneonone.events.meetings.MeetingScheduled;
import dev.oneonone.events.meetings.PersonRegistered;
import dev.oneonone.events.meetings.EmploymentEndWithdrawn;
import dev.oneonone.events.meetings.PersonRehired;
import dev.oneonone.events.meetings.Relationship;
import dev.oneonone.events.meetings.ReportingLineChanged;
import dev.oneonone.events.meetings.SeriesEndReason;
import dev.oneonone.events.meetings.SeriesEnded;
import dev.oneonone.events.meetings.SeriesStarted;
import dev.oneonone.insights.OrganisationHistory;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The directory through time (issue 15), end to end through Kafka: effective-dated registrations and
 * manager changes after a history import, the organisation counted by the rule of every other group,
 * a rehire, and a leaver's manager. Every date is fixed and in the past, and every request names its
 * {@code asOf}: nothing depends on today. The organisations use the default zone, UTC; the thresholds are the
 * defaults (grace 3, max gap 14: a weekly series is HEALTHY up to a gap of 10 days, AT_RISK up to 14, then
 * OVERDUE; min group size 3).
 */
@QuarkusTest
class DirectoryThroughTimeTest {

    /** An organisation's history written with explicit dates: the directory events at the start of their day. */
    private static final class Dated {
        final String id = "dated-" + UUID.randomUUID().toString().substring(0, 8);
        final OrganisationHistory history = new OrganisationHistory(id);
        final String hr = history.token(UUID.randomUUID().toString(), "hr");

        static Instant startOf(LocalDate day) {
            return day.atStartOfDay(ZoneOffset.UTC).toInstant();
        }

        static Instant at(LocalDate day, int hour) {
            return day.atTime(LocalTime.of(hour, 0)).toInstant(ZoneOffset.UTC);
        }

        UUID person(LocalDate effectiveOn, UUID manager, String team, String department) {
            UUID person = UUID.randomUUID();
            history.meetings(new PersonRegistered(person, team, department, manager, effectiveOn), startOf(effectiveOn));
            return person;
        }

        void reportsTo(LocalDate effectiveOn, UUID person, UUID previous, UUID manager, Instant occurredAt) {
            history.meetings(new ReportingLineChanged(person, previous, manager, effectiveOn), occurredAt);
        }

        void leaves(UUID person, LocalDate lastDay) {
            history.meetings(new EmploymentEnded(person, lastDay), startOf(lastDay.plusDays(1)));
        }

        void rehired(UUID person, LocalDate effectiveOn, UUID manager, String team, String department) {
            history.meetings(new PersonRehired(person, effectiveOn, team, department, manager), startOf(effectiveOn));
        }

        /** A weekly manager–report series in UTC from {@code startsOn}, a meeting held at 10:00 on each day given. */
        UUID series(LocalDate startsOn, UUID leader, UUID companion, LocalDate... held) {
            UUID series = UUID.randomUUID();
            history.meetings(new SeriesStarted(series, leader, companion, Relationship.MANAGER_REPORT, Cadence.WEEKLY,
                    30, "UTC", startsOn, null, null), at(startsOn.minusDays(3), 9));
            for (LocalDate day : held) {
                UUID meeting = UUID.randomUUID();
                history.meetings(new MeetingScheduled(series, meeting, at(day, 10), 30, false), at(day.minusDays(2), 9));
                history.meetings(new MeetingHeld(series, meeting, at(day, 10), 30, MeetingMode.REMOTE), at(day, 11));
            }
            return series;
        }

        void ended(UUID series, SeriesEndReason reason, LocalDate endedOn, Instant recordedAt) {
            history.meetings(new SeriesEnded(series, reason, endedOn), recordedAt);
        }

        void agreement(UUID series, LocalDate made, LocalDate due, LocalDate completed) {
            UUID agreement = UUID.randomUUID();
            history.agenda(new AgreementMade(agreement, series, UUID.randomUUID(), AuthorRole.COMPANION,
                    UUID.randomUUID(), due), at(made, 11));
            if (completed != null) {
                history.agenda(new AgreementCompleted(agreement, series), at(completed, 12));
            }
        }

        Response get(String path, Object... parameters) {
            return given().auth().oauth2(hr).get(path, parameters);
        }

        /** Publishes what was written and waits until the answer at {@code path} satisfies {@code taken}. */
        void publishAndAwait(String path, Predicate<Response> taken) throws Exception {
            history.publish();
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                    .until(() -> get(path), response -> response.statusCode() == 200 && taken.test(response));
        }
    }

    private static List<LocalDate> weekly(LocalDate first, LocalDate last) {
        return first.datesUntil(last.plusDays(1), java.time.Period.ofWeeks(1)).toList();
    }

    /**
     * A quarter imported with its real dates (Q3 2026). Everyone joins on Wed 1 July: D (team LEAD) over managers
     * M1 and M2 (LEAD); A, B, C and E in team PLATFORM report to M1, F (DATA) to M2; all in ENG. On Mon 17 August
     * E moves from M1 to M2 (a ReportingLineChanged effective that day). Weekly series from Mon 6 July, meetings
     * on Mondays: M1–A every week through 31 Aug; M1–B on 6, 13, 20, 27 July only; no series with C; M1–E every
     * week through 10 Aug, ended from 17 Aug; M2–E from 17 Aug, every week; M2–F every week. Agreements on
     * M1–A: made 6 Jul, due 13 Jul, done 10 Jul (on time); on M1–B: made 13 Jul, due 20 Jul, never done.
     */
    @Test
    void after_a_history_import_past_team_rollups_and_subtree_trends_follow_the_mid_quarter_manager_change()
            throws Exception {
        Dated org = new Dated();
        LocalDate joined = LocalDate.of(2026, 7, 1);
        LocalDate start = LocalDate.of(2026, 7, 6);
        LocalDate change = LocalDate.of(2026, 8, 17);
        LocalDate end = LocalDate.of(2026, 8, 31);
        UUID d = org.person(joined, null, "LEAD", "ENG");
        UUID m1 = org.person(joined, d, "LEAD", "ENG");
        UUID m2 = org.person(joined, d, "LEAD", "ENG");
        UUID a = org.person(joined, m1, "PLATFORM", "ENG");
        UUID b = org.person(joined, m1, "PLATFORM", "ENG");
        UUID c = org.person(joined, m1, "PLATFORM", "ENG");
        UUID e = org.person(joined, m1, "PLATFORM", "ENG");
        UUID f = org.person(joined, m2, "DATA", "ENG");
        // its ce_time two days late (not the start of the day, as the contract has it): the payload's date counts
        org.reportsTo(change, e, m1, m2, Dated.at(change.plusDays(2), 15));
        UUID withA = org.series(start, m1, a, weekly(start, end).toArray(LocalDate[]::new));
        UUID withB = org.series(start, m1, b, weekly(start, LocalDate.of(2026, 7, 27)).toArray(LocalDate[]::new));
        UUID withE = org.series(start, m1, e, weekly(start, LocalDate.of(2026, 8, 10)).toArray(LocalDate[]::new));
        org.ended(withE, SeriesEndReason.ENDED_BY_PARTICIPANT, change, Dated.startOf(change));
        org.series(change, m2, e, weekly(change, end).toArray(LocalDate[]::new));
        org.series(start, m2, f, weekly(start, end).toArray(LocalDate[]::new));
        org.agreement(withA, start, LocalDate.of(2026, 7, 13), LocalDate.of(2026, 7, 10));
        org.agreement(withB, LocalDate.of(2026, 7, 13), LocalDate.of(2026, 7, 20), null);
        org.publishAndAwait("/rollups/organisation?asOf=" + end, r -> Integer.valueOf(8).equals(r.path("figures.people"))
                && Integer.valueOf(4).equals(r.path("figures.series"))
                && Integer.valueOf(2).equals(r.path("figures.followThrough.due")));

        // Team PLATFORM on Mon 10 Aug (before the change): A, B, C, E, all reporting to M1. Series whose companion
        // is one of them: M1–A (held that day: gap 0, HEALTHY), M1–B (last held 27 Jul: gap 14, AT_RISK), M1–E
        // (held that day, HEALTHY). Coverage: 4 with a manager, C has no series: 3 covered, 1 without a 1:1.
        // Follow-through: 2 due (13 and 20 Jul), 1 on time. Adherence over the window 6 Jul–10 Aug (36 days,
        // 36/7 expected): A 6 held -> 1, B 4 held -> 4/(36/7) = 0.7778, E 6 held -> 1; mean 0.9259.
        org.get("/rollups/teams/PLATFORM?asOf=2026-08-10").then().statusCode(200)
                .body("suppressed", equalTo(false))
                .body("figures.people", equalTo(4))
                .body("figures.series", equalTo(3))
                .body("figures.health.healthy", equalTo(2))
                .body("figures.health.atRisk", equalTo(1))
                .body("figures.health.overdue", equalTo(0))
                .body("figures.health.paused", equalTo(0))
                .body("figures.health.noOneOnOne", equalTo(1))
                .body("figures.coverage.withManager", equalTo(4))
                .body("figures.coverage.covered", equalTo(3))
                .body("figures.followThrough.due", equalTo(2))
                .body("figures.followThrough.completedOnTime", equalTo(1))
                .body("figures.followThrough.openOverdue", equalTo(1));
        assertEquals((2 + 28.0 / 36) / 3, org.get("/rollups/teams/PLATFORM?asOf=2026-08-10").jsonPath()
                .getDouble("figures.adherenceAverage"), 1e-5); // 25/27 = 0.9259
        // Team PLATFORM on Mon 24 Aug (after): the same four people, E now reporting to M2. M1–E ended on 17 Aug and
        // no longer counts; M2–E (held that day) does: M1–A HEALTHY (gap 0), M2–E HEALTHY (gap 0), M1–B OVERDUE
        // (gap 28 > 14). E is covered by M2: still 3 of 4 covered. Adherence: A 8 held over 50 days (50/7) -> 1,
        // B 4/(50/7) = 0.56, E with M2 2 held over 8 days (8/7) -> 1; mean 0.8533.
        org.get("/rollups/teams/PLATFORM?asOf=2026-08-24").then().statusCode(200)
                .body("figures.people", equalTo(4))
                .body("figures.series", equalTo(3))
                .body("figures.health.healthy", equalTo(2))
                .body("figures.health.atRisk", equalTo(0))
                .body("figures.health.overdue", equalTo(1))
                .body("figures.health.noOneOnOne", equalTo(1))
                .body("figures.coverage.withManager", equalTo(4))
                .body("figures.coverage.covered", equalTo(3))
                .body("figures.followThrough.due", equalTo(2))
                .body("figures.followThrough.completedOnTime", equalTo(1));
        assertEquals((2 + 28.0 / 50) / 3, org.get("/rollups/teams/PLATFORM?asOf=2026-08-24").jsonPath()
                .getDouble("figures.adherenceAverage"), 1e-5); // 64/75 = 0.8533

        // M1's subtree, four week ends to 31 Aug. 10 Aug: A, B, C, E; series M1–A HEALTHY, M1–B AT_RISK (gap 14),
        // M1–E HEALTHY; 4 with a manager, 3 covered. From 17 Aug E reports to M2: A, B, C; series M1–A HEALTHY and
        // M1–B OVERDUE (gap 21, 28, 35); 3 with a manager, 2 covered. Follow-through 2 due, 1 on time throughout.
        org.get("/rollups/subtrees/{id}?asOf=2026-08-31&weeks=4", m1).then().statusCode(200)
                .body("trend.weekEnd", contains("2026-08-10", "2026-08-17", "2026-08-24", "2026-08-31"))
                .body("trend.suppressed", contains(false, false, false, false))
                .body("trend.figures.people", contains(4, 3, 3, 3))
                .body("trend.figures.series", contains(3, 2, 2, 2))
                .body("trend.figures.health.healthy", contains(2, 1, 1, 1))
                .body("trend.figures.health.atRisk", contains(1, 0, 0, 0))
                .body("trend.figures.health.overdue", contains(0, 1, 1, 1))
                .body("trend.figures.health.noOneOnOne", contains(1, 1, 1, 1))
                .body("trend.figures.coverage.withManager", contains(4, 3, 3, 3))
                .body("trend.figures.coverage.covered", contains(3, 2, 2, 2))
                .body("trend.figures.followThrough.due", contains(2, 2, 2, 2))
                .body("trend.figures.followThrough.completedOnTime", contains(1, 1, 1, 1));
        // and the day before everyone joined, nobody was there
        org.get("/rollups/teams/PLATFORM?asOf=2026-06-30").then().statusCode(404);
        org.get("/rollups/managers/{id}?asOf=2026-08-24", m2).then().statusCode(200)
                .body("figures.people", equalTo(2)).body("figures.series", equalTo(2));
        assertEquals(List.of(c.toString()), org.get("/attention?scope=team:PLATFORM&asOf=2026-08-24").then()
                .statusCode(200).extract().path("items.findAll { it.reasons == ['NO_ONE_ON_ONE'] }.companionId"));
    }

    /**
     * The minimal case, in November 2025. ENG: M, R, X, Y (M manages R, X, Y and N); SALES: S1 over S2 and S3;
     * N has no department. Weekly series from Mon 3 Nov: M–R held 3, 10, 17, 24 Nov; M–X held 3 Nov; none with Y;
     * S1–S2 held 3, 10, 17, 24 Nov; S1–S3 held 3, 10, 17 Nov; M–N held 24 Nov. R's last day is Thu 27 Nov (the
     * series itself is not ended: the rule alone must drop it).
     */
    @Test
    void the_organisation_counts_like_its_departments_and_drops_a_leavers_series() throws Exception {
        Dated org = new Dated();
        LocalDate joined = LocalDate.of(2025, 10, 1);
        LocalDate start = LocalDate.of(2025, 11, 3);
        UUID m = org.person(joined, null, "CORE", "ENG");
        UUID r = org.person(joined, m, "CORE", "ENG");
        UUID x = org.person(joined, m, "CORE", "ENG");
        org.person(joined, m, "CORE", "ENG");
        UUID s1 = org.person(joined, null, "EU", "SALES");
        UUID s2 = org.person(joined, s1, "EU", "SALES");
        UUID s3 = org.person(joined, s1, "EU", "SALES");
        UUID n = org.person(joined, m, null, null);
        org.series(start, m, r, weekly(start, LocalDate.of(2025, 11, 24)).toArray(LocalDate[]::new));
        org.series(start, m, x, start);
        org.series(start, s1, s2, weekly(start, LocalDate.of(2025, 11, 24)).toArray(LocalDate[]::new));
        org.series(start, s1, s3, weekly(start, LocalDate.of(2025, 11, 17)).toArray(LocalDate[]::new));
        org.series(start, m, n, LocalDate.of(2025, 11, 24));
        org.leaves(r, LocalDate.of(2025, 11, 27));
        org.publishAndAwait("/rollups/organisation?asOf=2025-11-29",
                res -> Integer.valueOf(7).equals(res.path("figures.people"))
                        && Integer.valueOf(4).equals(res.path("figures.series")));

        // On Sat 29 Nov R is gone, and so is M–R. Organisation: M, X, Y, S1, S2, S3, N = 7 people; series M–X
        // (gap 26: OVERDUE), S1–S2 (gap 5: HEALTHY), S1–S3 (gap 12: AT_RISK), M–N (gap 5: HEALTHY) = 4; with a
        // manager X, Y, S2, S3, N = 5, covered all but Y = 4.
        // ENG: M, X, Y: 3 people, 1 series (OVERDUE), 2 with a manager, 1 covered, 1 without a 1:1.
        // SALES: S1, S2, S3: 3 people, 2 series (1 HEALTHY, 1 AT_RISK), 2 with a manager, 2 covered.
        // No department: N: 1 person, 1 series (HEALTHY), 1 with a manager, covered.
        // Sum: 3+3+1 = 7 people, 1+2+1 = 4 series, healthy 0+1+1 = 2, at risk 0+1+0 = 1, overdue 1+0+0 = 1,
        // no 1:1 1+0+0 = 1, with a manager 2+2+1 = 5, covered 1+2+1 = 4: the organisation's figures.
        Response organisation = org.get("/rollups/organisation?asOf=2025-11-29");
        organisation.then().statusCode(200)
                .body("figures.people", equalTo(7))
                .body("figures.series", equalTo(4))
                .body("figures.health.healthy", equalTo(2))
                .body("figures.health.atRisk", equalTo(1))
                .body("figures.health.overdue", equalTo(1))
                .body("figures.health.paused", equalTo(0))
                .body("figures.health.noOneOnOne", equalTo(1))
                .body("figures.coverage.withManager", equalTo(5))
                .body("figures.coverage.covered", equalTo(4));
        Response departments = org.get("/rollups/departments?asOf=2025-11-29");
        departments.then().statusCode(200)
                .body("items.scope.key", contains("ENG", "SALES"))
                .body("items.suppressed", contains(false, false))
                .body("items.figures.people", contains(3, 3))
                .body("items.figures.series", contains(1, 2))
                .body("items.figures.health.healthy", contains(0, 1))
                .body("items.figures.health.atRisk", contains(0, 1))
                .body("items.figures.health.overdue", contains(1, 0))
                .body("items.figures.health.noOneOnOne", contains(1, 0))
                .body("items.figures.coverage.withManager", contains(2, 2))
                .body("items.figures.coverage.covered", contains(1, 2));
        // the departments plus N (1 person, 1 HEALTHY series, 1 with a manager, covered) give the organisation;
        // alone without a department, N's figures are withheld like a department's under the minimum size
        departments.then().body("withoutDepartment.suppressed", equalTo(true))
                .body("withoutDepartment.figures", nullValue());
        int[] withoutDepartment = { 1, 1, 1, 0, 0, 0, 1, 1 };
        String[] figures = { "people", "series", "health.healthy", "health.atRisk", "health.overdue",
                "health.noOneOnOne", "coverage.withManager", "coverage.covered" };
        for (int i = 0; i < figures.length; i++) {
            List<Integer> parts = departments.path("items.figures." + figures[i]);
            assertEquals((int) organisation.path("figures." + figures[i]),
                    parts.stream().mapToInt(Integer::intValue).sum() + withoutDepartment[i], figures[i]);
        }
        // on R's last day R and the series still count, in the organisation and in ENG alike
        org.get("/rollups/organisation?asOf=2025-11-27").then().statusCode(200)
                .body("figures.people", equalTo(8)).body("figures.series", equalTo(5));
        org.get("/rollups/departments/ENG?asOf=2025-11-27").then().statusCode(200)
                .body("figures.people", equalTo(4)).body("figures.series", equalTo(2));
        org.get("/rollups/managers/{id}?asOf=2025-11-29", m).then().statusCode(200)
                .body("figures.people", equalTo(3)).body("figures.series", equalTo(2));
    }

    /**
     * P joins on Mon 1 Sep 2025 reporting to M, leaves after Fri 10 Oct (their series with M ended from 11 Oct,
     * EMPLOYMENT_ENDED), and is rehired on Mon 3 Nov, again under M, with a new weekly series. X also reports to M
     * and has no series.
     */
    @Test
    void a_rehire_counts_again_from_the_rehire_day_and_leaves_the_old_period_as_it_was() throws Exception {
        Dated org = new Dated();
        UUID m = org.person(LocalDate.of(2025, 8, 1), null, "CORE", "ENG");
        UUID x = org.person(LocalDate.of(2025, 8, 1), m, "CORE", "ENG");
        UUID p = org.person(LocalDate.of(2025, 9, 1), m, "CORE", "ENG");
        UUID first = org.series(LocalDate.of(2025, 9, 1), m, p,
                weekly(LocalDate.of(2025, 9, 1), LocalDate.of(2025, 10, 6)).toArray(LocalDate[]::new));
        org.leaves(p, LocalDate.of(2025, 10, 10));
        org.ended(first, SeriesEndReason.EMPLOYMENT_ENDED, LocalDate.of(2025, 10, 11),
                Dated.startOf(LocalDate.of(2025, 10, 11)));
        org.publishAndAwait("/rollups/managers/" + m + "?asOf=2025-10-20",
                res -> Integer.valueOf(1).equals(res.path("figures.people")));
        String oldPeriod = org.get("/rollups/managers/{id}?asOf=2025-10-06&weeks=3", m).then().statusCode(200)
                .extract().asString();
        String series = org.get("/series/{id}?asOf=2025-10-06", first).then().statusCode(200).extract().asString();

        org.rehired(p, LocalDate.of(2025, 11, 3), m, "CORE", "ENG");
        UUID second = org.series(LocalDate.of(2025, 11, 3), m, p, LocalDate.of(2025, 11, 3), LocalDate.of(2025, 11, 10));
        org.publishAndAwait("/rollups/managers/" + m + "?asOf=2025-11-10",
                res -> Integer.valueOf(2).equals(res.path("figures.people"))
                        && Integer.valueOf(1).equals(res.path("figures.series")));

        // the old period's figures are as they were: P and their first series (gap 0 on 6 Oct), X without a 1:1
        assertEquals(oldPeriod, org.get("/rollups/managers/{id}?asOf=2025-10-06&weeks=3", m).then().statusCode(200)
                .extract().asString());
        assertEquals(series, org.get("/series/{id}?asOf=2025-10-06", first).then().statusCode(200).extract().asString());
        org.get("/rollups/managers/{id}?asOf=2025-10-06", m).then()
                .body("figures.people", equalTo(2)).body("figures.series", equalTo(1))
                .body("figures.health.healthy", equalTo(1)).body("figures.coverage.covered", equalTo(1));
        // between the periods P counts nowhere: M has X only, the organisation M and X
        org.get("/rollups/managers/{id}?asOf=2025-10-20", m).then()
                .body("figures.people", equalTo(1)).body("figures.series", equalTo(0))
                .body("figures.health.noOneOnOne", equalTo(1));
        org.get("/rollups/organisation?asOf=2025-11-02").then()
                .body("figures.people", equalTo(2)).body("figures.series", equalTo(0));
        // from the rehire day P counts again, with the new series (held 3 and 10 Nov: HEALTHY)
        org.get("/rollups/managers/{id}?asOf=2025-11-03", m).then()
                .body("figures.people", equalTo(2)).body("figures.series", equalTo(1));
        org.get("/rollups/managers/{id}?asOf=2025-11-10", m).then()
                .body("figures.people", equalTo(2)).body("figures.series", equalTo(1))
                .body("figures.health.healthy", equalTo(1))
                .body("figures.coverage.withManager", equalTo(2)).body("figures.coverage.covered", equalTo(1));
        org.get("/series/{id}?asOf=2025-11-10", second).then().statusCode(200);
        org.get("/rollups/departments?asOf=2025-11-10").then().statusCode(200)
                .body("items.scope.key", contains("ENG")).body("withoutDepartment", nullValue());
        // a week-by-week trend across both periods: in, out, out, back
        org.get("/rollups/organisation?asOf=2025-11-10&weeks=6").then().statusCode(200)
                .body("trend.weekEnd", contains("2025-10-06", "2025-10-13", "2025-10-20", "2025-10-27", "2025-11-03",
                        "2025-11-10"))
                .body("trend.figures.people", contains(3, 2, 2, 2, 3, 3))
                .body("trend.figures.series", contains(1, 0, 0, 0, 1, 1));
    }

    /**
     * M (no manager) with reports C and W from Mon 1 Sep 2025. C's notified last day, Fri 10 Oct, is corrected to
     * Fri 24 Oct (a second EmploymentEnded); W's, also Fri 10 Oct, is withdrawn before it took effect
     * (EmploymentEndWithdrawn). On Mon 20 Oct all three count; on Mon 27 Oct C no longer does, W still does.
     */
    @Test
    void a_corrected_last_day_replaces_the_first_and_a_withdrawn_one_keeps_the_person() throws Exception {
        Dated org = new Dated();
        UUID m = org.person(LocalDate.of(2025, 9, 1), null, "CORE", "ENG");
        UUID c = org.person(LocalDate.of(2025, 9, 1), m, "CORE", "ENG");
        UUID w = org.person(LocalDate.of(2025, 9, 1), m, "CORE", "ENG");
        org.leaves(c, LocalDate.of(2025, 10, 10));
        org.leaves(w, LocalDate.of(2025, 10, 10));
        org.leaves(c, LocalDate.of(2025, 10, 24));
        org.history.meetings(new EmploymentEndWithdrawn(w), Dated.at(LocalDate.of(2025, 10, 8), 9));
        // 3 on 20 Oct only once both the correction and the withdrawal are applied
        org.publishAndAwait("/rollups/organisation?asOf=2025-10-20",
                res -> Integer.valueOf(3).equals(res.path("figures.people")));
        org.get("/rollups/organisation?asOf=2025-10-27").then().statusCode(200).body("figures.people", equalTo(2));
        org.get("/rollups/managers/{id}?asOf=2025-10-27", m).then().statusCode(200).body("figures.people", equalTo(1));
        org.get("/rollups/managers/{id}?asOf=2025-10-20", m).then().statusCode(200).body("figures.people", equalTo(2));
    }

    /**
     * ENG: M, A, B; without a department: M's reports N1 and N2 and their own manager-less Q. Weekly series from Mon 3
     * Nov 2025: M–A and M–N1 held every Monday through 24 Nov, M–N2 held on 3 Nov only, Q–B on 10 Nov. On Sat 29 Nov
     * the organisation's figures are ENG's plus withoutDepartment's, figure by figure.
     */
    @Test
    void the_organisation_is_the_sum_of_its_departments_and_the_people_without_one() throws Exception {
        Dated org = new Dated();
        LocalDate joined = LocalDate.of(2025, 10, 1);
        LocalDate start = LocalDate.of(2025, 11, 3);
        UUID m = org.person(joined, null, "CORE", "ENG");
        UUID a = org.person(joined, m, "CORE", "ENG");
        UUID b = org.person(joined, m, "CORE", "ENG");
        UUID n1 = org.person(joined, m, null, null);
        UUID n2 = org.person(joined, m, null, null);
        UUID q = org.person(joined, null, null, null);
        LocalDate[] mondays = weekly(start, LocalDate.of(2025, 11, 24)).toArray(LocalDate[]::new);
        org.series(start, m, a, mondays);
        org.series(start, m, n1, mondays);
        org.series(start, m, n2, start);
        org.series(start, q, b, LocalDate.of(2025, 11, 10));
        org.publishAndAwait("/rollups/organisation?asOf=2025-11-29",
                res -> Integer.valueOf(6).equals(res.path("figures.people"))
                        && Integer.valueOf(4).equals(res.path("figures.series")));

        Response organisation = org.get("/rollups/organisation?asOf=2025-11-29");
        Response departments = org.get("/rollups/departments?asOf=2025-11-29");
        departments.then().statusCode(200)
                .body("items.scope.key", contains("ENG"))
                .body("withoutDepartment.suppressed", equalTo(false))
                .body("withoutDepartment.figures.people", equalTo(3))
                .body("withoutDepartment.figures.series", equalTo(2));
        for (String figure : List.of("people", "series", "health.healthy", "health.atRisk", "health.overdue",
                "health.noOneOnOne", "health.paused", "coverage.withManager", "coverage.covered",
                "followThrough.due", "followThrough.completedOnTime", "followThrough.openOverdue")) {
            int eng = departments.path("items[0].figures." + figure);
            int without = departments.path("withoutDepartment.figures." + figure);
            assertEquals((int) organisation.path("figures." + figure), eng + without, figure);
        }
    }

    /**
     * A series whose SeriesEnded says it ended before it started (old data: endedOn before startsOn) is never
     * current and has no negative figures: it ends as it starts.
     */
    @Test
    void a_series_ended_before_it_started_has_no_negative_figures() throws Exception {
        Dated org = new Dated();
        UUID m = org.person(LocalDate.of(2025, 9, 1), null, "CORE", "ENG");
        UUID r = org.person(LocalDate.of(2025, 9, 1), m, "CORE", "ENG");
        UUID series = org.series(LocalDate.of(2025, 11, 3), m, r);
        org.ended(series, SeriesEndReason.ENDED_BY_PARTICIPANT, LocalDate.of(2025, 10, 1),
                Dated.startOf(LocalDate.of(2025, 10, 1)));
        org.publishAndAwait("/series/" + series + "?asOf=2025-12-01",
                res -> Boolean.FALSE.equals(res.path("figures.current")));

        for (String day : List.of("2025-11-03", "2025-11-10", "2025-12-01")) {
            Response answer = org.get("/series/{id}?asOf=" + day, series);
            answer.then().statusCode(200).body("figures.current", equalTo(false));
            Number expected = answer.path("figures.expectedInWindow");
            assertTrue(expected == null || expected.doubleValue() >= 0, day + ": expectedInWindow " + expected);
            Number gap = answer.path("figures.gapDays");
            assertTrue(gap == null || gap.intValue() >= 0, day + ": gapDays " + gap);
        }
        org.get("/rollups/managers/{id}?asOf=2025-12-01", m).then().statusCode(200)
                .body("figures.series", equalTo(0));
    }

    /**
     * L reports to M from 1 Sep 2025; their weekly series (from Mon 6 Oct) was held once, on 6 Oct. L's last day is
     * Fri 7 Nov; the series ends from 8 Nov (EMPLOYMENT_ENDED), recorded late, on 12 Nov.
     */
    @Test
    void a_leavers_manager_is_not_flagged_for_the_leaver_after_their_series_ended() throws Exception {
        Dated org = new Dated();
        UUID m = org.person(LocalDate.of(2025, 9, 1), null, "CORE", "ENG");
        UUID l = org.person(LocalDate.of(2025, 9, 1), m, "CORE", "ENG");
        UUID series = org.series(LocalDate.of(2025, 10, 6), m, l, LocalDate.of(2025, 10, 6));
        org.leaves(l, LocalDate.of(2025, 11, 7));
        org.ended(series, SeriesEndReason.EMPLOYMENT_ENDED, LocalDate.of(2025, 11, 8),
                Dated.at(LocalDate.of(2025, 11, 12), 8));
        org.publishAndAwait("/series/" + series + "?asOf=2025-11-20", res -> Boolean.FALSE.equals(res.path("figures.current")));

        // on the last day the gap is 32 days: OVERDUE, flagged
        org.get("/rollups/managers/{id}?asOf=2025-11-07", m).then().statusCode(200)
                .body("figures.health.overdue", equalTo(1))
                .body("attention.reasons", contains(List.of("OVERDUE")));
        // from the next day (the series' endedOn, although recorded on the 12th) nothing is flagged
        for (String day : List.of("2025-11-08", "2025-11-20")) {
            org.get("/rollups/managers/{id}?asOf=" + day, m).then().statusCode(200)
                    .body("figures.people", equalTo(0))
                    .body("figures.series", equalTo(0))
                    .body("figures.health.overdue", equalTo(0))
                    .body("attentionCount", equalTo(0));
            org.get("/attention?scope=manager:" + m + "&asOf=" + day).then().statusCode(200)
                    .body("items", hasSize(0));
        }
        org.get("/series/{id}?asOf=2025-11-08", series).then().statusCode(200).body("figures.current", equalTo(false));
        org.get("/series/{id}?asOf=2025-11-07", series).then().statusCode(200).body("figures.current", equalTo(true));
    }
}
