package dev.oneonone.agenda.rest;

import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.oneonone.events.agenda.DropReason;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The bodies of the agreement endpoints. */
public final class AgreementRequests {
    static final String MAKE_EXAMPLE = """
            {"wording": "Write up the on-call proposal and share it with the team",
             "ownerId": "2b8e4a90-6c1d-4f3e-8b27-5a9d0c7e3f12", "dueOn": "2026-12-04"}""";

    private AgreementRequests() {
    }

    @Schema(name = "MakeAgreement", description = "What one of the two participants promised at the meeting, by when. "
            + "The wording stays in agenda-service: no event carries it.")
    public record MakeAgreementRequest(
            @NotBlank @Size(max = 1000) @Schema(required = true, minLength = 1, maxLength = 1000,
                    example = "Write up the on-call proposal and share it with the team") String wording,
            @NotNull @Schema(required = true, description = "Who promised it: the leader or the companion of the series.",
                    example = "2b8e4a90-6c1d-4f3e-8b27-5a9d0c7e3f12") UUID ownerId,
            @Schema(description = "Due date in the series' time zone; none when left out.", example = "2026-12-04",
                    nullable = true) LocalDate dueOn) {
    }

    @Schema(name = "DropAgreement", description = "Close an agreement without completing it.")
    public record DropAgreementRequest(@NotNull @Schema(required = true, example = "NO_LONGER_NEEDED") DropReason reason) {
    }

    @Schema(name = "ChangeDueDate", description = "Move an open agreement's due date; null removes it. The change is kept in its history.")
    public record ChangeDueDateRequest(@Schema(example = "2026-12-11", nullable = true) LocalDate dueOn) {
    }
}
