package dev.oneonone.kit.problem;

/**
 * What a use case throws when the thing asked for does not exist in the caller's organisation, or may
 * not be seen by the caller (the two look the same from outside): answered 404 {@code not-found} with
 * the message as the detail. Lets the use-case layer say "not found" without naming an HTTP type.
 */
public class NotFoundException extends jakarta.ws.rs.NotFoundException {
    public NotFoundException(String detail) {
        super(detail);
    }
}
