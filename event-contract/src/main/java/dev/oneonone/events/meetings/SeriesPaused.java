package dev.oneonone.events.meetings;

import java.time.LocalDate;
import java.util.UUID;

/** The series rests from {@code from} to {@code until}, both included (days in the series' time zone). */
public record SeriesPaused(
        UUID seriesId,
        LocalDate from,
        LocalDate until) implements SeriesEvent {
}
