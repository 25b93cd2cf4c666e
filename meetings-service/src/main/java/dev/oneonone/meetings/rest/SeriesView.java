package dev.oneonone.meetings.rest;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.oneonone.meetings.projection.SeriesOverview;
import dev.oneonone.meetings.projection.SeriesPause;
import io.smallrye.mutiny.Uni;

@Schema(name = "Series", description = "A 1:1 series between a leader and a companion.")
public record SeriesView(
        @Schema(example = "0b6f3f0e-8f5b-4c59-a0a4-3e1f4b3a9c77") UUID id,
        UUID leaderId,
        UUID companionId,
        @Schema(example = "MANAGER_REPORT") String relationship,
        @Schema(example = "WEEKLY") String cadence,
        @Schema(example = "30") int plannedMinutes,
        @Schema(example = "Europe/Berlin") String timeZone,
        @Schema(example = "2026-11-23") LocalDate startsOn,
        @Schema(description = "ACTIVE, PAUSED (today, in the series' time zone, is within any of its pauses) or ENDED.", example = "ACTIVE") String status,
        @Schema(nullable = true, example = "TUESDAY") String preferredWeekday,
        @Schema(nullable = true, example = "10:00:00", type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING) LocalTime preferredTime,
        @Schema(nullable = true, description = "The pause that matters now, first day: the current pause (today, in the series' "
                + "time zone, within it) if any, else the next one to come, else the most recent one past; null when the series "
                + "never paused. Every pause is in pauses.", example = "2026-12-21") LocalDate pausedFrom,
        @Schema(nullable = true, description = "That pause's last day (see pausedFrom)", example = "2027-01-03") LocalDate pausedUntil,
        @Schema(nullable = true, description = "When the series ended (for a leaver: the start of the day after their last day)", example = "2026-12-01T00:00:00Z") Instant endedAt,
        @Schema(nullable = true, description = "Why the series ended: ENDED_BY_PARTICIPANT (one of the two people, or an integration for them, ended it) "
                + "or EMPLOYMENT_ENDED (one of them left the organisation: it ends on the day after their last day). Null while "
                + "it runs, and for series ended before reasons were recorded.", example = "EMPLOYMENT_ENDED") String endReason,
        @Schema(nullable = true, description = "The first day without the series, in its time zone (for a leaver: the day after their "
                + "last day). Null while it runs, and for series ended before it was recorded.", example = "2026-12-01") LocalDate endedOn,
        @Schema(description = "Every pause as it stands now (each cut short by its resume), oldest first") List<PauseView> pauses,
        @Schema(description = "Version of the series; send it back in If-Match to change the series.", example = "1")
        long version) {

    @Schema(name = "SeriesPause", description = "Days of rest, in the series' time zone, both included.")
    public record PauseView(@Schema(example = "2026-12-21") LocalDate from, @Schema(example = "2027-01-03") LocalDate until) {
    }

    /** The series with its pauses; its status is PAUSED when today, in its zone, is within any of them. */
    static SeriesView of(SeriesOverview series, List<SeriesPause> pauses, Clock clock) {
        String status = series.status;
        List<SeriesPause> ordered = pauses.stream().sorted(Comparator.comparing(pause -> pause.fromDay)).toList();
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of(series.timeZone)));
        SeriesPause current = ordered.stream().filter(p -> !today.isBefore(p.fromDay) && !today.isAfter(p.untilDay))
                .findFirst().orElse(null);
        if (SeriesOverview.ACTIVE.equals(status) && current != null) {
            status = "PAUSED";
        }
        // the pause that matters now: the current one, else the next to come, else the most recent past one
        SeriesPause shown = current != null ? current
                : ordered.stream().filter(p -> p.fromDay.isAfter(today)).findFirst()
                        .orElse(ordered.isEmpty() ? null : ordered.get(ordered.size() - 1));
        return new SeriesView(series.seriesId, series.leaderId, series.companionId, series.relationship,
                series.cadence, series.plannedMinutes, series.timeZone, series.startsOn, status,
                series.preferredWeekday, series.preferredTime, shown == null ? null : shown.fromDay,
                shown == null ? null : shown.untilDay, series.endedAt,
                series.endReason, series.endedOn,
                ordered.stream().map(p -> new PauseView(p.fromDay, p.untilDay)).toList(), series.version);
    }

    /** The series with its pauses, read in the current session. */
    static Uni<SeriesView> of(SeriesOverview series, Clock clock) {
        return SeriesPause.<SeriesPause>list("seriesId", series.seriesId).map(pauses -> of(series, pauses, clock));
    }
}
