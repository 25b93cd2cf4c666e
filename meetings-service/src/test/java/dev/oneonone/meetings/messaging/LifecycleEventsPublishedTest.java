package dev.oneonone.meetings.messaging;

import static dev.oneonone.meetings.rest.MeetingsApi.as;
import static dev.oneonone.meetings.rest.MeetingsApi.importSeriesWithPastMeeting;
import static dev.oneonone.meetings.rest.MeetingsApi.nextWeek;
import static dev.oneonone.meetings.rest.MeetingsApi.scheduleMeeting;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.oneonone.events.EventEnvelope;
import io.quarkus.test.junit.QuarkusTest;

/** Lifecycle events reach the topic, each with when it happened apart from when it was recorded. */
@QuarkusTest
class LifecycleEventsPublishedTest {
    private static final String ORG = "published-lifecycle";

    @Test
    void rescheduled_held_and_cancelled_reach_the_topic_and_a_late_record_keeps_its_real_time() {
        Instant yesterday = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);
        String series = importSeriesWithPastMeeting(ORG, yesterday, nextWeek()).statusCode(201).extract().path("series[0]");
        List<String> meetings = as(ORG).get("/series/{id}/meetings", series).then().extract().path("items.id");
        Instant heldAt = yesterday.plusSeconds(180);
        as(ORG).body(Map.of("heldAt", heldAt.toString(), "actualMinutes", 22, "mode", "IN_PERSON"))
                .post("/series/{id}/meetings/{m}/held", series, meetings.get(0)).then().statusCode(200);
        as(ORG).body(Map.of("to", nextWeek().plus(1, ChronoUnit.DAYS).toString(), "reason", "CONFLICT"))
                .post("/series/{id}/meetings/{m}/reschedule", series, meetings.get(1)).then().statusCode(200);
        String third = scheduleMeeting(ORG, series, nextWeek().plus(8, ChronoUnit.DAYS)).statusCode(201).extract().path("id");
        as(ORG).body(Map.of("reason", "VACATION")).post("/series/{id}/meetings/{m}/cancel", series, third).then().statusCode(200);

        List<EventEnvelope> events = PublishedEvents.ofAggregate(UUID.fromString(series), 7, Duration.ofSeconds(30)).stream()
                .map(PublishedEvents::envelope).toList();

        assertEquals(List.of("SeriesStarted", "MeetingScheduled", "MeetingScheduled", "MeetingHeld", "MeetingRescheduled",
                "MeetingScheduled", "MeetingCancelled"),
                events.stream().map(e -> e.type().substring("oneonone.meetings.".length())).toList());
        EventEnvelope held = events.get(3);
        assertEquals(heldAt, held.occurredAt());
        assertTrue(held.recordedAt().isAfter(held.occurredAt().plus(Duration.ofHours(12))), held.toString());
        assertTrue(compact(held).contains("\"actualMinutes\":22"), held.data());
        EventEnvelope rescheduled = events.get(4);
        assertTrue(compact(rescheduled).contains("\"reason\":\"CONFLICT\"") && compact(rescheduled).contains("\"byRole\":\"INTEGRATION\""),
                rescheduled.data());
        assertTrue(compact(events.get(6)).contains("\"reason\":\"VACATION\""), events.get(6).data());
    }

    /** The payload without spaces (PostgreSQL's jsonb has them after colons). */
    private static String compact(EventEnvelope event) {
        return event.data().replace(" ", "");
    }
}
