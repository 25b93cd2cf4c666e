package dev.oneonone.insights.messaging;

import static dev.oneonone.insights.MeetingsEventsFeed.envelopeAt;
import static dev.oneonone.insights.MeetingsEventsFeed.integrationToken;
import static dev.oneonone.insights.MeetingsEventsFeed.publish;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import dev.oneonone.events.EventEnvelope;
import dev.oneonone.events.agenda.AgreementCompleted;
import dev.oneonone.events.agenda.AgreementMade;
import dev.oneonone.events.agenda.AuthorRole;
import dev.oneonone.events.agenda.TopicAdded;
import dev.oneonone.events.agenda.TopicKind;
import dev.oneonone.events.meetings.ActorRole;
import dev.oneonone.events.meetings.Cadence;
import dev.oneonone.events.meetings.CancelReason;
import dev.oneonone.events.meetings.MeetingCancelled;
import dev.oneonone.events.meetings.MeetingHeld;
import dev.oneonone.events.meetings.MeetingMode;
import dev.oneonone.events.meetings.MeetingRescheduled;
import dev.oneonone.events.meetings.MeetingScheduled;
import dev.oneonone.events.meetings.Relationship;
import dev.oneonone.events.meetings.RescheduleReason;
import dev.oneonone.events.meetings.SeriesStarted;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * A crafted history of one series sent through Kafka on both topics: the figures come out exact,
 * and the same whether the events arrive in order, agenda first, shuffled or each twice.
 */
@QuarkusTest
class FiguresThroughKafkaTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final LocalDate AS_OF = LocalDate.of(2026, 1, 21);

    /** The history: ids fresh per call, times fixed. Meetings events first, agenda events after. */
    private record History(UUID series, List<EventEnvelope> meetings, List<EventEnvelope> agenda) {
        List<EventEnvelope> all() {
            List<EventEnvelope> all = new ArrayList<>(meetings);
            all.addAll(agenda);
            return all;
        }
    }

    private static Instant at(int day, int hour) {
        return LocalDate.of(2026, 1, day).atTime(LocalTime.of(hour, 0)).atZone(BERLIN).toInstant();
    }

    private static History history(String org) throws Exception {
        UUID series = UUID.randomUUID();
        UUID m1 = UUID.randomUUID();
        UUID m2 = UUID.randomUUID();
        UUID m3 = UUID.randomUUID();
        UUID a1 = UUID.randomUUID();
        UUID a2 = UUID.randomUUID();
        List<EventEnvelope> meetings = List.of(
                envelopeAt(org, 1, new SeriesStarted(series, UUID.randomUUID(), UUID.randomUUID(),
                        Relationship.MANAGER_REPORT, Cadence.WEEKLY, 30, "Europe/Berlin", LocalDate.of(2026, 1, 5),
                        null, null), at(2, 10)),
                envelopeAt(org, 2, new MeetingScheduled(series, m1, at(5, 9), 30, true), at(2, 10)),
                envelopeAt(org, 3, new MeetingHeld(series, m1, at(5, 9), 30, MeetingMode.REMOTE), at(5, 10)),
                envelopeAt(org, 4, new MeetingScheduled(series, m2, at(12, 9), 30, false), at(5, 10)),
                envelopeAt(org, 5, new MeetingRescheduled(series, m2, at(12, 9), at(13, 9), ActorRole.LEADER, null,
                        RescheduleReason.CONFLICT), at(9, 10)),
                envelopeAt(org, 6, new MeetingHeld(series, m2, at(13, 9), 15, MeetingMode.IN_PERSON), at(13, 10)),
                envelopeAt(org, 7, new MeetingScheduled(series, m3, at(19, 9), 30, false), at(13, 10)),
                envelopeAt(org, 8, new MeetingCancelled(series, m3, ActorRole.COMPANION, null, CancelReason.ILLNESS),
                        at(16, 10)));
        List<EventEnvelope> agenda = List.of(
                // the companion prepared the first meeting the day before; the second had only the leader's topic
                envelopeAt(org, 1, new TopicAdded(m1, UUID.randomUUID(), TopicKind.CAREER, AuthorRole.COMPANION, false),
                        at(4, 18)),
                envelopeAt(org, 1, new TopicAdded(m2, UUID.randomUUID(), TopicKind.PLANNING, AuthorRole.LEADER, false),
                        at(12, 18)),
                envelopeAt(org, 1, new AgreementMade(a1, series, m1, AuthorRole.LEADER, UUID.randomUUID(),
                        LocalDate.of(2026, 1, 9)), at(5, 9)),
                envelopeAt(org, 2, new AgreementCompleted(a1, series), at(8, 12)),
                envelopeAt(org, 1, new AgreementMade(a2, series, m2, AuthorRole.COMPANION, UUID.randomUUID(),
                        LocalDate.of(2026, 1, 16)), at(13, 9)),
                // completed after its due date
                envelopeAt(org, 2, new AgreementCompleted(a2, series), at(20, 12)));
        return new History(series, meetings, agenda);
    }

    @Test
    void a_crafted_history_gives_the_exact_figures() throws Exception {
        String org = "figures-" + UUID.randomUUID().toString().substring(0, 8);
        History history = history(org);
        publish(history.all().toArray(EventEnvelope[]::new));

        JsonPath f = awaitFigures(org, history.series());
        assertEquals("HEALTHY", f.getString("health"));
        assertEquals(8, f.getInt("gapDays"));
        assertEquals(2, f.getInt("held"));
        assertEquals(1, f.getInt("cancelled"));
        assertEquals(3, f.getInt("scheduled"));
        assertEquals(1, f.getInt("rescheduledAtLeastOnce"));
        assertEquals(1.0 / 3, f.getDouble("cancellationRate"), 1e-6);
        assertEquals(1.0 / 3, f.getDouble("rescheduleRate"), 1e-6);
        assertEquals(0.5, f.getDouble("preparationRate"), 1e-9);
        assertEquals(2.43, f.getDouble("expectedInWindow"), 1e-6, "17 days of a weekly series");
        assertEquals(2 / (17 / 7.0), f.getDouble("adherence"), 1e-6);
        assertEquals(2, f.getInt("followThrough.due"));
        assertEquals(1, f.getInt("followThrough.completedOnTime"));
        assertEquals(0.5, f.getDouble("followThrough.rate"), 1e-9);
        assertEquals(1.0, f.getDouble("followThrough.leaderRate"), 1e-9);
        assertEquals(0.0, f.getDouble("followThrough.companionRate"), 1e-9);
        assertEquals(0, f.getInt("followThrough.openOverdue"));
        assertEquals(5.0, f.getDouble("followThrough.medianDaysToComplete"), 1e-9);
        assertEquals(1, f.getInt("shortMeetingStreak"));
        assertEquals(List.of(), f.getList("recommendations"));

        // as of the day before the reschedule was decided, the second meeting had not moved yet
        JsonPath before = figures(org, history.series(), "2026-01-08");
        assertEquals(0, before.getInt("rescheduledAtLeastOnce"));
        assertEquals(0, before.getInt("followThrough.due"), "the first agreement is due on the 9th");
    }

    @Test
    void the_same_events_twice_and_in_other_interleavings_give_the_same_figures() throws Exception {
        String inOrder = "order-" + UUID.randomUUID().toString().substring(0, 8);
        History first = history(inOrder);
        publish(first.all().toArray(EventEnvelope[]::new));

        // agenda first (topics and agreements before the meetings and even the series they belong to), all twice
        String agendaFirst = "agenda-first-" + UUID.randomUUID().toString().substring(0, 8);
        History second = history(agendaFirst);
        List<EventEnvelope> twice = new ArrayList<>(second.agenda());
        twice.addAll(second.agenda());
        twice.addAll(second.meetings());
        twice.addAll(second.meetings());
        publish(twice.toArray(EventEnvelope[]::new));

        // shuffled across both topics, each delivered twice
        String shuffled = "shuffled-" + UUID.randomUUID().toString().substring(0, 8);
        History third = history(shuffled);
        List<EventEnvelope> mixed = new ArrayList<>(third.all());
        mixed.addAll(third.all());
        Collections.shuffle(mixed, new Random(6));
        publish(mixed.toArray(EventEnvelope[]::new));

        Map<String, Object> expected = withoutIds(awaitFigures(inOrder, first.series()));
        assertEquals(expected, withoutIds(awaitFigures(agendaFirst, second.series())));
        assertEquals(expected, withoutIds(awaitFigures(shuffled, third.series())));
        for (String day : List.of("2026-01-06", "2026-01-10", "2026-01-14", "2026-01-17")) {
            assertEquals(withoutIds(figures(inOrder, first.series(), day)), withoutIds(figures(shuffled, third.series(), day)),
                    "as of " + day);
        }
    }

    private static JsonPath figures(String org, UUID series, String asOf) {
        io.restassured.response.Response r = given().auth().oauth2(integrationToken(org)).queryParam("asOf", asOf)
                .get("/series/{id}", series);
        assertEquals(200, r.statusCode(), r::asString);
        return figuresOf(r);
    }

    /** Waits until every event of the history is in: both agreements due, the cancel, the companion's topic. */
    private static JsonPath awaitFigures(String org, UUID series) {
        return figuresOf(Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                .until(() -> given().auth().oauth2(integrationToken(org)).queryParam("asOf", AS_OF.toString())
                        .get("/series/{id}", series),
                        r -> r.statusCode() == 200 && Integer.valueOf(2).equals(r.path("figures.followThrough.due"))
                                && Integer.valueOf(1).equals(r.path("figures.followThrough.completedOnTime"))
                                && Integer.valueOf(1).equals(r.path("figures.cancelled"))
                                && Integer.valueOf(1).equals(r.path("figures.rescheduledAtLeastOnce"))
                                && Integer.valueOf(2).equals(r.path("figures.held"))
                                && r.path("figures.preparationRate") != null));
    }

    private static JsonPath figuresOf(io.restassured.response.Response r) {
        return new JsonPath(toJson(r.jsonPath().getMap("figures")));
    }

    private static String toJson(Object value) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> withoutIds(JsonPath figures) {
        Map<String, Object> map = new java.util.TreeMap<>(figures.getMap("$"));
        map.remove("seriesId");
        map.remove("leaderId");
        map.remove("companionId");
        return map;
    }
}
