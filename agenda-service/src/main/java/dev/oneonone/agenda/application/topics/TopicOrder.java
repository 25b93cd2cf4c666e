package dev.oneonone.agenda.application.topics;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.oneonone.agenda.domain.ReorderTopics;
import dev.oneonone.agenda.projection.Topic;
import dev.oneonone.kit.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The order participants give their agenda's topics: records TopicsReordered and numbers the topics'
 * {@code position} 1..n in that order, in the caller's transaction. The agenda is then run by position
 * within each of its sections.
 */
@ApplicationScoped
public class TopicOrder {
    private final Agendas agendas;
    private final AgendaStreams streams;
    private final Clock clock;

    public TopicOrder(Agendas agendas, AgendaStreams streams, Clock clock) {
        this.agendas = agendas;
        this.streams = streams;
        this.clock = clock;
    }

    /** Puts the topics in the order given; answers the agenda's new version. */
    public Uni<Long> reorder(Caller caller, UUID meetingId, List<UUID> topicIds, Long ifMatch) {
        return agendas.access(caller, meetingId).chain(access -> {
            String organisationId = access.meeting().organisationId;
            Instant now = clock.instant();
            return streams.agenda(organisationId, meetingId)
                    .chain(agenda -> {
                        AgendaStreams.checkIfMatch(meetingId, ifMatch, agenda.version());
                        return streams.record(organisationId, meetingId, agenda.version(),
                                agenda.reorderTopics(new ReorderTopics(topicIds, access.roleOf(caller.personId()),
                                        access.meeting().status, access.meeting().scheduledFor, now)), now);
                    })
                    .chain(stored -> number(topicIds, 0).replaceWith(stored.get(stored.size() - 1).version));
        });
    }

    private static Uni<Void> number(List<UUID> topicIds, int from) {
        if (from == topicIds.size()) {
            return Uni.createFrom().voidItem();
        }
        return Topic.update("position = ?1 where topicId = ?2", from + 1, topicIds.get(from))
                .chain(() -> number(topicIds, from + 1));
    }
}
