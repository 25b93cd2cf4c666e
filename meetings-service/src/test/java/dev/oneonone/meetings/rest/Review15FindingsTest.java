package dev.oneonone.meetings.rest;

import static dev.oneonone.meetings.rest.MeetingsApi.as;
import static dev.oneonone.meetings.rest.MeetingsApi.startSeries;
import static dev.oneonone.meetings.rest.MeetingsApi.weeklySeries;
import static dev.oneonone.meetings.rest.PeopleApi.endEmployment;
import static dev.oneonone.meetings.rest.PeopleApi.person;
import static dev.oneonone.meetings.rest.PeopleApi.registerLeaver;
import static dev.oneonone.meetings.rest.PeopleApi.registerPersonOn;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * Failing tests from the issue-15 review (branch i15-review): cases the new directory-through-time rules let through.
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
     * A series started with someone who left months ago is ACTIVE (schedulable) until the leaver sweep runs, and the
     * sweep then ends it on the day after the last day: before the day it started.
     */
    @Test
    void a_series_never_ends_before_it_starts_when_started_with_a_leaver() throws InterruptedException {
        String org = "review15-" + UUID.randomUUID().toString().substring(0, 8);
        UUID leaver = registerLeaver(org, UUID.randomUUID(), today.minusDays(100), today.minusDays(60));
        UUID report = registerPersonOn(org, UUID.randomUUID(), null, today.minusDays(100));

        ValidatableResponse started = startSeries(org, weeklySeries(leaver, report));
        int status = started.extract().statusCode();
        if (status == 201) {
            String id = started.extract().path("id");
            // any employment end runs the sweep at once
            UUID trigger = registerPersonOn(org, UUID.randomUUID(), null, today.minusDays(10));
            endEmployment(org, trigger, today.plusDays(30)).statusCode(200);
            Thread.sleep(3000);
            Map<String, Object> series = as(org).get("/series/{id}", id).then().statusCode(200).extract().as(Map.class);
            Object endedOn = series.get("endedOn");
            assertFalse(endedOn != null && LocalDate.parse((String) endedOn).isBefore(LocalDate.parse((String) series.get("startsOn"))),
                    "series ended on " + endedOn + " before it started on " + series.get("startsOn"));
            assertFalse("ACTIVE".equals(series.get("status")), "a series with a leaver is ACTIVE: " + series);
        }
    }

    private static ValidatableResponse change(String org, UUID id, UUID managerId, LocalDate effectiveOn) {
        Map<String, Object> body = person(id, managerId);
        body.remove("id");
        body.put("effectiveOn", effectiveOn.toString());
        return as(org).body(body).put("/people/{id}", id).then();
    }
}
