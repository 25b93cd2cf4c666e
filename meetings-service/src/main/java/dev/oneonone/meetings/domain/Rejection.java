package dev.oneonone.meetings.domain;

/**
 * Why the aggregate refused a command, as a value the API turns into a problem detail.
 *
 * @param reason a stable, machine-readable code such as {@code meeting-in-the-past}
 * @param field  the input field at fault, or null when the command as a whole is refused
 */
public record Rejection(String reason, String detail, String field) {

    public static Rejection of(String reason, String detail) {
        return new Rejection(reason, detail, null);
    }

    public static Rejection ofField(String field, String reason, String detail) {
        return new Rejection(reason, detail, field);
    }
}
