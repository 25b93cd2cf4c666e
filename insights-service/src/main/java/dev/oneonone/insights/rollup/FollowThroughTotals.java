package dev.oneonone.insights.rollup;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Follow-through summed over a group's current series: agreements completed on time ÷ agreements due. */
@Schema(name = "FollowThroughTotals")
public record FollowThroughTotals(
        @Schema(description = "Agreements whose due date has passed.", example = "120") int due,
        @Schema(description = "Of those, completed on or before their due date.", example = "96") int completedOnTime,
        @Schema(description = "completedOnTime ÷ due; null when nothing was due.", example = "0.8") Double rate,
        @Schema(description = "Agreements still open after their due date.", example = "9") int openOverdue) {

    static FollowThroughTotals of(int due, int completedOnTime, int openOverdue) {
        return new FollowThroughTotals(due, completedOnTime, due == 0 ? null : (double) completedOnTime / due, openOverdue);
    }
}
