package dev.oneonone.insights.rest;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.oneonone.events.insights.Health;
import dev.oneonone.events.insights.Recommendation;
import dev.oneonone.insights.domain.figures.FollowThrough;
import dev.oneonone.insights.domain.figures.SeriesFigures;

/** Every figure of a series as of a date, as docs/insights.md defines them. A rate is null when there is nothing to measure. */
@Schema(name = "SeriesFigures", description = "Every figure of one series as of a date (docs/insights.md). Rates are 0 to 1, "
        + "null when their denominator is zero.")
public record SeriesFiguresView(
        UUID seriesId,
        UUID leaderId,
        UUID companionId,
        @Schema(example = "MANAGER_REPORT") String relationship,
        @Schema(description = "Cadence in force on the date", example = "WEEKLY") String cadence,
        @Schema(example = "2026-03-02") LocalDate asOf,
        @Schema(description = "Started on or before the date and not ended by then", example = "true") boolean current,
        @Schema(description = "Paused on the date", example = "false") boolean paused,
        @Schema(description = "I: 1 for daily (every working day), 7, 14 or 28", example = "7") int expectedIntervalDays,
        @Schema(description = "Days since the last held meeting (or the start), paused days excluded", example = "5") int gapDays,
        @Schema(nullable = true, description = "Null before the series starts", example = "HEALTHY") Health health,
        @Schema(description = "Held meetings in the adherence window", example = "11") int heldInWindow,
        @Schema(description = "Meetings the cadence expected in the window", example = "12.0") double expectedInWindow,
        @Schema(description = "heldInWindow ÷ expectedInWindow, capped at 1; null while under one meeting is expected",
                example = "0.9167") Double adherence,
        @Schema(description = "Meetings held up to the date", example = "20") int held,
        @Schema(description = "Meetings cancelled up to the date", example = "2") int cancelled,
        @Schema(description = "Meetings scheduled up to the date", example = "23") int scheduled,
        @Schema(description = "Of those, rescheduled at least once", example = "4") int rescheduledAtLeastOnce,
        @Schema(description = "cancelled ÷ (held + cancelled)", example = "0.0909") Double cancellationRate,
        @Schema(description = "rescheduledAtLeastOnce ÷ scheduled", example = "0.1739") Double rescheduleRate,
        FollowThroughView followThrough,
        @Schema(description = "Held meetings with a companion topic in before the start ÷ held", example = "0.75") Double preparationRate,
        @Schema(description = "Latest held meetings in a row under the short-meeting threshold", example = "0") int shortMeetingStreak,
        @Schema(example = "[]") List<Recommendation> recommendations) {

    @Schema(name = "FollowThrough", description = "Agreements kept: completed on or before their due date ÷ due (dropped ones excluded)")
    public record FollowThroughView(
            @Schema(description = "Agreements whose due date has passed", example = "8") int due,
            @Schema(example = "6") int completedOnTime,
            @Schema(example = "0.75") Double rate,
            @Schema(description = "The rate over agreements the leader owns", example = "0.8") Double leaderRate,
            @Schema(description = "The rate over agreements the companion owns", example = "0.6667") Double companionRate,
            @Schema(description = "Due, still open", example = "1") int openOverdue,
            @Schema(description = "Median days from made to completed", example = "4.5") Double medianDaysToComplete) {

        static FollowThroughView of(FollowThrough f) {
            return new FollowThroughView(f.due(), f.completedOnTime(), f.rate(), f.leaderRate(), f.companionRate(),
                    f.openOverdue(), f.medianDaysToComplete());
        }
    }

    public static SeriesFiguresView of(SeriesFigures f) {
        return new SeriesFiguresView(f.seriesId(), f.leaderId(), f.companionId(), f.relationship().name(),
                f.cadence().name(), f.asOf(), f.current(), f.paused(), f.expectedIntervalDays(), f.gapDays(), f.health(),
                f.heldInWindow(), Math.round(f.expectedInWindow() * 100) / 100.0, f.adherence(), f.held(), f.cancelled(),
                f.scheduled(), f.rescheduledAtLeastOnce(), f.cancellationRate(), f.rescheduleRate(),
                FollowThroughView.of(f.followThrough()), f.preparationRate(), f.shortMeetingStreak(),
                f.recommendations());
    }
}
