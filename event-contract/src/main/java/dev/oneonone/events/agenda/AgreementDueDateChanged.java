package dev.oneonone.events.agenda;

import dev.oneonone.events.MayBeAbsent;
import java.time.LocalDate;
import java.util.UUID;

/** The agreement's due date moved from {@code previousDueOn} to {@code dueOn} (either may be absent). */
public record AgreementDueDateChanged(UUID agreementId, UUID seriesId, @MayBeAbsent LocalDate previousDueOn,
        @MayBeAbsent LocalDate dueOn) implements AgreementEvent {
}
