package dev.oneonone.insights.rest;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "RollupPage", description = "One page of a list of groups with their figures (no attention items: see GET /attention).")
public record RollupPage(
        @Schema(example = "2026-11-23") LocalDate asOf,
        List<RollupView> items,
        @Schema(description = "How many groups the list has in all.", example = "14") int total,
        @Schema(nullable = true, description = "Pass as cursor to get the next page; absent on the last page.", example = "b2Zmc2V0OjUw") String nextCursor) {
}
