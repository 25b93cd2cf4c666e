package dev.oneonone.meetings.rest;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.oneonone.kit.rest.Paging;
import dev.oneonone.meetings.projection.PersonOverview;

@Schema(name = "PersonPage", description = "One page of people by id.")
public record PersonPage(List<PersonView> items,
        @Schema(description = Paging.NEXT_DESCRIPTION, example = "3f2b8c1e-2d4a-4b6c-9e8f-0a1b2c3d4e5f", nullable = true) String next) {

    /** From up to limit + 1 rows by person id: the cursor is the last one's id. */
    static PersonPage of(List<PersonOverview> rows, int limit, LocalDate today) {
        Paging.Page<PersonView> page = Paging.keyed(rows, limit, row -> PersonView.of(row, today),
                row -> row.personId.toString());
        return new PersonPage(page.items(), page.next());
    }
}
