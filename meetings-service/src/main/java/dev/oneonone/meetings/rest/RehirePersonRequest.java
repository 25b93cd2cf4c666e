package dev.oneonone.meetings.rest;

import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.oneonone.meetings.application.people.PersonEntry;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The body of a rehire: the whole entry of the new employment period and its first day. */
@Schema(name = "RehirePerson", description = "A leaver joining again: their entry in the new employment period.")
public record RehirePersonRequest(
        @Schema(example = "Ada Lovelace") @NotBlank @Size(max = 200) String name,
        @Schema(description = "Free among the people employed today (a leaver's email is free from the day after their last day).",
                example = "ada@acme.example") @NotBlank @Email @Size(max = 320) String email,
        @Schema(description = "The organisation's code or id of the team; published in events, so no free text.", example = "platform", maxLength = 64, pattern = OrganisationCodes.PATTERN)
        @Pattern(regexp = OrganisationCodes.PATTERN, message = OrganisationCodes.MESSAGE) String team,
        @Schema(description = "The organisation's code or id of the department; published in events, so no free text.", example = "ENG", maxLength = 64, pattern = OrganisationCodes.PATTERN)
        @Pattern(regexp = OrganisationCodes.PATTERN, message = OrganisationCodes.MESSAGE) String department,
        @Schema(description = "The person they report to: a person of the directory employed on effectiveOn; none when left out.",
                example = "7f1c2f5e-3b7a-4d8e-9a51-0d6f2b9e1a01")
        UUID managerId,
        @Schema(description = "The first day of the new employment: a calendar day in the organisation's time zone "
                + "(meetings.time-zones.<org>), after their last day and not after today; today when left out.",
                example = "2027-03-01", format = "date")
        LocalDate effectiveOn) {

    PersonEntry entry() {
        return new PersonEntry(name, email, team, department, managerId, effectiveOn);
    }
}
