package dev.oneonone.meetings.domain.series;

import java.time.Instant;

/** The two people stop meeting. */
public record EndSeries(Instant now, Instant occurredAt) implements SeriesCommand {
    public EndSeries {
        occurredAt = occurredAt == null ? now : occurredAt;
    }

    public EndSeries(Instant now) {
        this(now, now);
    }
}
