package dev.oneonone.agenda.application.topics;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.oneonone.agenda.domain.AddTopic;
import dev.oneonone.agenda.domain.Agenda;
import dev.oneonone.agenda.domain.Decision;
import dev.oneonone.agenda.projection.KnownMeeting;
import dev.oneonone.agenda.projection.KnownSeries;
import dev.oneonone.agenda.projection.Topic;
import dev.oneonone.agenda.projection.WaitingTopic;
import dev.oneonone.events.agenda.AuthorRole;
import dev.oneonone.events.agenda.TopicKind;
import dev.oneonone.kit.eventstore.StoredEvent;
import dev.oneonone.kit.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import dev.oneonone.kit.problem.NotFoundException;

/**
 * The agendas of meetings as their participants work on them: commands go through the {@link Agenda}
 * aggregate, its events into the event store, and the topic's text into the read model, in one
 * transaction (the caller's).
 */
@ApplicationScoped
public class Agendas {
    private final AgendaStreams streams;
    private final Clock clock;

    public Agendas(AgendaStreams streams, Clock clock) {
        this.streams = streams;
        this.clock = clock;
    }

    /** A meeting the caller takes part in, with its series. */
    public record Access(KnownMeeting meeting, KnownSeries series) {
        public AuthorRole roleOf(UUID person) {
            return person.equals(series.companionId) ? AuthorRole.COMPANION : AuthorRole.LEADER;
        }
    }

    /** What a topic needs besides its id: text for the read model, kind and flag for the event. */
    public record NewTopic(String title, String details, TopicKind kind, boolean askOtherSideToPrepare) {
    }

    /** The meeting and its series when the caller is one of its two people; else 404, as for a meeting that does not exist. */
    public Uni<Access> access(Caller caller, UUID meetingId) {
        return KnownMeeting.<KnownMeeting>find("meetingId = ?1 and organisationId = ?2", meetingId,
                        caller.organisationId())
                .firstResult()
                .onItem().ifNull().failWith(() -> new NotFoundException("No meeting " + meetingId))
                .chain(meeting -> KnownSeries.<KnownSeries>findById(meeting.seriesId)
                        .map(series -> {
                            if (series == null || !caller.takesPartIn(series.leaderId, series.companionId)) {
                                // the same answer as for a meeting that does not exist: no existence leak
                                throw new NotFoundException("No meeting " + meetingId);
                            }
                            return new Access(meeting, series);
                        }));
    }

    public Uni<Topic> addTopic(Caller caller, UUID meetingId, NewTopic topic) {
        return addTopic(caller, meetingId, topic, null);
    }

    /** Adds a topic when the agenda is still at {@code ifMatch} (null: at whatever version it is). */
    public Uni<Topic> addTopic(Caller caller, UUID meetingId, NewTopic topic, Long ifMatch) {
        return access(caller, meetingId).chain(access -> load(access, ifMatch).chain(agenda -> {
            UUID topicId = UUID.randomUUID();
            AuthorRole role = access.roleOf(caller.personId());
            Instant now = clock.instant();
            Decision decision = agenda.addTopic(new AddTopic(topicId, topic.kind(), role,
                    topic.askOtherSideToPrepare(), access.meeting().status, access.meeting().scheduledFor, now));
            return append(access, agenda, decision, now).chain(stored -> {
                Topic row = new Topic();
                row.topicId = topicId;
                row.meetingId = meetingId;
                row.organisationId = access.meeting().organisationId;
                row.authorId = caller.personId();
                row.authorRole = role.name();
                row.kind = topic.kind().name();
                row.title = topic.title();
                row.details = topic.details();
                row.askToPrepare = topic.askOtherSideToPrepare();
                row.position = (int) stored.get(0).version;
                row.discussed = false;
                row.addedAt = now;
                return row.<Topic>persist();
            });
        }));
    }

    public Uni<Topic> markDiscussed(Caller caller, UUID meetingId, UUID topicId) {
        return markDiscussed(caller, meetingId, topicId, null);
    }

    /**
     * Marks a topic discussed when the agenda is still at {@code ifMatch} (null: at whatever version it is); a topic
     * waiting for the series' next meeting waits no more.
     */
    public Uni<Topic> markDiscussed(Caller caller, UUID meetingId, UUID topicId, Long ifMatch) {
        return access(caller, meetingId).chain(access -> load(access, ifMatch).chain(agenda -> {
            Instant now = clock.instant();
            return append(access, agenda, agenda.markDiscussed(topicId), now)
                    .chain(stored -> WaitingTopic.delete("topicId", topicId))
                    .chain(deleted -> Topic.<Topic>findById(topicId))
                    .invoke(row -> row.discussed = true);
        }));
    }

    /** The meeting's topics in run order: the companion's first, then those carried over, then the leader's. */
    public Uni<List<Topic>> topics(UUID meetingId) {
        return runOrder(meetingId).map(RunOrder::topics);
    }

    /** The meeting's topics grouped as the meeting runs them (see {@link RunOrder}). */
    public Uni<RunOrder> runOrder(UUID meetingId) {
        return Topic.<Topic>list("meetingId = ?1 order by " + RunOrder.WITHIN_GROUP, meetingId).map(RunOrder::of);
    }

    private Uni<Agenda> load(Access access) {
        return streams.agenda(access.meeting().organisationId, access.meeting().meetingId);
    }

    /** The agenda, refused as a concurrent change (409) when it is no longer at the caller's If-Match version. */
    private Uni<Agenda> load(Access access, Long ifMatch) {
        return load(access).invoke(agenda -> AgendaStreams.checkIfMatch(agenda.meetingId(), ifMatch, agenda.version()));
    }

    private Uni<List<StoredEvent>> append(Access access, Agenda agenda, Decision decision, Instant now) {
        return streams.record(access.meeting().organisationId, agenda.meetingId(), agenda.version(), decision, now);
    }
}
