package dev.oneonone.events.meetings;

import dev.oneonone.events.MayBeAbsent;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The series' cadence changed. {@code recommendation} is the advice the change follows, or null
 * when it follows none. {@code anchorOn} (a day in the series' time zone) is the day of the first
 * meeting at the new cadence as the change planned it (the day {@code POST /series/{id}/meetings/next}
 * would have chosen then, pauses aside); planned slots of the new cadence are in phase with it. Absent
 * in events recorded before it existed: the new cadence then counts from the day of the change.
 */
public record CadenceChanged(
        UUID seriesId,
        Cadence from,
        Cadence to,
        @MayBeAbsent CadenceRecommendation recommendation,
        @MayBeAbsent LocalDate anchorOn) implements SeriesEvent {

    /** A change without an anchor, as recorded before anchors existed. */
    public CadenceChanged(UUID seriesId, Cadence from, Cadence to, CadenceRecommendation recommendation) {
        this(seriesId, from, to, recommendation, null);
    }
}
