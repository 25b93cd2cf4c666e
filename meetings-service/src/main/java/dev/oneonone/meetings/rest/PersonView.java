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
        @Schema(description = "False once their employment ended.", example = "true") boolean employed,
        @Schema(nullable = true, description = "Last working day, once their employment ended.") LocalDate lastDay,
        @Schema(description = "Version of the entry; send it back in If-Match to change it.", example = "1") long version) {

    static PersonView of(PersonOverview person) {
        return new PersonView(person.personId, person.name, person.email, person.team, person.department,
                person.managerId, person.employed, person.lastDay, person.version);
    }
}
