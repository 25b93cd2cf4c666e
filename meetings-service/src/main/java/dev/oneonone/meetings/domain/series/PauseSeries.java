package dev.oneonone.meetings.domain.series;

import java.time.Instant;
import java.time.LocalDate;

/** Rest the series from one day to another, both included (days in the series' time zone). */
public record PauseSeries(LocalDate from, LocalDate until, Instant now) implements SeriesCommand {
    @Override
    public Instant occurredAt() {
        return now;
    }
}
