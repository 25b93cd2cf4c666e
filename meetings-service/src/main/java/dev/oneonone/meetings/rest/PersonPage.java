package dev.oneonone.meetings.rest;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.oneonone.meetings.projection.PersonOverview;

@Schema(name = "PersonPage", description = "One page of people; 'next' is the cursor of the following page, null on the last.")
public record PersonPage(List<PersonView> items, @Schema(nullable = true) UUID next) {

    /** From up to limit + 1 rows: the extra row only tells that another page follows. */
    static PersonPage of(List<PersonOverview> rows, int limit) {
        List<PersonView> items = rows.stream().limit(limit).map(PersonView::of).toList();
        UUID next = rows.size() > limit ? items.get(items.size() - 1).id() : null;
        return new PersonPage(items, next);
    }
}
