package dev.oneonone.insights.rest;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.oneonone.insights.rest.RollupView.TrendPointView;

@Schema(name = "Trend", description = "A group's figures at the end of each of the last weeks, oldest first; the last point is asOf.")
public record TrendView(ScopeView scope, @Schema(example = "2026-11-23") LocalDate asOf, @Schema(example = "12") int weeks,
        List<TrendPointView> points) {
}
