package dev.oneonone.agenda.rest.problem;

import dev.oneonone.agenda.domain.Rejection;

/** The agenda refused a command; answered with a problem of the rejection's reason. */
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
