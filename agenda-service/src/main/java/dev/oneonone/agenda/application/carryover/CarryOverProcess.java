package dev.oneonone.agenda.application.carryover;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jboss.logging.Logger;

import dev.oneonone.agenda.application.topics.AgendaReplay;
import dev.oneonone.agenda.domain.Agenda;
import dev.oneonone.agenda.domain.Agenda.AgendaTopic;
import dev.oneonone.agenda.domain.CarryOver;
import dev.oneonone.agenda.domain.CarryOver.Outcome;
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
import dev.oneonone.events.meetings.MeetingScheduled;
import dev.oneonone.events.meetings.MeetingsEvent;
import dev.oneonone.kit.eventstore.EventStore;
import dev.oneonone.kit.eventstore.StoredEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import dev.oneonone.agenda.domain.MeetingStatus;

/**
 * Moves topics on when a meeting ends, reacting to meetings-service's events inside the consumer's
 * transaction: held, its undiscussed topics go to the series' next scheduled meeting; cancelled or
 * missed, all of them. With no next meeting yet they wait, and go to the next meeting scheduled.
 * Each carry is a {@link TopicCarriedOver} on the receiving agenda's stream, appended at the version
 * read; the topic keeps its id, text and author.
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
        if (event instanceof MeetingHeld held) {
            return meetingEnded(organisation, held.meetingId(), Outcome.HELD, envelope.occurredAt());
        }
        if (event instanceof MeetingCancelled cancelled) {
            return meetingEnded(organisation, cancelled.meetingId(), Outcome.CANCELLED, envelope.occurredAt());
        }
        if (event instanceof MeetingMissed missed) {
            return meetingEnded(organisation, missed.meetingId(), Outcome.MISSED, envelope.occurredAt());
        }
        if (event instanceof MeetingScheduled scheduled) {
            return meetingScheduled(organisation, scheduled, envelope.occurredAt());
        }
        return Uni.createFrom().voidItem();
    }

    private Uni<Void> meetingEnded(String organisation, UUID meetingId, Outcome outcome, Instant at) {
        return KnownMeeting.<KnownMeeting>find("meetingId = ?1 and organisationId = ?2", meetingId, organisation)
                .firstResult()
                .chain(ended -> ended == null ? Uni.createFrom().voidItem()
                        : replay.agenda(organisation, meetingId).chain(source -> {
                            List<AgendaTopic> leaving = CarryOver.leaving(source, outcome);
                            if (leaving.isEmpty()) {
                                return Uni.createFrom().voidItem();
                            }
                            return nextMeeting(ended).chain(next -> next == null
                                    ? waitForNextMeeting(ended, leaving, at)
                                    : carry(organisation, ended.seriesId, source, leaving, next.meetingId, at));
                        }));
    }

    /** The earliest scheduled meeting of the series after the one that ended. */
    private static Uni<KnownMeeting> nextMeeting(KnownMeeting ended) {
        return KnownMeeting.<KnownMeeting>find("seriesId = ?1 and status = ?2 and meetingId <> ?3 and scheduledFor > ?4 "
                        + "order by scheduledFor, meetingId", ended.seriesId, MeetingStatus.SCHEDULED.name(), ended.meetingId,
                ended.scheduledFor)
                .firstResult();
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

    /** Topics waiting in the series go to the meeting just scheduled, if it comes after the meeting they left. */
    private Uni<Void> meetingScheduled(String organisation, MeetingScheduled scheduled, Instant at) {
        return WaitingTopic.<WaitingTopic>list("seriesId = ?1 and organisationId = ?2 order by waitingSince, topicId",
                scheduled.seriesId(), organisation).chain(waiting -> {
                    Map<UUID, Set<UUID>> bySource = new LinkedHashMap<>();
                    waiting.forEach(w -> bySource.computeIfAbsent(w.fromMeetingId, m -> new java.util.LinkedHashSet<>())
                            .add(w.topicId));
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (Map.Entry<UUID, Set<UUID>> source : bySource.entrySet()) {
                        chain = chain.chain(() -> carryWaiting(organisation, scheduled, source.getKey(),
                                source.getValue(), at));
                    }
                    return chain;
                });
    }

    private Uni<Void> carryWaiting(String organisation, MeetingScheduled scheduled, UUID fromMeetingId,
            Set<UUID> topicIds, Instant at) {
        return KnownMeeting.<KnownMeeting>findById(fromMeetingId).chain(from -> {
            if (from == null || !from.scheduledFor.isBefore(scheduled.scheduledFor())) {
                return Uni.createFrom().voidItem(); // an earlier meeting (e.g. imported history) is not the next one
            }
            return replay.agenda(organisation, fromMeetingId).chain(source -> {
                List<AgendaTopic> leaving = source.topics().stream()
                        .filter(topic -> topicIds.contains(topic.topicId())).toList();
                return carry(organisation, scheduled.seriesId(), source, leaving, scheduled.meetingId(), at)
                        // topics no longer on the agenda they left (moved already) wait no more either
                        .chain(() -> WaitingTopic.delete("topicId in ?1", topicIds).replaceWithVoid());
            });
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
