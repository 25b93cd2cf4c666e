package dev.oneonone.insights.projection;

import static dev.oneonone.insights.MeetingsEventsFeed.envelopeAt;
import static dev.oneonone.insights.MeetingsEventsFeed.integrationToken;
import static dev.oneonone.insights.MeetingsEventsFeed.publish;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import dev.oneonone.events.agenda.AgreementMade;
import dev.oneonone.events.agenda.AuthorRole;
import dev.oneonone.events.agenda.TopicAdded;
import dev.oneonone.events.agenda.TopicDiscussed;
import dev.oneonone.events.agenda.TopicKind;
import dev.oneonone.events.meetings.Cadence;
import dev.oneonone.events.meetings.EmploymentEnded;
import dev.oneonone.events.meetings.MeetingHeld;
import dev.oneonone.events.meetings.MeetingMode;
import dev.oneonone.events.meetings.MeetingScheduled;
import dev.oneonone.events.meetings.PersonDetailsChanged;
import dev.oneonone.events.meetings.PersonRegistered;
import dev.oneonone.events.meetings.PersonRehired;
import dev.oneonone.events.meetings.Relationship;
import dev.oneonone.events.meetings.SeriesPaused;
import dev.oneonone.events.meetings.SeriesStarted;
import dev.oneonone.insights.OrganisationHistory;
import dev.oneonone.insights.SmallOrganisation;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;

/**
 * POST /admin/projections/replay rebuilds every projection (timelines and the directory's history) from
 * Kafka to the same figures, the rollups' cached figures included, and the API answers meanwhile.
 */
@QuarkusTest
class ProjectionReplayTest {
    @Inject
    Pool pool;

    @Inject
    ProjectionReplay replay;

    @Test
    void replay_gives_the_same_figures_and_the_service_answers_meanwhile() throws Exception {
        String org = "replay-" + UUID.randomUUID().toString().substring(0, 8);
        UUID series = UUID.randomUUID();
        UUID meeting = UUID.randomUUID();
        UUID topic = UUID.randomUUID();
        LocalDate start = LocalDate.of(2026, 2, 2);
        Instant held = start.atTime(LocalTime.of(9, 0)).toInstant(ZoneOffset.UTC);
        publish(envelopeAt(org, 1, new SeriesStarted(series, UUID.randomUUID(), UUID.randomUUID(),
                        Relationship.PEER, Cadence.WEEKLY, 30, "UTC", start, null, null), held.minusSeconds(86_400)),
                envelopeAt(org, 2, new MeetingScheduled(series, meeting, held, 30, true), held.minusSeconds(86_400)),
                envelopeAt(org, 3, new MeetingHeld(series, meeting, held, 12, MeetingMode.REMOTE), held.plusSeconds(3600)),
                envelopeAt(org, 4, new SeriesPaused(series, start.plusDays(3), start.plusDays(9)), held.plusSeconds(7200)),
                envelopeAt(org, 1, new TopicAdded(meeting, topic, TopicKind.FEEDBACK, AuthorRole.COMPANION,
                        true), held.minusSeconds(3600)),
                // a type no projection follows: the replay skips it unparsed
                envelopeAt(org, 2, new TopicDiscussed(meeting, topic), held.plusSeconds(600)),
                envelopeAt(org, 1, new AgreementMade(UUID.randomUUID(), series, meeting, AuthorRole.COMPANION,
                        UUID.randomUUID(), start.plusDays(4)), held.plusSeconds(1800)));
        String token = integrationToken(org);
        String before = Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                .until(() -> figures(token, series), body -> body.contains("\"preparationRate\":1.0")
                        && body.contains("\"openOverdue\":1") && body.contains("\"gapDays\":7"));
        String listBefore = list(token);
        List<String> indexesBefore = indexes();
        assertTrue(indexesBefore.contains("series_timeline: CREATE INDEX ON series_timeline USING btree (organisation_id)"),
                indexesBefore.toString());

        String state = given().auth().oauth2(token).post("/admin/projections/replay").then().statusCode(202)
                .extract().path("state");
        assertEquals("RUNNING", state);
        // the replay holds 2 s before the swap in tests: the API answers from the current tables meanwhile
        int answeredWhileRunning = 0;
        while ("RUNNING".equals(status(token))) {
            assertEquals(before, figures(token, series));
            answeredWhileRunning++;
            Thread.sleep(100);
        }
        assertTrue(answeredWhileRunning > 0, "the API was asked while the replay ran");
        assertEquals("DONE", status(token));
        assertTrue(given().auth().oauth2(token).get("/admin/projections/replay").then().extract()
                .<Integer>path("events") >= 7, "every event on both topics was replayed");
        // the copies come with every index of the tables they replace
        assertEquals(indexesBefore, indexes());

        assertEquals(before, figures(token, series));
        assertEquals(listBefore, list(token));
    }

    @Test
    void replay_rebuilds_the_directory_and_the_rollups_come_out_the_same() throws Exception {
        SmallOrganisation org = SmallOrganisation.seeded();
        String hr = org.hrToken;
        // Q joined PLATFORM under M1 40 days ago, left after 30 days ago, and was rehired into DATA under M2 10 days
        // ago; C moved to DATA from 20 days ago, recorded only now (the payload's effectiveOn counts)
        OrganisationHistory history = org.history;
        UUID q = UUID.randomUUID();
        history.meetings(new PersonRegistered(q, "PLATFORM", "ENG", org.m1, history.daysAgo(40)),
                history.daysAgo(40).atStartOfDay(ZoneOffset.UTC).toInstant());
        history.meetings(new EmploymentEnded(q, history.daysAgo(30)),
                history.daysAgo(29).atStartOfDay(ZoneOffset.UTC).toInstant());
        history.meetings(new PersonRehired(q, history.daysAgo(10), "DATA", "ENG", org.m2),
                history.daysAgo(10).atStartOfDay(ZoneOffset.UTC).toInstant());
        history.meetings(new PersonDetailsChanged(org.c, "DATA", "ENG", history.daysAgo(20)), Instant.now());
        history.publish();
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                .until(() -> given().auth().oauth2(hr).get("/rollups/teams/DATA"),
                        r -> r.statusCode() == 200 && Integer.valueOf(6).equals(r.path("figures.people")));
        String before = rollup(hr);
        String pastBefore = pastTeam(hr, history);
        assertEquals(10, (int) given().auth().oauth2(hr).get("/rollups/organisation").then().extract()
                .<Integer>path("figures.coverage.withManager"), before);
        // PLATFORM 36, 29, 22 and 15 days ago: M1, A, B, C and Q; M1, A, B, C (Q left); the same; M1, A, B (C moved)
        assertEquals(List.of(5, 4, 4, 3), given().auth().oauth2(hr).queryParam("asOf", history.daysAgo(15).toString())
                .get("/rollups/teams/PLATFORM?weeks=4").then().statusCode(200).extract()
                .path("trend.collect { it.suppressed ? 0 : it.figures.people }"), pastBefore);
        String seriesBefore = given().auth().oauth2(hr).get("/series/{id}", org.seriesB).then().statusCode(200)
                .extract().asString();
        // the stored group totals the rollups just read, built by the per-event path's tables
        List<String> totalsBefore = groupTotals(org.id);
        assertTrue(totalsBefore.size() >= 4 * 6, "four days of the organisation, ENG, LEAD, PLATFORM, DATA, DESIGN: "
                + totalsBefore);

        // lose the organisation's reporting lines (as a faulty projection might) and move on from the cached figures
        pool.withTransaction(sql -> sql.preparedQuery("delete from directory_reporting_line where organisation_id = $1")
                .execute(Tuple.of(org.id))
                .chain(() -> sql.query("update history_position set position = position + 1").execute())
                // as every directory write does: the organisation's directory changed at this position
                .chain(() -> sql.preparedQuery("insert into directory_revision (organisation_id, revision) "
                        + "select $1, position from history_position on conflict (organisation_id) "
                        + "do update set revision = excluded.revision").execute(Tuple.of(org.id))))
                .await().atMost(Duration.ofSeconds(10));
        String lost = rollup(hr);
        assertNotEquals(before, lost);
        assertEquals(0, (int) given().auth().oauth2(hr).get("/rollups/organisation").then().extract()
                .<Integer>path("figures.coverage.withManager"), lost);

        given().auth().oauth2(hr).post("/admin/projections/replay").then().statusCode(403);
        String integration = integrationToken(org.id);
        given().auth().oauth2(integration).post("/admin/projections/replay").then().statusCode(202);
        int answeredWhileRunning = 0;
        while ("RUNNING".equals(status(integration))) {
            // the live tables answer meanwhile (still without the reporting lines), then the rebuilt ones: the
            // swap comes a moment before the status says DONE
            String answer = rollup(hr);
            assertTrue(answer.equals(lost) || answer.equals(before), answer);
            assertEquals(seriesBefore, given().auth().oauth2(hr).get("/series/{id}", org.seriesB).then()
                    .statusCode(200).extract().asString());
            answeredWhileRunning += answer.equals(lost) ? 1 : 0;
            Thread.sleep(100);
        }
        assertTrue(answeredWhileRunning > 0, "the API answered from the live tables while the replay ran");
        assertEquals("DONE", status(integration));

        // the swap moved history_position: no figure computed from the old tables is served again
        assertEquals(before, rollup(hr));
        assertEquals(pastBefore, pastTeam(hr, history));
        // the replay's tables give the same stored rows, built afresh for them (a new generation)
        assertEquals(totalsBefore, groupTotals(org.id));
        assertEquals(seriesBefore, given().auth().oauth2(hr).get("/series/{id}", org.seriesB).then().statusCode(200)
                .extract().asString());
        given().auth().oauth2(org.directorToken(org.m1)).get("/series/{id}", org.seriesB).then().statusCode(200);
    }

    /** The organisation's rollup with its coverage, attention list and a four-week trend. */
    private static String rollup(String token) {
        return given().auth().oauth2(token).queryParam("weeks", 4).get("/rollups/organisation")
                .then().statusCode(200).extract().asString();
    }

    /** PLATFORM's four-week trend to 15 days ago, across the rehire and the late-recorded move. */
    private static String pastTeam(String token, OrganisationHistory history) {
        return given().auth().oauth2(token).queryParam("asOf", history.daysAgo(15).toString())
                .get("/rollups/teams/PLATFORM?weeks=4").then().statusCode(200).extract().asString();
    }

    /** Every index of the replayed tables, as "table: definition" without the index's name. */
    private List<String> indexes() {
        return pool.preparedQuery("""
                select tablename || ': ' || regexp_replace(indexdef, '^(CREATE (UNIQUE )?INDEX) \\S+ ON public\\.', '\\1 ON ')
                  from pg_indexes where tablename = any($1::text[]) order by 1""")
                .execute(Tuple.of((Object) replay.tables().toArray(String[]::new))).map(rows -> {
                    List<String> all = new java.util.ArrayList<>();
                    rows.forEach(row -> all.add(row.getString(0)));
                    return all;
                }).await().atMost(Duration.ofSeconds(10));
    }

    /** Every stored group total of the organisation, day and group first, whatever stamp it was built for. */
    private List<String> groupTotals(String organisationId) {
        return pool.preparedQuery("""
                select day, scope, people, series, healthy, at_risk, overdue, paused, with_manager, covered, due,
                       completed_on_time, open_overdue, adherence_sum::float8 as adherence, with_adherence, attention
                  from group_totals where organisation_id = $1 order by day, scope""")
                .execute(Tuple.of(organisationId)).map(rows -> {
                    List<String> all = new java.util.ArrayList<>();
                    rows.forEach(row -> all.add(row.toJson().encode()));
                    return all;
                }).await().atMost(Duration.ofSeconds(10));
    }

    private static String figures(String token, UUID series) {
        return given().auth().oauth2(token).queryParam("asOf", "2026-02-16").get("/series/{id}/trend?weeks=3", series)
                .then().statusCode(200).extract().asString();
    }

    private static String list(String token) {
        return given().auth().oauth2(token).queryParam("asOf", "2026-02-16").get("/series")
                .then().statusCode(200).extract().asString();
    }

    private static String status(String token) {
        return given().auth().oauth2(token).get("/admin/projections/replay").then().statusCode(200).extract().path("state");
    }

}
