package dev.oneonone.agenda.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.oneonone.agenda.application.agreements.Agreements.HistoryEntry;
import dev.oneonone.events.agenda.AgreementCompleted;
import dev.oneonone.events.agenda.AgreementDropped;
import dev.oneonone.events.agenda.AgreementDueDateChanged;
import dev.oneonone.events.agenda.AgreementMade;
import dev.oneonone.events.agenda.DropReason;

@Schema(name = "AgreementWithHistory", description = "An agreement with everything that happened to it.")
public record AgreementDetailsView(
        AgreementView agreement,
        @Schema(description = "Every move of the due date, oldest first.") List<DueDateChange> dueDateChanges,
        @Schema(description = "Made, due date changes, completed or dropped, oldest first.") List<Step> history) {

    @Schema(name = "DueDateChange", description = "The due date moved from 'from' to 'to' (either may be null).")
    public record DueDateChange(@Schema(nullable = true, example = "2026-12-04") LocalDate from,
            @Schema(nullable = true, example = "2026-12-11") LocalDate to,
            @Schema(description = "When it was changed.") Instant at) {
    }

    @Schema(name = "AgreementStep", description = "One thing that happened to the agreement.")
    public record Step(
            @Schema(enumeration = { "MADE", "DUE_DATE_CHANGED", "COMPLETED", "DROPPED" }, example = "MADE") String what,
            @Schema(description = "When it happened.") Instant at,
            @Schema(description = "When agenda-service recorded it (later than 'at' for imported history).") Instant recordedAt,
            @Schema(nullable = true, description = "The due date from then on (MADE, DUE_DATE_CHANGED).") LocalDate dueOn,
            @Schema(nullable = true, description = "DROPPED only.") DropReason reason) {
    }

    static AgreementDetailsView of(AgreementView agreement, List<HistoryEntry> history) {
        List<Step> steps = history.stream().map(AgreementDetailsView::step).toList();
        List<DueDateChange> changes = history.stream()
                .filter(entry -> entry.event() instanceof AgreementDueDateChanged)
                .map(entry -> {
                    AgreementDueDateChanged changed = (AgreementDueDateChanged) entry.event();
                    return new DueDateChange(changed.previousDueOn(), changed.dueOn(), entry.occurredAt());
                }).toList();
        return new AgreementDetailsView(agreement, changes, steps);
    }

    private static Step step(HistoryEntry entry) {
        if (entry.event() instanceof AgreementMade made) {
            return new Step("MADE", entry.occurredAt(), entry.recordedAt(), made.dueOn(), null);
        }
        if (entry.event() instanceof AgreementDueDateChanged changed) {
            return new Step("DUE_DATE_CHANGED", entry.occurredAt(), entry.recordedAt(), changed.dueOn(), null);
        }
        if (entry.event() instanceof AgreementDropped dropped) {
            return new Step("DROPPED", entry.occurredAt(), entry.recordedAt(), null, dropped.reason());
        }
        if (entry.event() instanceof AgreementCompleted) {
            return new Step("COMPLETED", entry.occurredAt(), entry.recordedAt(), null, null);
        }
        throw new IllegalStateException("Not an agreement event: " + entry.event().type());
    }
}
