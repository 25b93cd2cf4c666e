package dev.oneonone.insights.domain.figures;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dev.oneonone.events.insights.Health;
import dev.oneonone.events.insights.Recommendation;
import dev.oneonone.events.meetings.Cadence;
import dev.oneonone.events.meetings.Relationship;

/**
 * Every figure of one series as of a date, exactly as docs/insights.md defines them. A rate is null
 * when its denominator is zero (nothing to measure yet), never a made-up 0 or 1.
 *
 * @param current       started on or before {@code asOf} and not ended by then: counts in current figures
 * @param paused        paused on {@code asOf}
 * @param expectedIntervalDays I: 1 for daily (every working day), 7, 14 or 28
 * @param gapDays       days since the last held meeting (or since the start), paused days excluded
 * @param adherence     held ÷ expected over the window, capped at 1
 * @param shortMeetingStreak held meetings in a row, latest first, that ended under the short-meeting threshold
 */
public record SeriesFigures(
        UUID seriesId,
        String organisationId,
        UUID leaderId,
        UUID companionId,
        Relationship relationship,
        Cadence cadence,
        LocalDate asOf,
        boolean current,
        boolean paused,
        int expectedIntervalDays,
        int gapDays,
        Health health,
        int heldInWindow,
        double expectedInWindow,
        Double adherence,
        int held,
        int cancelled,
        int scheduled,
        int rescheduledAtLeastOnce,
        Double cancellationRate,
        Double rescheduleRate,
        FollowThrough followThrough,
        Double preparationRate,
        int shortMeetingStreak,
        List<Recommendation> recommendations) {
}
