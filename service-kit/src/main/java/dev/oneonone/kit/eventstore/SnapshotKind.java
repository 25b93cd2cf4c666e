package dev.oneonone.kit.eventstore;

/**
 * An aggregate whose state the store keeps as snapshots: its name, the record its state is written as, and the
 * version of that record's shape. Raise {@code schemaVersion} whenever the record or the fold changes: older
 * snapshots are then ignored (the stream is folded from its first event) and replaced at the next snapshot.
 */
public record SnapshotKind<S>(String name, Class<S> stateType, int schemaVersion) {
}
