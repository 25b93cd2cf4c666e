package dev.oneonone.meetings.domain.series;

import java.time.Instant;

/**
 * A command on a series. {@code now} is the wall clock the rules are checked against;
 * {@link #occurredAt()} is when the change happened in the domain, which the events record
 * (e.g. the real start of a meeting recorded as held a day later, or an imported date).
 */
public interface SeriesCommand {
    Instant now();

    Instant occurredAt();
}
