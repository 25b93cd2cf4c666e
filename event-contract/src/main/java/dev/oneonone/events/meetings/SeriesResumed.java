package dev.oneonone.events.meetings;

import java.time.LocalDate;
import java.util.UUID;

/** A pause ended early: the series is active again from {@code resumedOn} (a day in the series' time zone). */
public record SeriesResumed(
        UUID seriesId,
        LocalDate resumedOn) implements SeriesEvent {
}
