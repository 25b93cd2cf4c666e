package dev.oneonone.agenda.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import dev.oneonone.events.agenda.AgreementCompleted;
import dev.oneonone.events.agenda.AgreementDropped;
import dev.oneonone.events.agenda.AgreementDueDateChanged;
import dev.oneonone.events.agenda.AgreementEvent;
import dev.oneonone.events.agenda.AgreementMade;
import dev.oneonone.events.agenda.DropReason;

/**
 * One agreement (an action item), rebuilt from its events: made at a meeting, open until it is
 * completed or dropped; its due date may move while it is open. A closed agreement refuses every change.
 */
public final class Agreement {
    public static final String AGREEMENT_NOT_FOUND = "agreement-not-found";
    public static final String AGREEMENT_EXISTS = "agreement-exists";
    public static final String AGREEMENT_CLOSED = "agreement-closed";
    public static final String MEETING_DID_NOT_TAKE_PLACE = "meeting-did-not-take-place";

    /** Where an agreement stands. */
    public enum Status {
        OPEN,
        COMPLETED,
        DROPPED
    }

    private final UUID agreementId;
    private UUID seriesId;
    private LocalDate dueOn;
    private Status status;
    private long version;

    private Agreement(UUID agreementId) {
        this.agreementId = agreementId;
    }

    /** The agreement as its history left it; an empty history is an agreement not made yet, at version 0. */
    public static Agreement replay(UUID agreementId, List<? extends AgreementEvent> history) {
        Agreement agreement = new Agreement(agreementId);
        history.forEach(agreement::apply);
        return agreement;
    }

    public long version() {
        return version;
    }

    public UUID agreementId() {
        return agreementId;
    }

    /** Null before it is made. */
    public Status status() {
        return status;
    }

    public LocalDate dueOn() {
        return dueOn;
    }

    public Decision make(MakeAgreement command) {
        if (status != null) {
            return Decision.reject(Rejection.of(AGREEMENT_EXISTS, "Agreement " + agreementId + " was already made."));
        }
        if (MeetingStatus.didNotTakePlace(command.meetingStatus())) {
            return Decision.reject(Rejection.of(MEETING_DID_NOT_TAKE_PLACE, "The meeting is "
                    + command.meetingStatus().toLowerCase() + ": agreements are made at meetings that take place."));
        }
        return Decision.accept(new AgreementMade(agreementId, command.seriesId(), command.meetingId(),
                command.ownerRole(), command.ownerId(), command.dueOn()));
    }

    public Decision complete() {
        Rejection refused = refuseUnlessOpen();
        return refused != null ? Decision.reject(refused) : Decision.accept(new AgreementCompleted(agreementId, seriesId));
    }

    public Decision drop(DropReason reason) {
        Objects.requireNonNull(reason, "a drop needs a reason");
        Rejection refused = refuseUnlessOpen();
        return refused != null ? Decision.reject(refused)
                : Decision.accept(new AgreementDropped(agreementId, seriesId, reason));
    }

    /** Moves the due date ({@code null}: no due date any more); the same date again changes nothing. */
    public Decision changeDueDate(LocalDate newDueOn) {
        Rejection refused = refuseUnlessOpen();
        if (refused != null) {
            return Decision.reject(refused);
        }
        if (Objects.equals(dueOn, newDueOn)) {
            return Decision.accept();
        }
        return Decision.accept(new AgreementDueDateChanged(agreementId, seriesId, dueOn, newDueOn));
    }

    private Rejection refuseUnlessOpen() {
        if (status == null) {
            return Rejection.of(AGREEMENT_NOT_FOUND, "No agreement " + agreementId + ".");
        }
        if (status != Status.OPEN) {
            return Rejection.of(AGREEMENT_CLOSED, "The agreement is " + status.name().toLowerCase()
                    + ": a closed agreement does not change any more.");
        }
        return null;
    }

    private void apply(AgreementEvent event) {
        if (event instanceof AgreementMade made) {
            seriesId = made.seriesId();
            dueOn = made.dueOn();
            status = Status.OPEN;
        } else if (event instanceof AgreementDueDateChanged changed) {
            dueOn = changed.dueOn();
        } else if (event instanceof AgreementCompleted) {
            status = Status.COMPLETED;
        } else if (event instanceof AgreementDropped) {
            status = Status.DROPPED;
        }
        version++;
    }
}
