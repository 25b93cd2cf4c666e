package dev.oneonone.meetings.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@Schema(name = "ImportPeople", description = "Many people at once, all or none. Rows may name each other as manager by id. "
        + "A null row is refused (400, named by its index: people[3]) before any row is looked at.")
public record ImportPeopleRequest(
        @Schema(maxItems = PeopleResource.MAX_IMPORT_ROWS)
        @NotNull @Size(min = 1, max = PeopleResource.MAX_IMPORT_ROWS) List<@NotNull RegisterPersonRequest> people) {
}
