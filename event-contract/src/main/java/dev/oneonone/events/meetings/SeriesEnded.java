package dev.oneonone.events.meetings;

import dev.oneonone.events.MayBeAbsent;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The two people stopped meeting; the series accepts no more changes and stays in the history.
 *
 * @param reason  why; absent in events recorded before reasons existed (then: ended by a participant)
 * @param endedOn the first day, in the series' time zone, on which the series no longer runs (for a leaver: the day
 *                after their last day); absent in older events (then the day of {@code ce_time})
 */
public record SeriesEnded(UUID seriesId, @MayBeAbsent SeriesEndReason reason, @MayBeAbsent LocalDate endedOn)
        implements SeriesEvent {
    /** An end without reason or date (events recorded before they existed). */
    public SeriesEnded(UUID seriesId) {
        this(seriesId, null, null);
    }
}
