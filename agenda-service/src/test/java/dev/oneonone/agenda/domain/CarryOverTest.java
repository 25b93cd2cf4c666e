package dev.oneonone.agenda.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.oneonone.agenda.domain.CarryOver.Outcome;
import dev.oneonone.events.agenda.AgendaClosed;
import dev.oneonone.events.agenda.AgendaEvent;
import dev.oneonone.events.agenda.AuthorRole;
import dev.oneonone.events.agenda.MeetingOutcome;
import dev.oneonone.events.agenda.TopicAdded;
import dev.oneonone.events.agenda.TopicCarriedOver;
import dev.oneonone.events.agenda.TopicDiscussed;
import dev.oneonone.events.agenda.TopicKind;

/** Given the agendas' past events, when a meeting ends, then these TopicCarriedOver events on the next agenda. */
class CarryOverTest {
    private static final UUID SERIES = UUID.fromString("00000000-0000-0000-0000-0000000000a0");
    private static final UUID FIRST = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final UUID SECOND = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    private static final UUID THIRD = UUID.fromString("00000000-0000-0000-0000-00000000000c");
    private static final UUID CAREER = UUID.fromString("00000000-0000-0000-0000-0000000000d1");
    private static final UUID FEEDBACK = UUID.fromString("00000000-0000-0000-0000-0000000000d2");
    private static final UUID PLANNING = UUID.fromString("00000000-0000-0000-0000-0000000000d3");

    private static final List<AgendaEvent> FIRST_AGENDA = List.of(
            new TopicAdded(FIRST, CAREER, TopicKind.CAREER, AuthorRole.COMPANION, true),
            new TopicAdded(FIRST, FEEDBACK, TopicKind.FEEDBACK, AuthorRole.LEADER, false),
            new TopicAdded(FIRST, PLANNING, TopicKind.PLANNING, AuthorRole.COMPANION, false),
            new TopicDiscussed(FIRST, FEEDBACK));

    @Test
    void a_held_meeting_passes_on_its_undiscussed_topics_only() {
        Decision decision = CarryOver.carry(agenda(FIRST, FIRST_AGENDA), Outcome.HELD, SERIES, agenda(SECOND), "SCHEDULED");

        assertEquals(Decision.accept(
                new TopicCarriedOver(SECOND, FIRST, SERIES, CAREER, TopicKind.CAREER, AuthorRole.COMPANION, 1),
                new TopicCarriedOver(SECOND, FIRST, SERIES, PLANNING, TopicKind.PLANNING, AuthorRole.COMPANION, 1)),
                decision);
    }

    @Test
    void a_cancelled_or_missed_meeting_passes_on_every_topic() {
        for (Outcome outcome : List.of(Outcome.CANCELLED, Outcome.MISSED)) {
            Decision decision = CarryOver.carry(agenda(FIRST, FIRST_AGENDA), outcome, SERIES, agenda(SECOND), "SCHEDULED");

            assertEquals(List.of(CAREER, FEEDBACK, PLANNING), carried(decision).stream()
                    .map(TopicCarriedOver::topicId).toList(), outcome.name());
        }
    }

    @Test
    void a_held_meeting_with_every_topic_discussed_passes_on_nothing() {
        List<AgendaEvent> allDiscussed = new ArrayList<>(FIRST_AGENDA);
        allDiscussed.add(new TopicDiscussed(FIRST, CAREER));
        allDiscussed.add(new TopicDiscussed(FIRST, PLANNING));

        assertEquals(List.of(), CarryOver.leaving(agenda(FIRST, allDiscussed), Outcome.HELD));
        assertEquals(Decision.accept(),
                CarryOver.carry(agenda(FIRST, allDiscussed), Outcome.HELD, SERIES, agenda(SECOND), "SCHEDULED"));
    }

    @Test
    void topics_that_waited_for_a_next_meeting_go_to_the_one_scheduled_later() {
        Agenda first = agenda(FIRST, FIRST_AGENDA);
        // held with no next meeting: the leaving topics wait, nothing is recorded yet
        List<Agenda.AgendaTopic> waiting = CarryOver.leaving(first, Outcome.HELD);
        assertEquals(List.of(CAREER, PLANNING), waiting.stream().map(Agenda.AgendaTopic::topicId).toList());

        // the next meeting is scheduled: the waiting topics arrive on its (empty) agenda
        Decision decision = agenda(SECOND).receiveCarried(FIRST, SERIES, waiting, "SCHEDULED");

        assertEquals(List.of(CAREER, PLANNING), carried(decision).stream().map(TopicCarriedOver::topicId).toList());
        assertEquals(List.of(1, 1), carried(decision).stream().map(TopicCarriedOver::timesCarried).toList());
    }

    @Test
    void times_carried_counts_every_carry_of_a_topic() {
        TopicCarriedOver firstCarry = new TopicCarriedOver(SECOND, FIRST, SERIES, CAREER, TopicKind.CAREER,
                AuthorRole.COMPANION, 1);
        Agenda second = agenda(SECOND, List.of(firstCarry,
                new TopicAdded(SECOND, FEEDBACK, TopicKind.FEEDBACK, AuthorRole.LEADER, false)));

        Decision decision = CarryOver.carry(second, Outcome.CANCELLED, SERIES, agenda(THIRD), "SCHEDULED");

        assertEquals(Decision.accept(
                new TopicCarriedOver(THIRD, SECOND, SERIES, CAREER, TopicKind.CAREER, AuthorRole.COMPANION, 2),
                new TopicCarriedOver(THIRD, SECOND, SERIES, FEEDBACK, TopicKind.FEEDBACK, AuthorRole.LEADER, 1)),
                decision);
    }

    @Test
    void a_topic_carried_away_is_gone_from_the_agenda_it_left() {
        List<AgendaEvent> history = new ArrayList<>(FIRST_AGENDA);
        history.add(new TopicCarriedOver(SECOND, FIRST, SERIES, CAREER, TopicKind.CAREER, AuthorRole.COMPANION, 1));
        Agenda first = agenda(FIRST, history);

        // a second ending (missed, then recorded held) moves nothing twice
        assertEquals(List.of(PLANNING), CarryOver.leaving(first, Outcome.HELD).stream()
                .map(Agenda.AgendaTopic::topicId).toList());
        assertEquals(CarryOver.TOPIC_CARRIED_OVER,
                assertInstanceOf(Decision.Rejected.class, first.markDiscussed(CAREER)).rejection().reason());
        // the carry from another agenda does not move this agenda's version
        assertEquals(4, first.version());
    }

    @Test
    void a_carry_retried_on_the_same_agenda_records_nothing_again() {
        TopicCarriedOver carried = new TopicCarriedOver(SECOND, FIRST, SERIES, CAREER, TopicKind.CAREER,
                AuthorRole.COMPANION, 1);
        Agenda first = agenda(FIRST, FIRST_AGENDA);

        Decision decision = CarryOver.carry(first, Outcome.HELD, SERIES, agenda(SECOND, List.of(carried)), "SCHEDULED");

        assertEquals(List.of(PLANNING), carried(decision).stream().map(TopicCarriedOver::topicId).toList());
    }

    @Test
    void a_carried_topic_is_discussed_at_the_meeting_it_arrived_at() {
        Agenda second = agenda(SECOND, List.of(new TopicCarriedOver(SECOND, FIRST, SERIES, CAREER, TopicKind.CAREER,
                AuthorRole.COMPANION, 1)));

        assertEquals(Decision.accept(new TopicDiscussed(SECOND, CAREER)), second.markDiscussed(CAREER));
        assertEquals(1, second.version());
    }

    @Test
    void topics_are_carried_to_a_scheduled_meeting_only() {
        Decision decision = CarryOver.carry(agenda(FIRST, FIRST_AGENDA), Outcome.HELD, SERIES, agenda(SECOND), "CANCELLED");

        assertEquals(Rejection.MEETING_NOT_OPEN, assertInstanceOf(Decision.Rejected.class, decision).rejection().reason());
    }

    @Test
    void a_topic_marked_discussed_while_it_waits_stays_where_it_was_discussed() {
        // held with no next meeting: CAREER and PLANNING wait; then CAREER is marked discussed on the meeting it left
        List<AgendaEvent> history = new ArrayList<>(FIRST_AGENDA);
        history.add(new AgendaClosed(FIRST, SERIES, MeetingOutcome.HELD));
        Agenda first = agenda(FIRST, history);
        assertEquals(Decision.accept(new TopicDiscussed(FIRST, CAREER)), first.markDiscussed(CAREER));
        history.add(new TopicDiscussed(FIRST, CAREER));
        first = agenda(FIRST, history);

        assertEquals(List.of(PLANNING), CarryOver.waitingToGo(first, Set.of(CAREER, PLANNING)).stream()
                .map(Agenda.AgendaTopic::topicId).toList());
    }

    @Test
    void a_topic_discussed_before_its_meeting_was_cancelled_still_goes_with_the_others() {
        List<AgendaEvent> history = new ArrayList<>(FIRST_AGENDA);
        history.add(new AgendaClosed(FIRST, SERIES, MeetingOutcome.CANCELLED));

        assertEquals(List.of(CAREER, FEEDBACK, PLANNING), CarryOver.waitingToGo(agenda(FIRST, history),
                Set.of(CAREER, FEEDBACK, PLANNING)).stream().map(Agenda.AgendaTopic::topicId).toList());
    }

    @Test
    void an_ended_meeting_is_closed_once_and_then_takes_no_topic() {
        Agenda first = agenda(FIRST, FIRST_AGENDA);
        assertEquals(Decision.accept(new AgendaClosed(FIRST, SERIES, MeetingOutcome.CANCELLED)),
                first.close(SERIES, Outcome.CANCELLED));
        List<AgendaEvent> history = new ArrayList<>(FIRST_AGENDA);
        history.add(new AgendaClosed(FIRST, SERIES, MeetingOutcome.CANCELLED));
        Agenda closed = agenda(FIRST, history);

        assertEquals(5, closed.version());
        assertEquals(Decision.accept(), closed.close(SERIES, Outcome.HELD));
        // whatever the caller's copy of the meeting says (it may not have seen the cancel yet)
        Decision added = closed.addTopic(new AddTopic(UUID.randomUUID(), TopicKind.CAREER, AuthorRole.COMPANION,
                false, "SCHEDULED", Instant.parse("2030-01-01T09:00:00Z"), Instant.parse("2026-01-01T09:00:00Z")));
        Rejection refused = assertInstanceOf(Decision.Rejected.class, added).rejection();
        assertEquals(Rejection.MEETING_NOT_OPEN, refused.reason());
        assertEquals("The meeting was cancelled: topics go on the agenda of a scheduled meeting.", refused.detail());
        assertEquals(Rejection.MEETING_NOT_OPEN, assertInstanceOf(Decision.Rejected.class,
                closed.receiveCarried(THIRD, SERIES, List.of(), "SCHEDULED")).rejection().reason());
    }

    private static Agenda agenda(UUID meeting, List<AgendaEvent> history) {
        return Agenda.replay(meeting, history);
    }

    private static Agenda agenda(UUID meeting) {
        return Agenda.replay(meeting, List.of());
    }

    private static List<TopicCarriedOver> carried(Decision decision) {
        return assertInstanceOf(Decision.Accepted.class, decision).events().stream()
                .map(TopicCarriedOver.class::cast).toList();
    }
}
