package dev.oneonone.meetings.application;

import dev.oneonone.meetings.domain.Rejection;

/** Carries an aggregate's rejection out of the transaction to the API. Nothing was stored. */
public class RejectedCommandException extends RuntimeException {
    private final transient Rejection rejection;

    public RejectedCommandException(Rejection rejection) {
        super(rejection.detail(), null, false, false);
        this.rejection = rejection;
    }

    public Rejection rejection() {
        return rejection;
    }
}
