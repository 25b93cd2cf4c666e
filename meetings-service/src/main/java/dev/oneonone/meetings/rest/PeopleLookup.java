package dev.oneonone.meetings.rest;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.oneonone.meetings.projection.PersonOverview;

@Schema(name = "PeopleLookup", description = "The names the caller may see: people and groups they may not see, or that "
        + "do not exist or have no name, are left out.")
public record PeopleLookup(List<PersonName> people, List<GroupView> groups) {

    /** A person as a viewer names them. */
    @Schema(name = "PersonName", description = "A person's display name and groups.")
    public record PersonName(
            @Schema(example = "2b8e4a90-6c1d-4f3e-8b27-5a9d0c7e3f12") UUID id,
            @Schema(example = "Ada Lovelace") String name,
            @Schema(nullable = true, example = "platform") String team,
            @Schema(nullable = true, example = "ENG") String department) {

        static PersonName of(PersonOverview person) {
            return new PersonName(person.personId, person.name, person.team, person.department);
        }
    }
}
