package dev.oneonone.events.agenda;

import dev.oneonone.events.MayBeAbsent;
import java.time.LocalDate;
import java.util.UUID;

/**
 * At a meeting of the series, one participant ({@code ownerRole}, {@code ownerId}) promised something
 * to be done by {@code dueOn} (a date in the series' time zone), or with no due date. The wording
 * stays in agenda-service.
 */
public record AgreementMade(
        UUID agreementId,
        UUID seriesId,
        UUID meetingId,
        AuthorRole ownerRole,
        UUID ownerId,
        @MayBeAbsent LocalDate dueOn) implements AgreementEvent {
}
