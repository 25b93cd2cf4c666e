package dev.oneonone.agenda.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.oneonone.events.agenda.AgendaEvent;
import dev.oneonone.events.agenda.AuthorRole;
import dev.oneonone.events.agenda.TopicAdded;
import dev.oneonone.events.agenda.TopicDiscussed;
import dev.oneonone.events.agenda.TopicKind;

/** Given past events, when a command arrives, then these events (or this rejection). */
class AgendaTest {
    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
    private static final Instant STARTS = Instant.parse("2026-11-24T09:00:00Z");
    private static final UUID MEETING = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final UUID TOPIC = UUID.fromString("00000000-0000-0000-0000-0000000000d1");
    private static final TopicAdded ADDED = new TopicAdded(MEETING, TOPIC, TopicKind.CAREER, AuthorRole.COMPANION, true);

    @Test
    void a_topic_is_added_to_a_scheduled_meeting_before_it_starts() {
        Decision decision = given().addTopic(add(TOPIC, "SCHEDULED", STARTS, NOW));

        assertEquals(Decision.accept(ADDED), decision);
    }

    @Test
    void a_topic_is_refused_on_a_cancelled_held_or_missed_meeting() {
        for (String status : List.of("CANCELLED", "HELD", "MISSED")) {
            assertRejected(given().addTopic(add(TOPIC, status, STARTS, NOW)), Rejection.MEETING_NOT_OPEN);
        }
    }

    @Test
    void a_topic_is_refused_once_the_meeting_has_started() {
        assertRejected(given().addTopic(add(TOPIC, "SCHEDULED", STARTS, STARTS)), Rejection.MEETING_NOT_OPEN);
        assertRejected(given().addTopic(add(TOPIC, "SCHEDULED", STARTS, STARTS.plusSeconds(60))),
                Rejection.MEETING_NOT_OPEN);
    }

    @Test
    void a_topic_on_the_agenda_is_marked_discussed() {
        Decision decision = given(ADDED).markDiscussed(TOPIC);

        assertEquals(Decision.accept(new TopicDiscussed(MEETING, TOPIC)), decision);
    }

    @Test
    void an_unknown_topic_cannot_be_discussed() {
        assertRejected(given(ADDED).markDiscussed(UUID.randomUUID()), Rejection.TOPIC_NOT_FOUND);
    }

    @Test
    void a_topic_is_discussed_only_once() {
        assertRejected(given(ADDED, new TopicDiscussed(MEETING, TOPIC)).markDiscussed(TOPIC),
                Rejection.TOPIC_ALREADY_DISCUSSED);
    }

    @Test
    void the_version_counts_the_events_of_the_agenda() {
        assertEquals(0, given().version());
        assertEquals(2, given(ADDED, new TopicDiscussed(MEETING, TOPIC)).version());
    }

    private static Agenda given(AgendaEvent... history) {
        return Agenda.replay(MEETING, List.of(history));
    }

    private static AddTopic add(UUID topic, String status, Instant startsAt, Instant now) {
        return new AddTopic(topic, TopicKind.CAREER, AuthorRole.COMPANION, true, status, startsAt, now);
    }

    private static void assertRejected(Decision decision, String reason) {
        assertEquals(reason, assertInstanceOf(Decision.Rejected.class, decision).rejection().reason());
    }
}
