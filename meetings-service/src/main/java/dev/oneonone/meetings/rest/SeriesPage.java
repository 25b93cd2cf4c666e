package dev.oneonone.meetings.rest;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.oneonone.meetings.projection.SeriesOverview;

@Schema(name = "SeriesPage", description = "One page of series; 'next' is the cursor of the following page, null on the last.")
public record SeriesPage(List<SeriesView> items, @Schema(nullable = true) UUID next) {

    /** From up to limit + 1 rows: the extra row only tells that another page follows. */
    static SeriesPage of(List<SeriesOverview> rows, int limit, java.time.Clock clock) {
        List<SeriesView> items = rows.stream().limit(limit).map(row -> SeriesView.of(row, clock)).toList();
        UUID next = rows.size() > limit ? items.get(items.size() - 1).id() : null;
        return new SeriesPage(items, next);
    }
}
