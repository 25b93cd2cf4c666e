package dev.oneonone.meetings.domain;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.oneonone.events.meetings.Cadence;
import dev.oneonone.events.meetings.MeetingScheduled;
import dev.oneonone.events.meetings.MeetingsEvent;
import dev.oneonone.events.meetings.SeriesStarted;

/**
 * The 1:1 series aggregate: two people, their cadence and their meetings. Commands are checked
 * against the state folded from past events; {@link #apply} never fails.
 */
public final class Series {
    public static final int DEFAULT_PLANNED_MINUTES = 30;
    public static final int MIN_PLANNED_MINUTES = 5;
    public static final int MAX_PLANNED_MINUTES = 240;

    private UUID id;
    private Cadence cadence;
    private int plannedMinutes;
    private final Map<UUID, Instant> meetings = new LinkedHashMap<>();
    private long version;

    private Series() {
    }

    /** Rebuilds a series from its history, oldest first. */
    public static Series from(List<? extends MeetingsEvent> history) {
        Series series = new Series();
        history.forEach(series::apply);
        return series;
    }

    public static Decision start(StartSeries command) {
        if (command.leaderId().equals(command.companionId())) {
            return Decision.reject(Rejection.ofField("companionId", "same-person",
                    "A 1:1 needs two different people; leader and companion are the same person."));
        }
        int minutes = command.plannedMinutes() == null ? DEFAULT_PLANNED_MINUTES : command.plannedMinutes();
        if (minutes < MIN_PLANNED_MINUTES || minutes > MAX_PLANNED_MINUTES) {
            return Decision.reject(Rejection.ofField("plannedMinutes", "planned-duration-out-of-range",
                    "A meeting is planned for " + MIN_PLANNED_MINUTES + " to " + MAX_PLANNED_MINUTES + " minutes."));
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(command.timeZone());
        } catch (DateTimeException e) {
            return Decision.reject(Rejection.ofField("timeZone", "unknown-time-zone",
                    "'" + command.timeZone() + "' is not a known time zone; use an IANA name such as Europe/Berlin."));
        }
        LocalDate startsOn = command.startsOn() != null ? command.startsOn() : LocalDate.ofInstant(command.now(), zone);
        return Decision.accept(new SeriesStarted(command.seriesId(), command.leaderId(), command.companionId(),
                command.relationship(), command.cadence(), minutes, zone.getId(), startsOn));
    }

    public Decision schedule(ScheduleMeeting command) {
        if (meetings.containsKey(command.meetingId())) {
            return Decision.reject(Rejection.ofField("meetingId", "meeting-exists",
                    "This series already has a meeting with that id."));
        }
        if (command.scheduledFor().isBefore(command.now())) {
            return Decision.reject(Rejection.ofField("scheduledFor", "meeting-in-the-past",
                    "A meeting is scheduled for the future; record a past meeting as held instead."));
        }
        int minutes = command.plannedMinutes() == null ? plannedMinutes : command.plannedMinutes();
        if (minutes < MIN_PLANNED_MINUTES || minutes > MAX_PLANNED_MINUTES) {
            return Decision.reject(Rejection.ofField("plannedMinutes", "planned-duration-out-of-range",
                    "A meeting is planned for " + MIN_PLANNED_MINUTES + " to " + MAX_PLANNED_MINUTES + " minutes."));
        }
        return Decision.accept(new MeetingScheduled(id, command.meetingId(), command.scheduledFor(), minutes,
                meetings.isEmpty()));
    }

    public void apply(MeetingsEvent event) {
        if (event instanceof SeriesStarted started) {
            id = started.seriesId();
            cadence = started.cadence();
            plannedMinutes = started.plannedMinutes();
        } else if (event instanceof MeetingScheduled scheduled) {
            meetings.put(scheduled.meetingId(), scheduled.scheduledFor());
        }
        version++;
    }

    public UUID id() {
        return id;
    }

    public Cadence cadence() {
        return cadence;
    }

    public long version() {
        return version;
    }
}
