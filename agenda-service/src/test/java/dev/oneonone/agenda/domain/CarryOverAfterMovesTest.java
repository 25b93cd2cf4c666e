package dev.oneonone.agenda.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.oneonone.agenda.domain.CarryOver.Outcome;
import dev.oneonone.agenda.domain.CarryOver.SeriesMeeting;
import dev.oneonone.events.agenda.AuthorRole;
import dev.oneonone.events.agenda.TopicCarriedOver;

/**
 * The sequences of issue 14 (item 1) and the choices of the rule where users could expect two answers, on the
 * domain's carry-over rule ({@link CarryOver}) driven the way the consumer drives it ({@link CarryOverSimulation}).
 */
class CarryOverAfterMovesTest {
    private static final Instant DEC_1 = Instant.parse("2026-12-01T08:00:00Z");
    private static final Instant DEC_3 = Instant.parse("2026-12-03T09:00:00Z");
    private static final Instant DEC_10 = Instant.parse("2026-12-10T09:00:00Z");
    private static final Instant DEC_14 = Instant.parse("2026-12-14T09:00:00Z");
    private static final Instant DEC_17 = Instant.parse("2026-12-17T09:00:00Z");
    private static final Instant DEC_18 = Instant.parse("2026-12-18T09:00:00Z");
    private static final Instant DEC_24 = Instant.parse("2026-12-24T09:00:00Z");

    private final UUID a = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private final UUID b = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    private final UUID c = UUID.fromString("00000000-0000-0000-0000-00000000000c");
    private final UUID topic = UUID.fromString("00000000-0000-0000-0000-0000000000d1");

    private List<UUID> topicsOf(CarryOverSimulation series, UUID meeting) {
        return series.agenda(meeting).topics().stream().map(Agenda.AgendaTopic::topicId).toList();
    }

    @Test
    void a_meeting_moved_after_the_next_one_then_cancelled_passes_its_topics_to_the_next_one() {
        CarryOverSimulation series = new CarryOverSimulation(DEC_1);
        series.schedule(a, DEC_10);
        series.schedule(b, DEC_17);
        series.addTopic(a, topic, AuthorRole.COMPANION);

        series.move(a, DEC_18);
        // the topic follows its meeting: A still takes place, later
        assertEquals(List.of(topic), topicsOf(series, a));

        series.end(a, Outcome.CANCELLED);
        assertEquals(List.of(topic), topicsOf(series, b));
        assertEquals(List.of(), topicsOf(series, a));
        TopicCarriedOver carry = series.lastCarry(topic).orElseThrow();
        assertEquals(a, carry.fromMeetingId());
        assertEquals(1, carry.timesCarried());
    }

    @Test
    void topics_of_a_cancelled_meeting_go_to_an_earlier_meeting_that_will_still_take_place() {
        CarryOverSimulation series = new CarryOverSimulation(DEC_1);
        series.schedule(b, DEC_3);
        series.schedule(a, DEC_10);
        series.addTopic(a, topic, AuthorRole.LEADER);

        series.end(a, Outcome.CANCELLED);
        // B, on 3 Dec, is the next meeting that will take place: "next" is counted from now, not from A
        assertEquals(List.of(topic), topicsOf(series, b));

        series.move(b, DEC_14);
        assertEquals(List.of(topic), topicsOf(series, b));
        assertEquals(java.util.Map.of(), series.waiting());
    }

    @Test
    void topics_waiting_while_the_only_meeting_is_past_go_to_it_once_it_is_moved_into_the_future() {
        CarryOverSimulation series = new CarryOverSimulation(DEC_1);
        series.schedule(b, DEC_3);
        series.schedule(a, DEC_10);
        series.addTopic(a, topic, AuthorRole.COMPANION);
        // 5 Dec: B's time has passed without it being recorded held or missed yet; A is cancelled
        series.advanceTo(Instant.parse("2026-12-05T12:00:00Z"));

        series.end(a, Outcome.CANCELLED);
        assertEquals(List.of(topic), topicsOf(series, a), "it waits, still shown where it was");
        assertEquals(java.util.Map.of(topic, a), series.waiting());

        series.move(b, DEC_14);
        assertEquals(List.of(topic), topicsOf(series, b), "B will take place again: it is the next meeting");
        assertEquals(List.of(), topicsOf(series, a));
        assertTrue(series.waiting().isEmpty());
        assertEquals(1, series.lastCarry(topic).orElseThrow().timesCarried());
    }

    @Test
    void a_topic_follows_its_meeting_when_that_meeting_is_moved_after_the_next_one() {
        CarryOverSimulation series = new CarryOverSimulation(DEC_1);
        series.schedule(a, DEC_10);
        series.schedule(b, DEC_17);
        series.addTopic(a, topic, AuthorRole.COMPANION);

        series.move(a, DEC_24);

        assertEquals(List.of(topic), topicsOf(series, a));
        assertEquals(List.of(), topicsOf(series, b));
        assertTrue(series.lastCarry(topic).isEmpty());
    }

    @Test
    void topics_left_by_a_held_meeting_skip_a_meeting_that_has_already_started() {
        CarryOverSimulation series = new CarryOverSimulation(DEC_1);
        series.schedule(a, DEC_3);
        series.schedule(b, DEC_10);
        series.schedule(c, DEC_17);
        series.addTopic(a, topic, AuthorRole.COMPANION);
        series.advanceTo(Instant.parse("2026-12-10T09:10:00Z"));

        series.end(a, Outcome.HELD);

        assertEquals(List.of(topic), topicsOf(series, c), "B is under way: C is the next that will take place");
    }

    @Test
    void the_next_meeting_is_the_earliest_scheduled_one_after_now() {
        List<SeriesMeeting> meetings = List.of(new SeriesMeeting(a, DEC_10, MeetingStatus.CANCELLED),
                new SeriesMeeting(b, DEC_17, MeetingStatus.SCHEDULED), new SeriesMeeting(c, DEC_14, MeetingStatus.SCHEDULED),
                new SeriesMeeting(UUID.randomUUID(), DEC_3, MeetingStatus.SCHEDULED));

        assertEquals(Optional.of(c), CarryOver.nextMeeting(meetings, Instant.parse("2026-12-05T00:00:00Z"))
                .map(SeriesMeeting::meetingId));
        assertEquals(Optional.empty(), CarryOver.nextMeeting(meetings, DEC_17));
    }
}
