package dev.oneonone.meetings.application.people;

import dev.oneonone.kit.eventstore.ConcurrentAppendException;

/** A person's entry changed since the caller read it (or the id is taken); nothing was stored. */
public class PersonVersionConflictException extends ConcurrentAppendException {
    public PersonVersionConflictException(ConcurrentAppendException clash) {
        super(clash.streamId(), clash.expectedVersion(), clash);
    }
}
