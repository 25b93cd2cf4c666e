package dev.oneonone.meetings.domain;

import java.util.List;

import dev.oneonone.events.meetings.MeetingsEvent;

/** What an aggregate answers to a command: the new events, or the reason it refused. */
public sealed interface Decision {

    record Accepted(List<MeetingsEvent> events) implements Decision {
        public Accepted {
            events = List.copyOf(events);
        }
    }

    record Rejected(Rejection rejection) implements Decision {
    }

    static Decision accept(MeetingsEvent... events) {
        return new Accepted(List.of(events));
    }

    static Decision reject(Rejection rejection) {
        return new Rejected(rejection);
    }
}
