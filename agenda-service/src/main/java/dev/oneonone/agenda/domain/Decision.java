package dev.oneonone.agenda.domain;

import java.util.List;

import dev.oneonone.events.agenda.AgendaEvent;

/** What the agenda answers to a command: the new events, or the reason it refused. */
public sealed interface Decision {

    record Accepted(List<AgendaEvent> events) implements Decision {
        public Accepted {
            events = List.copyOf(events);
        }
    }

    record Rejected(Rejection rejection) implements Decision {
    }

    static Decision accept(AgendaEvent... events) {
        return new Accepted(List.of(events));
    }

    static Decision reject(Rejection rejection) {
        return new Rejected(rejection);
    }
}
