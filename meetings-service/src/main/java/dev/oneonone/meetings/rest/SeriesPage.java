package dev.oneonone.meetings.rest;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.oneonone.kit.rest.Paging;
import dev.oneonone.meetings.projection.SeriesOverview;
import dev.oneonone.meetings.projection.SeriesPause;
import io.smallrye.mutiny.Uni;

@Schema(name = "SeriesPage", description = "One page of series by id.")
public record SeriesPage(List<SeriesView> items,
        @Schema(description = Paging.NEXT_DESCRIPTION, example = "0b5e6a4c-3f0e-4a59-9a57-2d1f7c3e9b10", nullable = true) String next) {

    /** From up to limit + 1 rows by series id: the cursor is the last one's id. */
    static SeriesPage of(List<SeriesOverview> rows, List<SeriesPause> pauses, int limit, Clock clock) {
        Map<UUID, List<SeriesPause>> bySeries = pauses.stream().collect(Collectors.groupingBy(pause -> pause.seriesId));
        Paging.Page<SeriesView> page = Paging.keyed(rows, limit,
                row -> SeriesView.of(row, bySeries.getOrDefault(row.seriesId, List.of()), clock), row -> row.seriesId.toString());
        return new SeriesPage(page.items(), page.next());
    }

    /** From up to limit + 1 rows, with the pauses of those series read in one query. */
    static Uni<SeriesPage> of(List<SeriesOverview> rows, int limit, Clock clock) {
        if (rows.isEmpty()) {
            return Uni.createFrom().item(of(rows, List.of(), limit, clock));
        }
        return SeriesPause.<SeriesPause>list("seriesId in ?1", rows.stream().map(row -> row.seriesId).toList())
                .map(pauses -> of(rows, pauses, limit, clock));
    }
}
