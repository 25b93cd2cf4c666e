package dev.oneonone.meetings.rest;

import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.oneonone.meetings.projection.PersonOverview;

@Schema(name = "Person", description = "A person of the organisation's directory.")
public record PersonView(
        @Schema(example = "2b8e4a90-6c1d-4f3e-8b27-5a9d0c7e3f12") UUID id,
        @Schema(example = "Ada Lovelace") String name,
        @Schema(example = "ada@acme.example") String email,
        @Schema(nullable = true, example = "platform") String team,
        @Schema(nullable = true, example = "ENG") String department,
        @Schema(nullable = true, example = "7f1c2f5e-3b7a-4d8e-9a51-0d6f2b9e1a01") UUID managerId,
        @Schema(description = "Whether they are employed today (in the organisation's time zone): true up to and "
                + "including their last day.", example = "true") boolean employed,
        @Schema(nullable = true, description = "First day of their current employment period (after a rehire, its day).",
                example = "2026-01-05") LocalDate employedSince,
        @Schema(nullable = true, description = "Last working day of the current employment period, once an end is "
                + "recorded (may be in the future).") LocalDate lastDay,
        @Schema(description = "Version of the entry; send it back in If-Match to change it.", example = "1") long version) {

    /** The person as of {@code today}, in the organisation's time zone. */
    static PersonView of(PersonOverview person, LocalDate today) {
        return new PersonView(person.personId, person.name, person.email, person.team, person.department,
                person.managerId, person.employedOn(today), person.employedSince, person.lastDay, person.version);
    }
}
