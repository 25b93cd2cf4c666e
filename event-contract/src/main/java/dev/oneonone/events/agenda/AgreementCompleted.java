package dev.oneonone.events.agenda;

import java.util.UUID;

/** The promise was kept; when it happened is the event's time ({@code ce_time}). */
public record AgreementCompleted(UUID agreementId, UUID seriesId) implements AgreementEvent {
}
