package dev.oneonone.meetings.domain.series;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.oneonone.events.meetings.CadenceChanged;
import dev.oneonone.events.meetings.MeetingRescheduled;
import dev.oneonone.events.meetings.MeetingScheduled;
import dev.oneonone.events.meetings.MeetingsEvent;
import dev.oneonone.events.meetings.SeriesPaused;
import dev.oneonone.events.meetings.SeriesResumed;
import dev.oneonone.events.meetings.SeriesStarted;
import dev.oneonone.meetings.domain.Decision;

/**
 * A series driven through its aggregate in tests, with each event's time: what the projection folds into the rows
 * planned slots are derived from, folded here the same way (the same {@link PlannedSlots} rules).
 */
final class SeriesHistory {
    private final List<MeetingsEvent> events = new ArrayList<>();
    private final List<PlannedSlots.Rhythm> rhythms = new ArrayList<>();
    private final List<PlannedSlots.Pause> pauses = new ArrayList<>();
    /** meeting id to {first scheduled for, scheduled for now} */
    private final Map<UUID, Instant[]> meetings = new LinkedHashMap<>();
    private Series series;
    private SeriesStarted started;

    SeriesHistory(SeriesStarted started) {
        record(List.of(started), Instant.EPOCH);
    }

    Series series() {
        return series;
    }

    ZoneId zone() {
        return ZoneId.of(started.timeZone());
    }

    /** Lets the series decide; records the events when accepted. Answers whether it was. */
    boolean decide(Decision decision, Instant at) {
        if (decision instanceof Decision.Accepted accepted) {
            record(accepted.events(), at);
            return true;
        }
        return false;
    }

    Map<UUID, Instant[]> meetings() {
        return meetings;
    }

    List<PlannedSlots.Pause> pauses() {
        return pauses;
    }

    PlannedSlots plannedSlots() {
        return PlannedSlots.of(zone(), started.preferredWeekday(), rhythms, pauses,
                meetings.values().stream().map(m -> new PlannedSlots.Trace(m[0], m[1])).toList());
    }

    private void record(List<MeetingsEvent> newEvents, Instant at) {
        events.addAll(newEvents);
        series = Series.from(events);
        for (MeetingsEvent event : newEvents) {
            if (event instanceof SeriesStarted s) {
                started = s;
                rhythms.add(PlannedSlots.rhythmOf(s));
            } else if (event instanceof CadenceChanged changed) {
                rhythms.add(PlannedSlots.rhythmOf(changed, at, zone(), started.startsOn()));
            } else if (event instanceof SeriesPaused paused) {
                pauses.add(new PlannedSlots.Pause(paused.from(), paused.until()));
            } else if (event instanceof SeriesResumed resumed) {
                pauses.stream().filter(p -> !resumed.resumedOn().isBefore(p.from()) && !resumed.resumedOn().isAfter(p.until()))
                        .findFirst().ifPresent(p -> {
                            pauses.remove(p);
                            if (!resumed.resumedOn().minusDays(1).isBefore(p.from())) {
                                pauses.add(new PlannedSlots.Pause(p.from(), resumed.resumedOn().minusDays(1)));
                            }
                        });
            } else if (event instanceof MeetingScheduled scheduled) {
                meetings.put(scheduled.meetingId(), new Instant[] { scheduled.scheduledFor(), scheduled.scheduledFor() });
            } else if (event instanceof MeetingRescheduled moved) {
                meetings.get(moved.meetingId())[1] = moved.to();
            }
        }
    }
}
