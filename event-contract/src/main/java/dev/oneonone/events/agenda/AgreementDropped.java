package dev.oneonone.events.agenda;

import java.util.UUID;

/** The agreement was closed without being completed, for {@code reason}. */
public record AgreementDropped(UUID agreementId, UUID seriesId, DropReason reason) implements AgreementEvent {
}
