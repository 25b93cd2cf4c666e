package dev.oneonone.agenda.topics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import dev.oneonone.agenda.domain.Agenda;
import dev.oneonone.agenda.eventstore.AgendaEventJson;
import dev.oneonone.agenda.eventstore.EventStore;
import dev.oneonone.agenda.eventstore.StoredEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Rebuilds a meeting's {@link Agenda} from the event store: its own stream, and the carry-overs that
 * took topics away from it to later meetings, in the order they were stored.
 */
@ApplicationScoped
public class AgendaReplay {
    private final EventStore store;
    private final AgendaEventJson json;

    public AgendaReplay(EventStore store, AgendaEventJson json) {
        this.store = store;
        this.json = json;
    }

    public Uni<Agenda> agenda(String organisationId, UUID meetingId) {
        return store.load(organisationId, meetingId)
                .chain(own -> store.carriedAwayFrom(organisationId, meetingId).map(away -> {
                    List<StoredEvent> history = new ArrayList<>(own);
                    history.addAll(away);
                    history.sort(Comparator.comparing(event -> event.position));
                    return Agenda.replay(meetingId, history.stream().map(json::read).toList());
                }));
    }
}
