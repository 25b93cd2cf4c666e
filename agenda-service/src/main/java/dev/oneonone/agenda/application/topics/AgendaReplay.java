package dev.oneonone.agenda.application.topics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import dev.oneonone.agenda.domain.Agenda;
import dev.oneonone.events.agenda.AgendaEvent;
import dev.oneonone.events.agenda.TopicCarriedOver;
import dev.oneonone.kit.eventstore.EventJson;
import dev.oneonone.kit.eventstore.EventStore;
import dev.oneonone.kit.eventstore.StoredEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Rebuilds a meeting's {@link Agenda} from the event store: its own stream, and the carry-overs that
 * took topics away from it to later meetings, in the order they were stored.
 */
@ApplicationScoped
public class AgendaReplay {
    private final EventStore store;
    private final EventJson json;

    public AgendaReplay(EventStore store, EventJson json) {
        this.store = store;
        this.json = json;
    }

    public Uni<Agenda> agenda(String organisationId, UUID meetingId) {
        return store.load(organisationId, meetingId)
                .chain(own -> carriedAwayFrom(organisationId, meetingId).map(away -> {
                    List<StoredEvent> history = new ArrayList<>(own);
                    history.addAll(away);
                    history.sort(Comparator.comparing(event -> event.position));
                    return Agenda.replay(meetingId, history.stream().map(this::read).toList());
                }));
    }

    /** A stored agenda or agreement event's payload. */
    public AgendaEvent read(StoredEvent stored) {
        return json.read(stored, AgendaEvent::classOf);
    }

    /**
     * The events that carried topics away from the meeting {@code meetingId} to other agendas, oldest first
     * (a TopicCarriedOver is stored on the agenda it arrives on and names the one it left as
     * {@code fromMeetingId}; migration V3 indexes that field).
     */
    private Uni<List<StoredEvent>> carriedAwayFrom(String organisationId, UUID meetingId) {
        return store.withPayloadField(organisationId, AgendaEvent.typeOf(TopicCarriedOver.class), "fromMeetingId",
                meetingId.toString());
    }
}
