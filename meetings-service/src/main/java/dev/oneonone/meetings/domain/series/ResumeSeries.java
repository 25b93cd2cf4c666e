package dev.oneonone.meetings.domain.series;

import java.time.Instant;
import java.time.LocalDate;

/** End the current pause early, from {@code on} (today in the series' time zone when null). */
public record ResumeSeries(LocalDate on, Instant now) implements SeriesCommand {
    @Override
    public Instant occurredAt() {
        return now;
    }
}
