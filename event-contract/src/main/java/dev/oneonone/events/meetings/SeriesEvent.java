package dev.oneonone.events.meetings;

import java.util.UUID;

/** An event of a 1:1 series and its meetings; the series is the aggregate. */
public sealed interface SeriesEvent extends MeetingsEvent permits SeriesStarted, CadenceChanged, SeriesPaused,
        SeriesResumed, SeriesEnded, MeetingScheduled, MeetingRescheduled, MeetingHeld, MeetingCancelled, MeetingMissed {
    String AGGREGATE_TYPE = "series";

    UUID seriesId();

    @Override
    default UUID aggregateId() {
        return seriesId();
    }

    @Override
    default String aggregateType() {
        return AGGREGATE_TYPE;
    }
}
