package dev.oneonone.agenda.rest;

import static dev.oneonone.agenda.MeetingsEventsFeed.awaitAgenda;
import static dev.oneonone.agenda.MeetingsEventsFeed.envelope;
import static dev.oneonone.agenda.MeetingsEventsFeed.meetingScheduled;
import static dev.oneonone.agenda.MeetingsEventsFeed.personToken;
import static dev.oneonone.agenda.MeetingsEventsFeed.publish;
import static dev.oneonone.agenda.MeetingsEventsFeed.seriesStarted;
import static dev.oneonone.agenda.rest.TopicsResourceTest.topic;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import dev.oneonone.agenda.domain.Agenda.AgendaTopic;
import dev.oneonone.agenda.domain.CarryOverSimulation;
import dev.oneonone.agenda.domain.CarryOverSteps;
import dev.oneonone.agenda.domain.CarryOverSteps.Step;
import dev.oneonone.events.meetings.ActorRole;
import dev.oneonone.events.meetings.CancelReason;
import dev.oneonone.events.meetings.MeetingCancelled;
import dev.oneonone.events.meetings.MeetingHeld;
import dev.oneonone.events.meetings.MeetingMissed;
import dev.oneonone.events.meetings.MeetingMode;
import dev.oneonone.events.meetings.MeetingRescheduled;
import dev.oneonone.events.meetings.MeetingsEvent;
import dev.oneonone.events.meetings.RescheduleReason;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Issue 14, item 1, through real Kafka events and the REST API: the two sequences of the issue, and one seeded
 * random sequence of schedule, move, cancel, hold, missed and add-topic whose outcome must match the domain's
 * carry-over rule ({@link CarryOverSimulation}) meeting by meeting, with each carry counted.
 */
@QuarkusTest
class CarryOverAfterMovesResourceTest {
    private static final String ORG = "acme";

    private final UUID series = UUID.randomUUID();
    private final UUID leader = UUID.randomUUID();
    private final UUID companion = UUID.randomUUID();
    private long version;

    private static Instant inDays(int days) {
        return Instant.now().plus(days, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    }

    private void send(MeetingsEvent event) throws Exception {
        publish(envelope(ORG, ++version, event));
    }

    private void send(MeetingsEvent event, Instant at) throws Exception {
        publish(envelope(ORG, ++version, event, at));
    }

    private JsonPath agenda(UUID meeting) {
        return given().auth().oauth2(personToken(ORG, companion)).get("/meetings/{id}/agenda", meeting).then()
                .statusCode(200).extract().jsonPath();
    }

    private void awaitTopics(UUID meeting, List<String> topics) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> agenda(meeting).getList("topics.id").equals(topics));
    }

    private String addTopic(UUID meeting, UUID by, String title) {
        return given().auth().oauth2(personToken(ORG, by)).contentType("application/json")
                .body(topic(title, "PLANNING")).post("/meetings/{id}/topics", meeting).then().statusCode(201)
                .extract().path("id");
    }

    private MeetingRescheduled moved(UUID meeting, Instant from, Instant to) {
        return new MeetingRescheduled(series, meeting, from, to, ActorRole.LEADER, leader, RescheduleReason.CONFLICT);
    }

    private MeetingCancelled cancelled(UUID meeting) {
        return new MeetingCancelled(series, meeting, ActorRole.LEADER, leader, CancelReason.OTHER);
    }

    @Test
    void a_meeting_moved_after_the_next_one_then_cancelled_passes_its_topics_to_the_next_one() throws Exception {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        send(seriesStarted(series, leader, companion));
        send(meetingScheduled(series, a, inDays(9), false));
        send(meetingScheduled(series, b, inDays(16), false));
        awaitAgenda(personToken(ORG, companion), b);
        String topic = addTopic(a, companion, "Promotion path to senior");

        send(moved(a, inDays(9), inDays(17)));
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> agenda(a).getString("scheduledFor").startsWith(inDays(17).toString().substring(0, 10)));
        assertEquals(List.of(topic), agenda(a).getList("topics.id"), "the topic follows its meeting");

        send(cancelled(a));
        awaitTopics(b, List.of(topic));
        assertEquals(List.of(), agenda(a).getList("topics.id"));
        assertEquals(List.of(1), agenda(b).getList("topics.timesCarried"));
        assertEquals(List.of(a.toString()), agenda(b).getList("topics.carriedFromMeetingId"));
    }

    @Test
    void topics_of_a_cancelled_meeting_go_to_an_earlier_one_that_will_take_place() throws Exception {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        send(seriesStarted(series, leader, companion));
        send(meetingScheduled(series, b, inDays(2), false));
        send(meetingScheduled(series, a, inDays(9), false));
        awaitAgenda(personToken(ORG, companion), a);
        String topic = addTopic(a, leader, "Team reshuffle");

        send(cancelled(a));
        awaitTopics(b, List.of(topic));

        send(moved(b, inDays(2), inDays(13)));
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> agenda(b).getString("scheduledFor").startsWith(inDays(13).toString().substring(0, 10)));
        assertEquals(List.of(topic), agenda(b).getList("topics.id"));
        assertEquals(List.of(1), agenda(b).getList("topics.timesCarried"));
    }

    @Test
    void topics_waiting_while_the_only_meeting_is_past_go_to_it_once_it_is_moved_into_the_future() throws Exception {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        Instant pastB = inDays(-2);
        send(seriesStarted(series, leader, companion));
        send(meetingScheduled(series, b, pastB, false)); // its time passed; not recorded held or missed yet
        send(meetingScheduled(series, a, inDays(5), false));
        awaitAgenda(personToken(ORG, companion), a);
        awaitAgenda(personToken(ORG, companion), b);
        String topic = addTopic(a, companion, "Vacation in March");

        send(cancelled(a));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "CANCELLED".equals(agenda(a).getString("status")));
        assertEquals(List.of(topic), agenda(a).getList("topics.id"), "it waits, still shown where it was");
        assertEquals(List.of(), agenda(b).getList("topics.id"));

        send(moved(b, pastB, inDays(9)));
        awaitTopics(b, List.of(topic));
        assertEquals(List.of(), agenda(a).getList("topics.id"));
        assertEquals(List.of(1), agenda(b).getList("topics.timesCarried"));
        assertEquals(List.of(a.toString()), agenda(b).getList("topics.carriedFromMeetingId"));
    }

    /** One seeded random sequence (the fast property test runs hundreds on the domain rule alone). */
    @Test
    void a_random_sequence_through_kafka_ends_as_the_rule_says() throws Exception {
        Random random = new Random(14);
        CarryOverSimulation model = new CarryOverSimulation(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        UUID seriesId = model.series;
        version = 0;
        publish(envelope(ORG, ++version, seriesStarted(seriesId, leader, companion)));
        for (int i = 0; i < 30; i++) {
            Step step = CarryOverSteps.next(random, model);
            Instant at = model.now();
            UUID topicId = null;
            if (step instanceof CarryOverSteps.Schedule s) {
                publish(envelope(ORG, ++version, meetingScheduled(seriesId, s.meetingId(), s.startsAt(), false), at));
                awaitAgenda(personToken(ORG, companion), s.meetingId());
            } else if (step instanceof CarryOverSteps.Move m) {
                publish(envelope(ORG, ++version, new MeetingRescheduled(seriesId, m.meetingId(),
                        model.meeting(m.meetingId()).startsAt(), m.to(), ActorRole.COMPANION, companion,
                        RescheduleReason.OTHER), at));
            } else if (step instanceof CarryOverSteps.Cancel c) {
                publish(envelope(ORG, ++version, new MeetingCancelled(seriesId, c.meetingId(), ActorRole.LEADER, leader,
                        CancelReason.OTHER), at));
            } else if (step instanceof CarryOverSteps.Hold h) {
                for (UUID discussed : h.discussed()) {
                    given().auth().oauth2(personToken(ORG, leader))
                            .post("/meetings/{m}/topics/{t}/discussed", h.meetingId(), discussed).then().statusCode(200);
                }
                publish(envelope(ORG, ++version, new MeetingHeld(seriesId, h.meetingId(), at, 30, MeetingMode.REMOTE), at));
            } else if (step instanceof CarryOverSteps.Miss m) {
                publish(envelope(ORG, ++version, new MeetingMissed(seriesId, m.meetingId(),
                        model.meeting(m.meetingId()).startsAt()), at));
            } else if (step instanceof CarryOverSteps.AddTopic add) {
                UUID by = add.role() == dev.oneonone.events.agenda.AuthorRole.COMPANION ? companion : leader;
                topicId = UUID.fromString(addTopic(add.meetingId(), by, "Topic " + i));
            }
            CarryOverSteps.apply(step, model, topicId);
            awaitSameAsModel(model, "step " + i + " " + step);
        }
        // and each carry counted, from where it came
        for (var meeting : model.meetings()) {
            JsonPath onService = agenda(meeting.meetingId());
            List<AgendaTopic> expected = model.agenda(meeting.meetingId()).topics();
            assertEquals(expected.stream().map(AgendaTopic::timesCarried).toList(), onService.getList("topics.timesCarried"));
        }
    }

    private void awaitSameAsModel(CarryOverSimulation model, String at) {
        Map<UUID, Set<String>> expected = new HashMap<>();
        model.meetings().forEach(m -> expected.put(m.meetingId(), model.agenda(m.meetingId()).topics().stream()
                .map(t -> t.topicId().toString()).collect(Collectors.toSet())));
        Awaitility.await(at).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            for (Map.Entry<UUID, Set<String>> meeting : expected.entrySet()) {
                if (!Set.copyOf(agenda(meeting.getKey()).<String>getList("topics.id")).equals(meeting.getValue())) {
                    return false;
                }
            }
            return true;
        });
    }
}
