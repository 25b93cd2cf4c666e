package dev.oneonone.meetings.rest;

import java.time.Clock;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.oneonone.kit.rest.Paging;
import dev.oneonone.meetings.projection.SeriesOverview;

@Schema(name = "SeriesPage", description = "One page of series by id.")
public record SeriesPage(List<SeriesView> items,
        @Schema(description = Paging.NEXT_DESCRIPTION, example = "0b5e6a4c-3f0e-4a59-9a57-2d1f7c3e9b10", nullable = true) String next) {

    /** From up to limit + 1 rows by series id: the cursor is the last one's id. */
    static SeriesPage of(List<SeriesOverview> rows, int limit, Clock clock) {
        Paging.Page<SeriesView> page = Paging.keyed(rows, limit, row -> SeriesView.of(row, clock), row -> row.seriesId.toString());
        return new SeriesPage(page.items(), page.next());
    }
}
