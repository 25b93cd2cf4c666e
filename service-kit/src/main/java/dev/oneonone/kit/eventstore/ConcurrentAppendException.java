package dev.oneonone.kit.eventstore;

import java.util.UUID;

/** Another writer appended to the stream since the caller read it; nothing was stored. */
public class ConcurrentAppendException extends RuntimeException {
    private final UUID streamId;
    private final long expectedVersion;

    public ConcurrentAppendException(UUID streamId, long expectedVersion, Throwable cause) {
        super("Stream " + streamId + " is no longer at version " + expectedVersion, cause);
        this.streamId = streamId;
        this.expectedVersion = expectedVersion;
    }

    public UUID streamId() {
        return streamId;
    }

    public long expectedVersion() {
        return expectedVersion;
    }
}
