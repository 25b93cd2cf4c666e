package dev.oneonone.meetings.rest;

import static dev.oneonone.meetings.rest.MeetingsApi.as;
import static dev.oneonone.meetings.rest.MeetingsApi.startSeries;
import static dev.oneonone.meetings.rest.MeetingsApi.weeklySeries;
import static dev.oneonone.meetings.rest.PeopleApi.endEmployment;
import static dev.oneonone.meetings.rest.PeopleApi.person;
import static dev.oneonone.meetings.rest.PeopleApi.registerLeaver;
import static dev.oneonone.meetings.rest.PeopleApi.registerPersonOn;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * Cases the issue-15 review found the directory-through-time rules let through (branch i15-review), now refused.
 */
@QuarkusTest
class Review15FindingsTest {
    private static final String PROBLEMS = "https://oneonone.dev/problems/";
    private final LocalDate today = LocalDate.now(ZoneOffset.UTC);

    /**
     * A back-dated manager change may not close a circle on any day from its effective day on: here M would report
     * to R from day -60 while R reports to M until day -30. Today's lines have no circle, so the change is accepted.
     */
    @Test
    void a_back_dated_manager_change_that_closes_a_circle_in_the_past_is_refused() {
        String org = "review15-" + UUID.randomUUID().toString().substring(0, 8);
        UUID top = registerPersonOn(org, UUID.randomUUID(), null, today.minusDays(90));
        UUID other = registerPersonOn(org, UUID.randomUUID(), top, today.minusDays(90));
        UUID m = registerPersonOn(org, UUID.randomUUID(), top, today.minusDays(90));
        UUID r = registerPersonOn(org, UUID.randomUUID(), m, today.minusDays(90));
        change(org, r, other, today.minusDays(30)).statusCode(200);

        change(org, m, r, today.minusDays(60)).statusCode(422).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "reporting-cycle")).body("errors[0].field", equalTo("managerId"));
    }

    /**
     * A series started with someone who left months ago would be ACTIVE (schedulable) until the leaver sweep ran, and
     * the sweep would then end it before the day it started: the start is refused, naming the leaver's field.
     */
    @Test
    void a_series_is_not_started_with_a_leaver_nor_before_a_participant_joined() {
        String org = "review15-" + UUID.randomUUID().toString().substring(0, 8);
        UUID leaver = registerLeaver(org, UUID.randomUUID(), today.minusDays(100), today.minusDays(60));
        UUID report = registerPersonOn(org, UUID.randomUUID(), null, today.minusDays(100));
        UUID newcomer = registerPersonOn(org, UUID.randomUUID(), null, today.minusDays(5));

        startSeries(org, weeklySeries(leaver, report)).statusCode(422).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "participant-not-employed")).body("errors[0].field", equalTo("leaderId"));
        Map<String, Object> beforeJoining = new HashMap<>(weeklySeries(report, newcomer));
        beforeJoining.put("startsOn", today.minusDays(10).toString());
        startSeries(org, beforeJoining).statusCode(422)
                .body("type", equalTo(PROBLEMS + "participant-not-employed")).body("errors[0].field", equalTo("companionId"));
        // people unknown to the directory stay allowed, and so do the employed from their first day
        startSeries(org, weeklySeries(report, UUID.randomUUID())).statusCode(201);
        beforeJoining.put("startsOn", today.minusDays(5).toString());
        startSeries(org, beforeJoining).statusCode(201);
    }

    /** An import without an end may not hold a leaver; one with an end may, when it ends by the day after their last day. */
    @Test
    void an_imported_series_runs_only_while_its_people_are_employed() {
        String org = "review15-" + UUID.randomUUID().toString().substring(0, 8);
        LocalDate lastDay = today.minusDays(60);
        UUID leaver = registerLeaver(org, UUID.randomUUID(), today.minusDays(100), lastDay);
        UUID report = registerPersonOn(org, UUID.randomUUID(), null, today.minusDays(100));
        Map<String, Object> running = imported(report, leaver, today.minusDays(90), null);
        Map<String, Object> endsLate = imported(report, leaver, today.minusDays(90), lastDay.plusDays(2));
        Map<String, Object> endsInTime = imported(report, leaver, today.minusDays(90), lastDay.plusDays(1));

        as(org).body(Map.of("series", List.of(running, endsLate, endsInTime))).post("/series/import").then()
                .statusCode(422).body("errors.field", contains("series[0].companionId", "series[1].companionId"))
                .body("errors.reason", contains("participant-not-employed", "participant-not-employed"));
        as(org).body(Map.of("series", List.of(endsInTime))).post("/series/import").then().statusCode(201);
    }

    /** Ending a series cancels its meetings still ahead (SERIES_ENDED), so none stays SCHEDULED forever. */
    @Test
    void ending_a_series_cancels_its_meetings_still_ahead() {
        String org = "review15-" + UUID.randomUUID().toString().substring(0, 8);
        String id = MeetingsApi.startWeeklySeries(org);
        MeetingsApi.scheduleMeeting(org, id, MeetingsApi.nextWeek()).statusCode(201);
        MeetingsApi.scheduleMeeting(org, id, MeetingsApi.nextWeek().plus(7, ChronoUnit.DAYS)).statusCode(201);

        as(org).post("/series/{id}/end", id).then().statusCode(200);

        as(org).get("/series/{id}/meetings", id).then().statusCode(200)
                .body("items.status", contains("CANCELLED", "CANCELLED"));
    }

    /** The leaver sweep cancels the meetings of a leaver's series from the day it ends. */
    @Test
    void a_leavers_series_has_its_meetings_from_the_end_cancelled() {
        Pair pair = pairWithSeries();
        MeetingsApi.scheduleMeeting(pair.org(), pair.seriesId(), MeetingsApi.nextWeek()).statusCode(201);

        endEmployment(pair.org(), pair.report(), today.minusDays(1)).statusCode(200);

        awaitEnded(pair.org(), pair.seriesId());
        as(pair.org()).get("/series/{id}/meetings", pair.seriesId()).then().statusCode(200)
                .body("items.status", contains("CANCELLED"));
    }

    /** A feed of a leaver (or of a series one of whose people left) answers 404; creating one does too, not 201. */
    @Test
    void no_calendar_feed_is_created_for_a_leaver_or_their_series() {
        Pair pair = pairWithSeries();
        endEmployment(pair.org(), pair.report(), today.minusDays(1)).statusCode(200);

        as(pair.org()).body(Map.of("personId", pair.report().toString())).post("/calendar/feeds").then().statusCode(404);
        as(pair.org()).body(Map.of("seriesId", pair.seriesId())).post("/calendar/feeds").then().statusCode(404);
        as(pair.org()).body(Map.of("personId", pair.manager().toString())).post("/calendar/feeds").then().statusCode(201);
    }

    /**
     * A notified last day is corrected (earlier, later) or withdrawn until it has passed; a corrected last day already
     * past has the usual consequences; after that, neither.
     */
    @Test
    void a_notified_last_day_is_corrected_or_withdrawn_until_it_passed() {
        Pair pair = pairWithSeries();
        String org = pair.org();
        UUID leaving = pair.report();
        String id = pair.seriesId();

        endEmployment(org, leaving, today.plusDays(30)).statusCode(200).body("lastDay", equalTo(today.plusDays(30).toString()));
        endEmployment(org, leaving, today.plusDays(40)).statusCode(200).body("lastDay", equalTo(today.plusDays(40).toString()));
        as(org).delete("/people/{id}/employment-end", leaving).then().statusCode(200).body("lastDay", equalTo(null))
                .body("employed", equalTo(true));
        as(org).delete("/people/{id}/employment-end", leaving).then().statusCode(409)
                .body("type", equalTo(PROBLEMS + "no-pending-end"));
        endEmployment(org, leaving, today.plusDays(10)).statusCode(200);
        endEmployment(org, leaving, today.minusDays(1)).statusCode(200);

        awaitEnded(org, id);
        endEmployment(org, leaving, today.plusDays(5)).statusCode(409).body("type", equalTo(PROBLEMS + "employment-ended"));
        as(org).delete("/people/{id}/employment-end", leaving).then().statusCode(409)
                .body("type", equalTo(PROBLEMS + "employment-ended"));
    }

    /** A new organisation with a manager and their report, employed for a month, and their weekly series. */
    private record Pair(String org, UUID manager, UUID report, String seriesId) {
    }

    private Pair pairWithSeries() {
        String org = "review15-" + UUID.randomUUID().toString().substring(0, 8);
        UUID manager = registerPersonOn(org, UUID.randomUUID(), null, today.minusDays(30));
        UUID report = registerPersonOn(org, UUID.randomUUID(), manager, today.minusDays(30));
        return new Pair(org, manager, report, MeetingsApi.startWeeklySeries(org, manager, report));
    }

    /** The leaver sweep runs on its own thread once an employment end is recorded. */
    private static void awaitEnded(String org, String seriesId) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> "ENDED".equals(
                as(org).get("/series/{id}", seriesId).path("status")));
    }

    private static Map<String, Object> imported(UUID leader, UUID companion, LocalDate startsOn, LocalDate endedOn) {
        Map<String, Object> series = new HashMap<>(Map.of("leaderId", leader.toString(), "companionId", companion.toString(),
                "relationship", "MANAGER_REPORT", "cadence", "WEEKLY", "timeZone", "UTC", "startsOn", startsOn.toString()));
        if (endedOn != null) {
            series.put("endedOn", endedOn.toString());
        }
        return series;
    }

    private static ValidatableResponse change(String org, UUID id, UUID managerId, LocalDate effectiveOn) {
        Map<String, Object> body = person(id, managerId);
        body.remove("id");
        body.put("effectiveOn", effectiveOn.toString());
        return as(org).body(body).put("/people/{id}", id).then();
    }
}
