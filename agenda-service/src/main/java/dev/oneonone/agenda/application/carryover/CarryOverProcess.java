package dev.oneonone.agenda.application.carryover;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jboss.logging.Logger;

import dev.oneonone.agenda.application.topics.AgendaReplay;
import dev.oneonone.agenda.domain.Agenda;
import dev.oneonone.agenda.domain.Agenda.AgendaTopic;
import dev.oneonone.agenda.domain.CarryOver;
import dev.oneonone.agenda.domain.CarryOver.Outcome;
import dev.oneonone.agenda.domain.CarryOver.SeriesMeeting;
import dev.oneonone.agenda.domain.Decision;
import dev.oneonone.agenda.projection.KnownMeeting;
import dev.oneonone.agenda.projection.Topic;
import dev.oneonone.agenda.projection.WaitingTopic;
import dev.oneonone.events.EventEnvelope;
import dev.oneonone.events.agenda.AgendaEvent;
import dev.oneonone.events.agenda.TopicCarriedOver;
import dev.oneonone.events.meetings.MeetingCancelled;
import dev.oneonone.events.meetings.MeetingHeld;
import dev.oneonone.events.meetings.MeetingMissed;
import dev.oneonone.events.meetings.MeetingRescheduled;
import dev.oneonone.events.meetings.MeetingScheduled;
import dev.oneonone.events.meetings.MeetingsEvent;
import dev.oneonone.kit.eventstore.EventStore;
import dev.oneonone.kit.eventstore.StoredEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import dev.oneonone.agenda.domain.MeetingStatus;

/**
 * Moves topics on as the series' meetings change, reacting to meetings-service's events inside the consumer's
 * transaction, by the rule of {@link CarryOver}: on every change (scheduled, rescheduled, held, cancelled,
 * missed) the topics waiting in the series, then those leaving a meeting that just ended (held: the undiscussed
 * ones; cancelled or missed: all), go to the series' next meeting that will take place as of the event's time;
 * with none they wait ({@link WaitingTopic}). Each carry is a {@link TopicCarriedOver} on the receiving agenda's
 * stream, appended at the version read; the topic keeps its id, text and author. The ended meeting's own stream
 * gets an {@link dev.oneonone.events.agenda.AgendaClosed} at the version its topics were read at, so that a topic
 * added at the same time either leaves with them or is refused.
 */
@ApplicationScoped
public class CarryOverProcess {
    private static final Logger LOG = Logger.getLogger(CarryOverProcess.class);

    private final AgendaReplay replay;
    private final EventStore store;

    public CarryOverProcess(AgendaReplay replay, EventStore store) {
        this.replay = replay;
        this.store = store;
    }

    /** Reacts to one of meetings-service's events, already applied to the copy of meetings. */
    public Uni<Void> apply(EventEnvelope envelope, MeetingsEvent event) {
        String organisation = envelope.organisationId();
        Instant at = envelope.occurredAt();
        // the event's time may be in the past (heldAt, a late record): the next meeting is chosen as of its recording
        Instant asOf = envelope.recordedAt().isAfter(at) ? envelope.recordedAt() : at;
        if (event instanceof MeetingHeld held) {
            return seriesChanged(organisation, held.seriesId(), held.meetingId(), Outcome.HELD, at, asOf);
        }
        if (event instanceof MeetingCancelled cancelled) {
            return seriesChanged(organisation, cancelled.seriesId(), cancelled.meetingId(), Outcome.CANCELLED, at, asOf);
        }
        if (event instanceof MeetingMissed missed) {
            return seriesChanged(organisation, missed.seriesId(), missed.meetingId(), Outcome.MISSED, at, asOf);
        }
        if (event instanceof MeetingScheduled scheduled) {
            return seriesChanged(organisation, scheduled.seriesId(), null, null, at, asOf);
        }
        if (event instanceof MeetingRescheduled rescheduled) {
            return seriesChanged(organisation, rescheduled.seriesId(), null, null, at, asOf);
        }
        return Uni.createFrom().voidItem();
    }

    /**
     * One change of the series' meetings: the waiting topics first (they have waited longest), then those of the
     * meeting that ended ({@code endedId}, null for a schedule or a move), go to the next meeting or wait.
     */
    private Uni<Void> seriesChanged(String organisation, UUID seriesId, UUID endedId, Outcome outcome, Instant at,
            Instant asOf) {
        // next as of when the change was recorded, not when it happened: a meeting recorded held with a backdated
        // heldAt (the event's time) must not send its topics to a meeting that has started since
        return nextMeeting(organisation, seriesId, asOf).chain(next -> endedMeeting(organisation, seriesId, endedId)
                .chain(ended -> {
                    Uni<Void> waiting = next.isEmpty() ? Uni.createFrom().voidItem()
                            : carryWaiting(organisation, seriesId, next.get().meetingId(), at);
                    if (ended == null) {
                        return waiting;
                    }
                    return waiting.chain(() -> replay.agenda(organisation, endedId)).chain(source -> {
                        List<AgendaTopic> leaving = CarryOver.leaving(source, outcome);
                        Uni<Void> closed = close(organisation, seriesId, source, outcome, at);
                        if (leaving.isEmpty()) {
                            return closed;
                        }
                        return closed.chain(() -> next.isEmpty() ? waitForNextMeeting(ended, leaving, at)
                                : carry(organisation, seriesId, source, leaving, next.get().meetingId(), at));
                    });
                }));
    }

    /**
     * The series' next meeting as of {@code asOf} by the rule of {@link CarryOver#nextMeeting}, applied to the only
     * meetings that can be it ({@link KnownMeeting#nextCandidates}): a read that does not grow with the series' history.
     */
    public Uni<Optional<SeriesMeeting>> nextMeeting(String organisation, UUID seriesId, Instant asOf) {
        return KnownMeeting.nextCandidates(organisation, seriesId, asOf)
                .map(candidates -> CarryOver.nextMeeting(candidates.stream()
                        .map(m -> new SeriesMeeting(m.meetingId, m.scheduledFor, MeetingStatus.valueOf(m.status)))
                        .toList(), asOf));
    }

    /** The meeting that ended, by its id; null for none or one that is not of this series and organisation. */
    private static Uni<KnownMeeting> endedMeeting(String organisation, UUID seriesId, UUID endedId) {
        if (endedId == null) {
            return Uni.createFrom().nullItem();
        }
        return KnownMeeting.<KnownMeeting>findById(endedId).map(meeting -> meeting != null
                && seriesId.equals(meeting.seriesId) && organisation.equals(meeting.organisationId) ? meeting : null);
    }

    /**
     * Records on the ended meeting's own stream, at the version its leaving topics were read at, that its agenda is
     * closed: a topic added to it meanwhile makes this append fail (the consumer then runs again and carries that
     * topic too), and a topic added after it is refused by the agenda itself.
     */
    private Uni<Void> close(String organisation, UUID seriesId, Agenda source, Outcome outcome, Instant at) {
        Decision decision = source.close(seriesId, outcome);
        List<AgendaEvent> events = ((Decision.Accepted) decision).events();
        return events.isEmpty() ? Uni.createFrom().voidItem()
                : store.append(organisation, source.meetingId(), source.version(), events, at).replaceWithVoid();
    }

    private static Uni<Void> waitForNextMeeting(KnownMeeting ended, List<AgendaTopic> leaving, Instant at) {
        Set<UUID> ids = leaving.stream().map(AgendaTopic::topicId).collect(Collectors.toSet());
        return WaitingTopic.<WaitingTopic>list("topicId in ?1", ids).chain(already -> {
            Set<UUID> waiting = already.stream().map(w -> w.topicId).collect(Collectors.toSet());
            List<WaitingTopic> rows = new ArrayList<>();
            for (AgendaTopic topic : leaving) {
                if (waiting.contains(topic.topicId())) {
                    continue;
                }
                WaitingTopic row = new WaitingTopic();
                row.topicId = topic.topicId();
                row.seriesId = ended.seriesId;
                row.fromMeetingId = ended.meetingId;
                row.organisationId = ended.organisationId;
                row.waitingSince = at;
                rows.add(row);
            }
            LOG.debugf("%d topics of meeting %s wait for the next meeting of series %s", rows.size(), ended.meetingId,
                    ended.seriesId);
            return WaitingTopic.persist(rows);
        });
    }

    /** The topics waiting in the series go to its next meeting, grouped by the meeting they left. */
    private Uni<Void> carryWaiting(String organisation, UUID seriesId, UUID nextId, Instant at) {
        return WaitingTopic.<WaitingTopic>list("seriesId = ?1 and organisationId = ?2 order by waitingSince, topicId",
                seriesId, organisation).chain(waiting -> {
                    Map<UUID, Set<UUID>> bySource = new LinkedHashMap<>();
                    waiting.forEach(w -> bySource.computeIfAbsent(w.fromMeetingId, m -> new LinkedHashSet<>())
                            .add(w.topicId));
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (Map.Entry<UUID, Set<UUID>> source : bySource.entrySet()) {
                        chain = chain.chain(() -> carryWaitingFrom(organisation, seriesId, source.getKey(),
                                source.getValue(), nextId, at));
                    }
                    return chain;
                });
    }

    private Uni<Void> carryWaitingFrom(String organisation, UUID seriesId, UUID fromMeetingId, Set<UUID> topicIds,
            UUID nextId, Instant at) {
        return replay.agenda(organisation, fromMeetingId).chain(source -> {
            List<AgendaTopic> leaving = CarryOver.waitingToGo(source, topicIds);
            return carry(organisation, seriesId, source, leaving, nextId, at)
                    // topics no longer on the agenda they left (moved already) or discussed there wait no more either
                    .chain(() -> WaitingTopic.delete("topicId in ?1", topicIds).replaceWithVoid());
        });
    }

    private Uni<Void> carry(String organisation, UUID seriesId, Agenda source, List<AgendaTopic> leaving,
            UUID destinationId, Instant at) {
        return replay.agenda(organisation, destinationId).chain(destination -> {
            Decision decision = destination.receiveCarried(source.meetingId(), seriesId, leaving, MeetingStatus.SCHEDULED.name());
            if (!(decision instanceof Decision.Accepted accepted) || accepted.events().isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            List<AgendaEvent> events = accepted.events();
            return store.append(organisation, destinationId, destination.version(), events, at)
                    .chain(stored -> moveTopics(stored, events))
                    .chain(() -> WaitingTopic.delete("topicId in ?1",
                            leaving.stream().map(AgendaTopic::topicId).toList()).replaceWithVoid())
                    .invoke(() -> LOG.debugf("%d topics carried over from meeting %s to %s", events.size(),
                            source.meetingId(), destinationId));
        });
    }

    /** The read model follows: each topic now belongs to the meeting it was carried to, at the end of its agenda. */
    private static Uni<Void> moveTopics(List<StoredEvent> stored, List<AgendaEvent> events) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (int i = 0; i < events.size(); i++) {
            TopicCarriedOver carried = (TopicCarriedOver) events.get(i);
            int position = (int) stored.get(i).version;
            chain = chain.chain(() -> Topic.update("meetingId = ?1, timesCarried = ?2, carriedFromMeetingId = ?3, "
                            + "position = ?4, discussed = false where topicId = ?5", carried.meetingId(),
                    carried.timesCarried(), carried.fromMeetingId(), position, carried.topicId()).replaceWithVoid());
        }
        return chain;
    }
}
