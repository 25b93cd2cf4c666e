package dev.oneonone.kit.problem;

/** An Idempotency-Key sent again with a different request: refused, nothing created. */
public class IdempotencyKeyReusedException extends RuntimeException {
    public IdempotencyKeyReusedException() {
        super("This Idempotency-Key was used for a different request; use a new key for a new request.", null,
                false, false);
    }
}
