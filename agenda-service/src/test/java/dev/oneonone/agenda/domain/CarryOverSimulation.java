package dev.oneonone.agenda.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.oneonone.agenda.domain.Agenda.AgendaTopic;
import dev.oneonone.agenda.domain.CarryOver.Outcome;
import dev.oneonone.agenda.domain.CarryOver.SeriesMeeting;
import dev.oneonone.events.agenda.AgendaEvent;
import dev.oneonone.events.agenda.AuthorRole;
import dev.oneonone.events.agenda.MeetingAgendaEvent;
import dev.oneonone.events.agenda.TopicAdded;
import dev.oneonone.events.agenda.TopicCarriedOver;
import dev.oneonone.events.agenda.TopicKind;

/**
 * One series' meetings and agendas in memory, moved on by the domain's carry-over rule in the same steps as
 * {@code application/carryover/CarryOverProcess} takes them (waiting topics first, then those of the meeting that
 * ended, which is closed; to the next meeting, else wait). The fast tests drive it directly; the test through Kafka
 * uses it as the oracle of where each topic must end up.
 */
public final class CarryOverSimulation {
    public final UUID series = UUID.randomUUID();
    private Instant now;
    private final Map<UUID, SeriesMeeting> meetings = new LinkedHashMap<>();
    /** every agenda's events, in the order stored (a carry is stored on the agenda it arrives on) */
    private final List<MeetingAgendaEvent> events = new ArrayList<>();
    /** topic to the meeting it left, in the order they began to wait */
    private final Map<UUID, UUID> waiting = new LinkedHashMap<>();
    private final Set<UUID> topics = new LinkedHashSet<>();

    public CarryOverSimulation(Instant now) {
        this.now = now;
    }

    public Instant now() {
        return now;
    }

    public void advanceTo(Instant later) {
        if (later.isBefore(now)) {
            throw new IllegalArgumentException("Time does not go back");
        }
        now = later;
    }

    public List<SeriesMeeting> meetings() {
        return List.copyOf(meetings.values());
    }

    public SeriesMeeting meeting(UUID meetingId) {
        return meetings.get(meetingId);
    }

    public Set<UUID> topics() {
        return Set.copyOf(topics);
    }

    public Map<UUID, UUID> waiting() {
        return Map.copyOf(waiting);
    }

    public void schedule(UUID meetingId, Instant startsAt) {
        meetings.put(meetingId, new SeriesMeeting(meetingId, startsAt, MeetingStatus.SCHEDULED));
        changed(null, null);
    }

    public void move(UUID meetingId, Instant to) {
        SeriesMeeting meeting = meetings.get(meetingId);
        meetings.put(meetingId, new SeriesMeeting(meetingId, to, meeting.status()));
        changed(null, null);
    }

    public void end(UUID meetingId, Outcome outcome) {
        SeriesMeeting meeting = meetings.get(meetingId);
        MeetingStatus status = switch (outcome) {
            case HELD -> MeetingStatus.HELD;
            case CANCELLED -> MeetingStatus.CANCELLED;
            case MISSED -> MeetingStatus.MISSED;
        };
        meetings.put(meetingId, new SeriesMeeting(meetingId, meeting.startsAt(), status));
        changed(meetingId, outcome);
    }

    /** A participant adds a topic (the caller checks the meeting is open, as the REST layer does). */
    public void addTopic(UUID meetingId, UUID topicId, AuthorRole role) {
        Agenda agenda = agenda(meetingId);
        Decision decision = agenda.addTopic(new AddTopic(topicId, TopicKind.PLANNING, role, false,
                MeetingStatus.SCHEDULED.name(), meetings.get(meetingId).startsAt(), now));
        record(decision);
        topics.add(topicId);
    }

    /**
     * A participant marks a topic discussed, also one waiting on the meeting it left (its waiting entry stays: the
     * rule itself must leave it there).
     */
    public void discuss(UUID meetingId, UUID topicId) {
        record(agenda(meetingId).markDiscussed(topicId));
    }

    /** The agenda as {@code AgendaReplay} rebuilds it: its own events and the carries that took topics away. */
    public Agenda agenda(UUID meetingId) {
        return Agenda.replay(meetingId, events.stream().filter(event -> meetingId.equals(event.meetingId())
                || event instanceof TopicCarriedOver carried && meetingId.equals(carried.fromMeetingId())).toList());
    }

    /** Every topic on every agenda, with the meeting it is on (a topic on two agendas is listed twice). */
    public List<Map.Entry<UUID, AgendaTopic>> placements() {
        List<Map.Entry<UUID, AgendaTopic>> all = new ArrayList<>();
        for (UUID meetingId : meetings.keySet()) {
            agenda(meetingId).topics().forEach(topic -> all.add(Map.entry(meetingId, topic)));
        }
        return all;
    }

    /** The last carry that moved the topic, if any. */
    public Optional<TopicCarriedOver> lastCarry(UUID topicId) {
        TopicCarriedOver last = null;
        for (AgendaEvent event : events) {
            if (event instanceof TopicCarriedOver carried && carried.topicId().equals(topicId)) {
                last = carried;
            }
        }
        return Optional.ofNullable(last);
    }

    private void changed(UUID endedId, Outcome outcome) {
        Optional<SeriesMeeting> next = CarryOver.nextMeeting(meetings.values(), now);
        if (next.isPresent()) {
            Map<UUID, Set<UUID>> bySource = new LinkedHashMap<>();
            waiting.forEach((topic, from) -> bySource.computeIfAbsent(from, f -> new LinkedHashSet<>()).add(topic));
            bySource.forEach((from, ids) -> carry(agenda(from), CarryOver.waitingToGo(agenda(from), ids),
                    next.get().meetingId()));
            waiting.clear();
        }
        if (endedId == null) {
            return;
        }
        Agenda source = agenda(endedId);
        List<AgendaTopic> leaving = CarryOver.leaving(source, outcome);
        record(source.close(series, outcome));
        if (next.isPresent()) {
            carry(source, leaving, next.get().meetingId());
        } else {
            leaving.forEach(topic -> waiting.putIfAbsent(topic.topicId(), endedId));
        }
    }

    private void carry(Agenda source, List<AgendaTopic> leaving, UUID destinationId) {
        record(agenda(destinationId).receiveCarried(source.meetingId(), series, leaving,
                meetings.get(destinationId).status().name()));
    }

    private void record(Decision decision) {
        if (decision instanceof Decision.Rejected rejected) {
            throw new IllegalStateException("Refused: " + rejected.rejection());
        }
        ((Decision.Accepted) decision).events().forEach(event -> events.add((MeetingAgendaEvent) event));
    }

    /** Orders meetings as the rule reads them: by start, then id. */
    public static final Comparator<SeriesMeeting> BY_START = Comparator.comparing(SeriesMeeting::startsAt)
            .thenComparing(SeriesMeeting::meetingId);
}
