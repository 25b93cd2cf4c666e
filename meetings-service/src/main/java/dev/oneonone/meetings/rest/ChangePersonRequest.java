package dev.oneonone.meetings.rest;

import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.oneonone.meetings.application.people.PersonEntry;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

@Schema(name = "ChangePerson", description = "A person's whole entry as it is from effectiveOn on; a field left out is cleared.")
public record ChangePersonRequest(
        @Schema(example = "Ada Lovelace") @NotBlank @Size(max = 200) String name,
        @Schema(example = "ada@acme.example") @NotBlank @Email @Size(max = 320) String email,
        @Schema(description = "The organisation's code or id of the team; published in events, so no free text.", example = "data", maxLength = 64, pattern = OrganisationCodes.PATTERN)
        @Pattern(regexp = OrganisationCodes.PATTERN, message = OrganisationCodes.MESSAGE) String team,
        @Schema(description = "The organisation's code or id of the department; published in events, so no free text.", example = "ENG", maxLength = 64, pattern = OrganisationCodes.PATTERN)
        @Pattern(regexp = OrganisationCodes.PATTERN, message = OrganisationCodes.MESSAGE) String department,
        @Schema(description = "The person they report to from effectiveOn on; none when left out.",
                example = "7f1c2f5e-3b7a-4d8e-9a51-0d6f2b9e1a01")
        UUID managerId,
        @Schema(description = "The day it takes effect: a calendar day in the organisation's time zone "
                + "(meetings.time-zones.<org>), today or earlier; today when left out. Not before the person's latest change; the manager must be employed on it.", example = "2026-03-02", format = "date")
        LocalDate effectiveOn) {

    PersonEntry entry() {
        return new PersonEntry(name, email, team, department, managerId, effectiveOn);
    }
}
