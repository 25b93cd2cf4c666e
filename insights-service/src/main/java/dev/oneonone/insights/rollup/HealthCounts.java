package dev.oneonone.insights.rollup;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * How a group's current series stand as of the date, plus the reports who have no 1:1 with their
 * manager at all. Paused series are counted apart: their gap stands still while they are paused.
 */
@Schema(name = "HealthCounts")
public record HealthCounts(
        @Schema(example = "41") int healthy,
        @Schema(example = "6") int atRisk,
        @Schema(example = "3") int overdue,
        @Schema(description = "People with a manager and no active manager–report series with them.", example = "2") int noOneOnOne,
        @Schema(description = "Current series that are paused on the date (in none of the three health counts).", example = "1") int paused) {
}
