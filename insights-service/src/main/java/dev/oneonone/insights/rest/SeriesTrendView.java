package dev.oneonone.insights.rest;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SeriesTrend", description = "A series' figures at the end of each of the last N weeks, oldest first; "
        + "each week ends on asOf minus a whole number of weeks.")
public record SeriesTrendView(UUID seriesId, @Schema(example = "2026-03-02") LocalDate asOf,
        @Schema(example = "12") int weeks, List<SeriesFiguresView> points) {
}
