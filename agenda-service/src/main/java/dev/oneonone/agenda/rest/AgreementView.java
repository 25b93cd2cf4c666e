package dev.oneonone.agenda.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.oneonone.agenda.projection.AgreementOverview;
import dev.oneonone.events.agenda.AuthorRole;
import dev.oneonone.events.agenda.DropReason;

@Schema(name = "Agreement", description = "Who promised what at which meeting, by when, and where it stands.")
public record AgreementView(
        @Schema(example = "3c9e1b7a-0d4f-4a2e-8b61-5f7d2c9e0a13") UUID id,
        UUID seriesId,
        @Schema(description = "The meeting it was made at.") UUID meetingId,
        @Schema(nullable = true, description = "Null once deleted (contentDeleted).", example = "Write up the on-call proposal and share it with the team") String wording,
        UUID ownerId,
        @Schema(example = "COMPANION") AuthorRole ownerRole,
        @Schema(nullable = true, description = "Due date in the series' time zone, or null.", example = "2026-12-04") LocalDate dueOn,
        @Schema(example = "OPEN", enumeration = { "OPEN", "COMPLETED", "DROPPED" }) String status,
        @Schema(nullable = true, description = "Why it was dropped; null unless it was.") DropReason dropReason,
        @Schema(description = "Open and its due date has passed in the series' time zone.") boolean overdue,
        @Schema(description = "When it was made (the real date for an imported one).") Instant madeAt,
        @Schema(nullable = true, description = "When it was completed or dropped; null while open.") Instant closedAt,
        @Schema(description = "The wording was deleted: the organisation's retention period for 1:1 content ran out after "
                + "the series ended (docs/privacy.md); status and dates stay.") boolean contentDeleted) {

    static AgreementView of(AgreementOverview agreement, boolean overdue) {
        return new AgreementView(agreement.agreementId, agreement.seriesId, agreement.meetingId, agreement.wording,
                agreement.ownerId, AuthorRole.valueOf(agreement.ownerRole), agreement.dueOn, agreement.status,
                agreement.dropReason == null ? null : DropReason.valueOf(agreement.dropReason), overdue,
                agreement.madeAt, agreement.closedAt, agreement.contentDeletedAt != null);
    }
}
