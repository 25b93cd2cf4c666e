package dev.oneonone.kit.eventstore;

import java.util.List;

/**
 * A stream as loaded from its latest usable snapshot: the state there (null when there is none, and then
 * {@code events} is the whole stream), the version it was taken at (0 without one), and the events after it,
 * oldest first.
 */
public record StreamTail<S>(S snapshot, long snapshotVersion, List<StoredEvent> events) {

    /** True when the stream has neither a snapshot nor events: it does not exist in this organisation. */
    public boolean isEmpty() {
        return snapshot == null && events.isEmpty();
    }

    /** The stream's version: that of its last event, or of the snapshot when no event follows it. */
    public long version() {
        return events.isEmpty() ? snapshotVersion : events.get(events.size() - 1).version;
    }
}
