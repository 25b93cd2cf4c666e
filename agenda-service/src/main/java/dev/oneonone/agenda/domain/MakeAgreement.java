package dev.oneonone.agenda.domain;

import java.time.LocalDate;
import java.util.UUID;

import dev.oneonone.events.agenda.AuthorRole;

/**
 * Record what one participant promised at a meeting of the series, optionally by a date (in the
 * series' time zone). The meeting's status comes with the command, so the aggregate stays plain; the
 * wording is not part of it, it stays in the read model.
 */
public record MakeAgreement(UUID agreementId, UUID seriesId, UUID meetingId, AuthorRole ownerRole, UUID ownerId,
        LocalDate dueOn, String meetingStatus) {
}
