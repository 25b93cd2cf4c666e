package dev.oneonone.agenda.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.oneonone.agenda.domain.Agenda.AgendaTopic;
import dev.oneonone.agenda.domain.CarryOver.SeriesMeeting;
import dev.oneonone.agenda.domain.CarryOverSteps.Step;
import dev.oneonone.events.agenda.AuthorRole;
import dev.oneonone.events.agenda.TopicCarriedOver;
import dev.oneonone.events.agenda.TopicKind;
import dev.oneonone.kit.property.StepSequences;

/**
 * Property test of the carry-over rule over random sequences of schedule, move, cancel, hold, missed, add-topic and
 * time passing on one series, run by the kit's {@link StepSequences}: each step is drawn from its own seed against the
 * state the steps before it left (only what meetings-service and the API accept), and a failing sequence is shrunk to
 * the fewest steps that still fail, reported with the seeds that replay it. After every step: every topic is on exactly one agenda (none lost, none on two); a topic that moved
 * landed on the series' next meeting that will take place, counted one more carry and names the meeting it left;
 * a topic on a meeting that is still scheduled did not move (it follows its meeting); and when the series has a
 * next meeting that will take place no undiscussed topic is left on a meeting that ended, else exactly those
 * wait; a topic discussed (at a held meeting, or while it waits) never moves; an ended meeting's agenda refuses
 * topics.
 */
class CarryOverPropertyTest {
    private static final int SEQUENCES = 300;
    private static final int STEPS = 80;

    @Test
    void undiscussed_topics_end_up_once_on_the_next_meeting_that_will_take_place() {
        Set<String> kinds = new TreeSet<>();
        StepSequences.check(SEQUENCES, STEPS, (setupSeed, stepSeeds) -> sequence(stepSeeds, kinds));
        assertEquals(Set.of("AddTopic", "Cancel", "DiscussWaiting", "Hold", "Miss", "Move", "Schedule", "Wait"), kinds,
                "every kind of step taken");
    }

    private static void sequence(long[] stepSeeds, Set<String> kinds) {
        CarryOverSimulation series = new CarryOverSimulation(Instant.parse("2026-12-01T08:00:00Z"));
        Map<UUID, Integer> carries = new HashMap<>();
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < stepSeeds.length; i++) {
            Step step = CarryOverSteps.next(new Random(stepSeeds[i]), series);
            steps.add(step);
            kinds.add(step.getClass().getSimpleName());
            Map<UUID, UUID> before = where(series, "before step " + i);
            Set<UUID> discussed = series.placements().stream().map(Map.Entry::getValue)
                    .filter(AgendaTopic::discussed).map(AgendaTopic::topicId).collect(Collectors.toSet());
            CarryOverSteps.apply(step, series, UUID.randomUUID());
            String at = "step " + i + " of " + steps;
            check(series, before, carries, at);
            for (UUID topic : discussed) {
                assertEquals(before.get(topic), where(series, at).get(topic), at + ": a discussed topic does not move");
            }
            closedAgendasRefuseTopics(series, at);
        }
    }

    /** Where each topic is; fails when one is on two agendas. */
    private static Map<UUID, UUID> where(CarryOverSimulation series, String at) {
        return placed(series, at).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().getKey()));
    }

    /** Each topic with the meeting it is on and how it stands there. */
    private static Map<UUID, Map.Entry<UUID, AgendaTopic>> placed(CarryOverSimulation series, String at) {
        Map<UUID, Map.Entry<UUID, AgendaTopic>> where = new HashMap<>();
        for (Map.Entry<UUID, AgendaTopic> placement : series.placements()) {
            Map.Entry<UUID, AgendaTopic> previous = where.put(placement.getValue().topicId(), placement);
            if (previous != null) {
                fail(at + ": topic " + placement.getValue().topicId() + " is on two agendas");
            }
        }
        return where;
    }

    private static void check(CarryOverSimulation series, Map<UUID, UUID> before, Map<UUID, Integer> carries, String at) {
        Map<UUID, Map.Entry<UUID, AgendaTopic>> placed = placed(series, at);
        Map<UUID, UUID> after = where(series, at);
        assertEquals(series.topics(), after.keySet(), at + ": every topic ever added is on an agenda");
        Optional<SeriesMeeting> next = nextThatWillTakePlace(series.meetings(), series.now());
        for (Map.Entry<UUID, UUID> placement : after.entrySet()) {
            UUID topic = placement.getKey();
            UUID meeting = placement.getValue();
            UUID was = before.get(topic);
            if (was != null && !was.equals(meeting)) {
                assertEquals(next.map(SeriesMeeting::meetingId), Optional.of(meeting),
                        at + ": a topic that moves goes to the next meeting that will take place");
                assertTrue(series.meeting(was).status() != MeetingStatus.SCHEDULED,
                        at + ": a topic leaves only a meeting that will not take place or took place");
                carries.merge(topic, 1, Integer::sum);
                TopicCarriedOver carry = series.lastCarry(topic).orElseThrow();
                assertEquals(was, carry.fromMeetingId(), at + ": carriedFromMeetingId is the meeting it left");
            }
            AgendaTopic onAgenda = placed.get(topic).getValue();
            assertEquals(carries.getOrDefault(topic, 0), onAgenda.timesCarried(), at + ": timesCarried counts every carry");
            MeetingStatus status = series.meeting(meeting).status();
            boolean stranded = status != MeetingStatus.SCHEDULED && !onAgenda.discussed();
            if (next.isPresent()) {
                assertTrue(!stranded, at + ": topic " + topic + " is left on a " + status + " meeting while "
                        + next.get().meetingId() + " will take place");
            } else if (!onAgenda.discussed()) {
                assertEquals(stranded, series.waiting().containsKey(topic), at + ": exactly the stranded topics wait");
            }
        }
        if (next.isPresent()) {
            assertEquals(Map.of(), series.waiting(), at + ": nothing waits while a meeting will take place");
        }
    }

    /** An ended meeting's agenda refuses a topic by itself, even to a caller whose copy still says scheduled. */
    private static void closedAgendasRefuseTopics(CarryOverSimulation series, String at) {
        for (SeriesMeeting meeting : series.meetings()) {
            if (meeting.status() == MeetingStatus.SCHEDULED) {
                continue;
            }
            Decision added = series.agenda(meeting.meetingId()).addTopic(new AddTopic(UUID.randomUUID(),
                    TopicKind.PLANNING, AuthorRole.LEADER, false, MeetingStatus.SCHEDULED.name(),
                    series.now().plus(Duration.ofDays(365)), series.now()));
            assertTrue(added instanceof Decision.Rejected rejected
                    && Rejection.MEETING_NOT_OPEN.equals(rejected.rejection().reason()),
                    at + ": the agenda of " + meeting.status() + " meeting " + meeting.meetingId() + " takes a topic");
        }
    }

    /** The specification of "next", written out apart from the code under test. */
    private static Optional<SeriesMeeting> nextThatWillTakePlace(List<SeriesMeeting> meetings, Instant now) {
        SeriesMeeting next = null;
        for (SeriesMeeting meeting : meetings) {
            if (meeting.status() == MeetingStatus.SCHEDULED && meeting.startsAt().isAfter(now)
                    && (next == null || meeting.startsAt().isBefore(next.startsAt())
                            || meeting.startsAt().equals(next.startsAt()) && meeting.meetingId().compareTo(next.meetingId()) < 0)) {
                next = meeting;
            }
        }
        return Optional.ofNullable(next);
    }
}
