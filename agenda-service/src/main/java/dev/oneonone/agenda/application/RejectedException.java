package dev.oneonone.agenda.application;

import dev.oneonone.agenda.domain.Rejection;

/**
 * A use case's command was refused by a rule (of the agenda, an agreement or the templates): nothing
 * changed. The REST layer answers it with a problem typed by the rejection's reason.
 */
public class RejectedException extends RuntimeException {
    private final Rejection rejection;

    public RejectedException(Rejection rejection) {
        super(rejection.detail());
        this.rejection = rejection;
    }

    public Rejection rejection() {
        return rejection;
    }
}
