package dev.oneonone.agenda.domain;

/**
 * Why the agenda refused a command, as a value the API turns into a problem detail.
 *
 * @param reason a stable, machine-readable code such as {@code meeting-not-open}
 */
public record Rejection(String reason, String detail) {
    public static final String MEETING_NOT_OPEN = "meeting-not-open";
    public static final String TOPIC_NOT_FOUND = "topic-not-found";
    public static final String TOPIC_ALREADY_DISCUSSED = "topic-already-discussed";
    /** The content was deleted when its retention period ran out: it is not written again. */
    public static final String CONTENT_DELETED = "content-deleted";

    public static Rejection of(String reason, String detail) {
        return new Rejection(reason, detail);
    }
}
