package dev.oneonone.meetings.rest;

import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.oneonone.meetings.application.people.PersonEntry;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

@Schema(name = "RegisterPerson", description = "A person joining the organisation's directory.")
public record RegisterPersonRequest(
        @Schema(description = "The person's id, when the platform chooses it (so that a retry cannot register them twice, "
                + "and rows of an import can name each other as manager); a new one when left out.",
                example = "2b8e4a90-6c1d-4f3e-8b27-5a9d0c7e3f12")
        UUID id,
        @Schema(example = "Ada Lovelace") @NotBlank @Size(max = 200) String name,
        @Schema(example = "ada@acme.example") @NotBlank @Email @Size(max = 320) String email,
        @Schema(description = "The organisation's code or id of the team; published in events, so no free text.", example = "platform", maxLength = 64, pattern = OrganisationCodes.PATTERN)
        @Pattern(regexp = OrganisationCodes.PATTERN, message = OrganisationCodes.MESSAGE) String team,
        @Schema(description = "The organisation's code or id of the department; published in events, so no free text.", example = "ENG", maxLength = 64, pattern = OrganisationCodes.PATTERN)
        @Pattern(regexp = OrganisationCodes.PATTERN, message = OrganisationCodes.MESSAGE) String department,
        @Schema(description = "The person they report to: a person of the directory employed on effectiveOn (or, in an import, another row).",
                example = "7f1c2f5e-3b7a-4d8e-9a51-0d6f2b9e1a01")
        UUID managerId,
        @Schema(description = "The day it takes effect: a calendar day in the organisation's time zone "
                + "(meetings.time-zones.<org>), today or earlier; today when left out. Their first day in the directory; the manager must be employed on it.", example = "2026-01-05", format = "date")
        LocalDate effectiveOn) {

    PersonEntry entry() {
        return new PersonEntry(name, email, team, department, managerId, effectiveOn);
    }
}
