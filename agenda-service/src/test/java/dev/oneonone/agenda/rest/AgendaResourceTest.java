package dev.oneonone.agenda.rest;

import static dev.oneonone.agenda.MeetingsEventsFeed.awaitAgenda;
import static dev.oneonone.agenda.MeetingsEventsFeed.envelope;
import static dev.oneonone.agenda.MeetingsEventsFeed.meetingScheduled;
import static dev.oneonone.agenda.MeetingsEventsFeed.personToken;
import static dev.oneonone.agenda.MeetingsEventsFeed.publish;
import static dev.oneonone.agenda.MeetingsEventsFeed.seriesStarted;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.oneonone.agenda.application.templates.BuiltInTemplate;
import dev.oneonone.events.EventEnvelope;
import dev.oneonone.events.meetings.ActorRole;
import dev.oneonone.events.meetings.CancelReason;
import dev.oneonone.events.meetings.MeetingCancelled;
import dev.oneonone.events.meetings.MeetingRescheduled;
import dev.oneonone.events.meetings.RescheduleReason;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class AgendaResourceTest {
    private static final String ORG = "acme";

    @Test
    void a_meeting_scheduled_in_meetings_service_gets_an_agenda_here() throws Exception {
        UUID series = UUID.randomUUID();
        UUID meeting = UUID.randomUUID();
        UUID leader = UUID.randomUUID();
        UUID companion = UUID.randomUUID();
        Instant at = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

        publish(envelope(ORG, 1, seriesStarted(series, leader, companion)),
                envelope(ORG, 2, meetingScheduled(series, meeting, at, true)));

        awaitAgenda(personToken(ORG, companion), meeting)
                .body("seriesId", equalTo(series.toString()))
                .body("leaderId", equalTo(leader.toString()))
                .body("companionId", equalTo(companion.toString()))
                .body("firstOfSeries", equalTo(true))
                .body("status", equalTo("SCHEDULED"))
                .body("scheduledFor", equalTo(at.toString()))
                // a first meeting starts from the first-meeting template (see TemplatesResourceTest)
                .body("topics", hasSize(BuiltInTemplate.FIRST_MEETING.questions().size()));
        given().auth().oauth2(personToken(ORG, leader)).get("/meetings/{id}/agenda", meeting).then().statusCode(200);
    }

    @Test
    void the_same_event_delivered_twice_changes_nothing_and_the_stream_goes_on() throws Exception {
        UUID series = UUID.randomUUID();
        UUID leader = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        EventEnvelope started = envelope(ORG, 1, seriesStarted(series, leader, UUID.randomUUID()));
        EventEnvelope scheduled = envelope(ORG, 2, meetingScheduled(series, first, Instant.now().plusSeconds(3600), true));
        publish(started, scheduled, scheduled, started);

        // a later event still arrives: the duplicates neither failed nor stopped the consumer
        UUID second = UUID.randomUUID();
        publish(envelope(ORG, 3, meetingScheduled(series, second, Instant.now().plusSeconds(7200), false)));

        String token = personToken(ORG, leader);
        awaitAgenda(token, second).body("firstOfSeries", equalTo(false));
        awaitAgenda(token, first).body("firstOfSeries", equalTo(true));
    }

    @Test
    void an_organisations_events_never_reach_another_organisation() throws Exception {
        UUID series = UUID.randomUUID();
        UUID person = UUID.randomUUID();
        UUID meeting = UUID.randomUUID();
        publish(envelope(ORG, 1, seriesStarted(series, person, UUID.randomUUID())),
                envelope(ORG, 2, meetingScheduled(series, meeting, Instant.now().plusSeconds(3600), true)));
        awaitAgenda(personToken(ORG, person), meeting);

        // the same person id in another organisation is another person
        given().auth().oauth2(personToken("globex", person)).get("/meetings/{id}/agenda", meeting)
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void a_rescheduled_then_cancelled_meeting_is_followed_here() throws Exception {
        UUID series = UUID.randomUUID();
        UUID leader = UUID.randomUUID();
        UUID meeting = UUID.randomUUID();
        Instant at = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        Instant movedTo = at.plus(1, ChronoUnit.DAYS);
        publish(envelope(ORG, 1, seriesStarted(series, leader, UUID.randomUUID())),
                envelope(ORG, 2, meetingScheduled(series, meeting, at, true)),
                envelope(ORG, 3, new MeetingRescheduled(series, meeting, at, movedTo, ActorRole.LEADER, leader,
                        RescheduleReason.CONFLICT)));
        String token = personToken(ORG, leader);
        awaitAgenda(token, meeting);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> given().auth()
                .oauth2(token).get("/meetings/{id}/agenda", meeting).path("scheduledFor").equals(movedTo.toString()));

        publish(envelope(ORG, 4, new MeetingCancelled(series, meeting, ActorRole.LEADER, leader, CancelReason.ILLNESS)));

        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> given().auth()
                .oauth2(token).get("/meetings/{id}/agenda", meeting).path("status").equals("CANCELLED"));
    }

    @Test
    void an_unknown_meeting_is_404_as_a_problem() {
        given().auth().oauth2(personToken(ORG, UUID.randomUUID())).get("/meetings/{id}/agenda", UUID.randomUUID())
                .then().statusCode(404).body("status", equalTo(404));
    }
}
