package dev.oneonone.meetings.domain.series;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.oneonone.events.meetings.ActorRole;
import dev.oneonone.events.meetings.Cadence;
import dev.oneonone.events.meetings.CadenceChanged;
import dev.oneonone.events.meetings.CadenceRecommendation;
import dev.oneonone.events.meetings.CancelReason;
import dev.oneonone.events.meetings.MeetingCancelled;
import dev.oneonone.events.meetings.MeetingHeld;
import dev.oneonone.events.meetings.MeetingMissed;
import dev.oneonone.events.meetings.MeetingRescheduled;
import dev.oneonone.events.meetings.MeetingScheduled;
import dev.oneonone.events.meetings.MeetingsEvent;
import dev.oneonone.events.meetings.SeriesEndReason;
import dev.oneonone.events.meetings.SeriesEnded;
import dev.oneonone.events.meetings.SeriesPaused;
import dev.oneonone.events.meetings.SeriesResumed;
import dev.oneonone.events.meetings.SeriesStarted;
import dev.oneonone.meetings.domain.Decision;
import dev.oneonone.meetings.domain.Rejection;

/**
 * The 1:1 series aggregate: two people, their cadence, pauses and meetings. Commands are checked
 * against the state folded from past events; {@link #apply} never fails.
 *
 * <p>A series folded with {@link #importing()} takes history: rules that only keep the future
 * tidy ("not in the past") are skipped, every other rule holds.
 *
 * <p>Its {@link State} is bounded (issue 16): the series' own facts, its pauses and a count of its meetings, never
 * the meetings themselves. A series {@link #restore restored} from a state knows only the meetings folded after it
 * and those it is told of with {@link #know}: the caller gives every meeting the command names, the meeting that
 * starts last (for the next slot) and, to end or pause the series, every meeting still scheduled ({@link #needs}).
 */
public final class Series {
    public static final int DEFAULT_PLANNED_MINUTES = 30;
    public static final int MIN_PLANNED_MINUTES = 5;
    public static final int MAX_PLANNED_MINUTES = 240;
    public static final int MIN_ACTUAL_MINUTES = 1;
    public static final int MAX_ACTUAL_MINUTES = 480;
    public static final int MAX_PAUSE_DAYS = 366;
    public static final LocalTime DEFAULT_TIME = LocalTime.of(9, 0);

    /** Where a meeting stands. A rescheduled meeting stays scheduled, at its new start. */
    public enum MeetingStatus {
        SCHEDULED, HELD, CANCELLED, MISSED
    }

    private static final class Meeting {
        Instant firstScheduledFor;
        Instant scheduledFor;
        int plannedMinutes;
        MeetingStatus status = MeetingStatus.SCHEDULED;
    }

    /** A pause, both days included. */
    private static final class Pause {
        final LocalDate from;
        LocalDate until;

        Pause(LocalDate from, LocalDate until) {
            this.from = from;
            this.until = until;
        }

        boolean covers(LocalDate day) {
            return !day.isBefore(from) && !day.isAfter(until);
        }
    }

    private UUID id;
    private UUID leaderId;
    private UUID companionId;
    private Cadence cadence;
    /** A day the current cadence's slots fall on (PlannedSlots' anchor); null: the preferred weekday decides. */
    private LocalDate anchorOn;
    private int plannedMinutes;
    private ZoneId zone = ZoneId.of("UTC");
    private LocalDate startsOn;
    private DayOfWeek preferredWeekday;
    private LocalTime preferredTime;
    private boolean ended;
    private final List<Pause> pauses = new ArrayList<>();
    private final Map<UUID, Meeting> meetings = new LinkedHashMap<>();
    /** Meetings ever scheduled in the series; {@link #meetings} may hold only some of them (see {@link #know}). */
    private long meetingCount;
    private boolean importing;
    private long version;

    private Series() {
    }

    /** Rebuilds a series from its history, oldest first. */
    public static Series from(List<? extends MeetingsEvent> history) {
        Series series = new Series();
        history.forEach(series::apply);
        return series;
    }

    /**
     * The folded state as plain values, for a snapshot kept with the events. Change its shape or the fold and the
     * application must raise the snapshot's schema version, so that older snapshots are folded afresh.
     */
    public record State(UUID id, UUID leaderId, UUID companionId, Cadence cadence, int plannedMinutes, String zone,
            LocalDate startsOn, DayOfWeek preferredWeekday, LocalTime preferredTime, boolean ended,
            List<PauseState> pauses, long meetingCount, long version, LocalDate anchorOn) {
    }

    /** A pause in {@link State}, both days included. */
    public record PauseState(LocalDate from, LocalDate until) {
    }

    /**
     * A meeting as it stands, as the caller reads it from the meetings' read model for {@link #know}; {@code
     * firstScheduledFor} is where it was scheduled before any move.
     */
    public record MeetingState(UUID id, Instant scheduledFor, int plannedMinutes, MeetingStatus status,
            Instant firstScheduledFor) {
    }

    /**
     * How far before the last meeting's start {@link #nextSlot} looks for meetings that cover a slot's period (by
     * where they are, or were first scheduled): a period is at most four weeks (monthly), so 35 days hold every
     * meeting that can cover the first slot after the last meeting or any later one.
     */
    public static final Duration RECENT = Duration.ofDays(35);

    /**
     * What a command needs to know of the series' meetings besides the state: the meeting it names (null: none);
     * with {@code recent}, the meeting that starts last and every meeting that starts, or was first scheduled, at most
     * {@link #RECENT} before it or later (the next slot, a cadence's new anchor); with {@code allScheduled}, every
     * meeting still scheduled (ending the series; a pause, which may not hold one).
     */
    public record MeetingNeeds(UUID meetingId, boolean recent, boolean allScheduled) {
    }

    /** The meetings {@code command} is decided on; the caller gives them with {@link #know} before deciding. */
    public static MeetingNeeds needs(SeriesCommand command) {
        UUID meetingId = command instanceof ScheduleMeeting c ? c.meetingId()
                : command instanceof ScheduleNextMeeting c ? c.meetingId()
                : command instanceof RescheduleMeeting c ? c.meetingId()
                : command instanceof RecordMeetingHeld c ? c.meetingId()
                : command instanceof CancelMeeting c ? c.meetingId()
                : command instanceof RecordMeetingMissed c ? c.meetingId()
                : null;
        return new MeetingNeeds(meetingId, command instanceof ScheduleNextMeeting || command instanceof ChangeCadence,
                command instanceof EndSeries || command instanceof PauseSeries);
    }

    /**
     * This series' state, equal for equal histories: what {@link #restore} takes back. Bounded: no meeting is in
     * it, whatever the series' history.
     */
    public State state() {
        return new State(id, leaderId, companionId, cadence, plannedMinutes, zone.getId(), startsOn, preferredWeekday,
                preferredTime, ended, pauses.stream().map(p -> new PauseState(p.from, p.until)).toList(), meetingCount,
                version, anchorOn);
    }

    /**
     * Tells a series of meetings as they stand now (at this series' version), read from the meetings' read model in
     * the command's transaction: a restored series knows no meeting before its state's version. Call after folding.
     */
    public Series know(List<MeetingState> current) {
        for (MeetingState m : current) {
            Meeting meeting = new Meeting();
            meeting.scheduledFor = m.scheduledFor();
            meeting.firstScheduledFor = m.firstScheduledFor() == null ? m.scheduledFor() : m.firstScheduledFor();
            meeting.plannedMinutes = m.plannedMinutes();
            meeting.status = m.status();
            meetings.put(m.id(), meeting);
        }
        return this;
    }

    /** The meetings this series knows, as they stand (all of them when folded from the first event). */
    public List<MeetingState> knownMeetings() {
        return meetings.entrySet().stream().map(e -> new MeetingState(e.getKey(), e.getValue().scheduledFor,
                e.getValue().plannedMinutes, e.getValue().status, e.getValue().firstScheduledFor)).toList();
    }

    /** The series as it was at a snapshot's version; fold the events after it with {@link #apply}. */
    public static Series restore(State state) {
        Series series = new Series();
        series.id = state.id();
        series.leaderId = state.leaderId();
        series.companionId = state.companionId();
        series.cadence = state.cadence();
        series.anchorOn = state.anchorOn();
        series.plannedMinutes = state.plannedMinutes();
        series.zone = ZoneId.of(state.zone());
        series.startsOn = state.startsOn();
        series.preferredWeekday = state.preferredWeekday();
        series.preferredTime = state.preferredTime();
        series.ended = state.ended();
        state.pauses().forEach(p -> series.pauses.add(new Pause(p.from(), p.until())));
        series.meetingCount = state.meetingCount();
        series.version = state.version();
        return series;
    }

    /** This series, taking imported history from now on: past dates are allowed. */
    public Series importing() {
        importing = true;
        return this;
    }

    // ---- series ---------------------------------------------------------------------------

    public static Decision start(StartSeries command) {
        if (command.leaderId().equals(command.companionId())) {
            return Decision.reject(Rejection.ofField("companionId", "same-person",
                    "A 1:1 needs two different people; leader and companion are the same person."));
        }
        int minutes = command.plannedMinutes() == null ? DEFAULT_PLANNED_MINUTES : command.plannedMinutes();
        if (minutes < MIN_PLANNED_MINUTES || minutes > MAX_PLANNED_MINUTES) {
            return Decision.reject(plannedOutOfRange());
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
                command.relationship(), command.cadence(), minutes, zone.getId(), startsOn,
                command.preferredWeekday(), command.preferredTime()));
    }

    public Decision changeCadence(ChangeCadence command) {
        if (ended) {
            return Decision.reject(seriesEnded());
        }
        if (command.to() == cadence) {
            return Decision.reject(Rejection.ofField("cadence", "cadence-unchanged",
                    "The series already meets " + cadence + "."));
        }
        CadenceRecommendation advice = command.recommendation();
        boolean fits = advice == null || switch (advice) {
            case STEP_DOWN_FROM_DAILY -> cadence == Cadence.DAILY;
            case SWITCH_TO_BIWEEKLY -> command.to() == Cadence.BIWEEKLY;
            case CLOSE_THE_GAP -> command.to().intervalDays() < cadence.intervalDays();
            case NONE -> true;
        };
        if (!fits) {
            return Decision.reject(Rejection.ofField("recommendation", "recommendation-does-not-fit",
                    advice + " does not describe a change from " + cadence + " to " + command.to() + "."));
        }
        // the new cadence is in phase with the day /meetings/next would choose now (pauses aside)
        LocalDate anchor = firstDayAfterLast(command.to(), today(command.now()));
        return Decision.accept(new CadenceChanged(id, cadence, command.to(), advice, anchor));
    }

    public Decision pause(PauseSeries command) {
        if (ended) {
            return Decision.reject(seriesEnded());
        }
        if (command.until().isBefore(command.from())) {
            return Decision.reject(Rejection.ofField("until", "pause-ends-before-it-starts",
                    "A pause ends on or after the day it starts."));
        }
        if (!importing && command.until().isBefore(today(command.now()))) {
            return Decision.reject(Rejection.ofField("until", "pause-in-the-past",
                    "A pause cannot end in the past."));
        }
        if (ChronoUnit.DAYS.between(command.from(), command.until()) + 1 > MAX_PAUSE_DAYS) {
            return Decision.reject(Rejection.ofField("until", "pause-too-long",
                    "A pause lasts at most " + MAX_PAUSE_DAYS + " days; end the series instead."));
        }
        for (Pause pause : pauses) {
            if (!command.from().isAfter(pause.until) && !command.until().isBefore(pause.from)) {
                return Decision.reject(Rejection.ofField("from", "pauses-overlap",
                        "The series is already paused from " + pause.from + " to " + pause.until + "."));
            }
        }
        // no meeting may be scheduled on a paused day (series-paused), so a pause is not set over one either
        if (!importing) {
            List<String> inPause = meetings.entrySet().stream()
                    .filter(e -> e.getValue().status == MeetingStatus.SCHEDULED)
                    .filter(e -> {
                        LocalDate on = LocalDate.ofInstant(e.getValue().scheduledFor, zone);
                        return !on.isBefore(command.from()) && !on.isAfter(command.until());
                    })
                    .sorted(Comparator.comparing((Map.Entry<UUID, Meeting> e) -> e.getValue().scheduledFor)
                            .thenComparing(Map.Entry::getKey))
                    .map(e -> e.getKey() + " (" + e.getValue().scheduledFor + ")").toList();
            if (!inPause.isEmpty()) {
                return Decision.reject(Rejection.ofField("from", "meetings-in-pause", "Meetings are scheduled within the pause: "
                        + String.join(", ", inPause) + "; move or cancel them first."));
            }
        }
        return Decision.accept(new SeriesPaused(id, command.from(), command.until()));
    }

    public Decision resume(ResumeSeries command) {
        if (ended) {
            return Decision.reject(seriesEnded());
        }
        // resume ends the current pause (the one covering today), never a later one
        LocalDate today = today(command.now());
        Pause current = pauseCovering(today);
        if (current == null) {
            return Decision.reject(Rejection.of("not-paused", "The series is not paused today (" + today + ")."));
        }
        LocalDate on = command.on() != null ? command.on() : today;
        if (!current.covers(on)) {
            return Decision.reject(Rejection.ofField("on", "resume-outside-current-pause", "The current pause runs from "
                    + current.from + " to " + current.until + "; resume on a day within it."));
        }
        return Decision.accept(new SeriesResumed(id, on));
    }

    public Decision end(EndSeries command) {
        if (ended) {
            return Decision.reject(seriesEnded());
        }
        LocalDate endedOn = command.endedOn() != null ? command.endedOn()
                : LocalDate.ofInstant(command.occurredAt(), zone);
        // a leaver's meetings from the day the series ends; a participant's: every one still ahead
        Instant from = command.reason() == SeriesEndReason.EMPLOYMENT_ENDED ? endedOn.atStartOfDay(zone).toInstant()
                : command.now();
        ActorRole role = roleOf(command.byPersonId());
        List<MeetingsEvent> events = new ArrayList<>();
        meetings.entrySet().stream()
                .filter(e -> e.getValue().status == MeetingStatus.SCHEDULED && !e.getValue().scheduledFor.isBefore(from))
                .sorted(Comparator.comparing((Map.Entry<UUID, Meeting> e) -> e.getValue().scheduledFor)
                        .thenComparing(Map.Entry::getKey).reversed())
                .forEach(e -> events.add(new MeetingCancelled(id, e.getKey(), role == null ? ActorRole.INTEGRATION : role,
                        role == null ? null : command.byPersonId(), CancelReason.SERIES_ENDED)));
        events.add(new SeriesEnded(id, command.reason(), endedOn));
        return new Decision.Accepted(events);
    }

    // ---- meetings -------------------------------------------------------------------------

    public Decision schedule(ScheduleMeeting command) {
        if (ended) {
            return Decision.reject(seriesEnded());
        }
        if (meetings.containsKey(command.meetingId())) {
            return Decision.reject(Rejection.ofField("meetingId", "meeting-exists",
                    "This series already has a meeting with that id."));
        }
        if (!importing && command.scheduledFor().isBefore(command.now())) {
            return Decision.reject(Rejection.ofField("scheduledFor", "meeting-in-the-past",
                    "A meeting is scheduled for the future; record a past meeting as held instead."));
        }
        int minutes = command.plannedMinutes() == null ? plannedMinutes : command.plannedMinutes();
        if (minutes < MIN_PLANNED_MINUTES || minutes > MAX_PLANNED_MINUTES) {
            return Decision.reject(plannedOutOfRange());
        }
        if (!importing && beforeStart(command.scheduledFor())) {
            return Decision.reject(beforeSeriesStart("scheduledFor"));
        }
        if (isPaused(command.scheduledFor())) {
            return Decision.reject(pausedThen("scheduledFor", command.scheduledFor()));
        }
        return Decision.accept(new MeetingScheduled(id, command.meetingId(), command.scheduledFor(), minutes,
                meetingCount == 0));
    }

    /**
     * Schedules the next meeting from the cadence, by the rule the calendar feed's planned slots follow
     * ({@link PlannedSlots}): the first slot of the current cadence after the last meeting's day (in phase with the
     * cadence's anchor every 1, 2 or 4 weeks; DAILY: a working day) whose period holds no meeting (where one was first
     * scheduled or is now) and no pause, and that starts after now; at the preferred time (else the last meeting's
     * time of day, else 09:00) in the series' zone. A series with neither a preferred weekday nor a cadence change
     * (so no anchor, and no planned slots in its feed) takes the last meeting's day plus the cadence's interval on a
     * working day instead, skipping paused and past days.
     */
    public Decision scheduleNext(ScheduleNextMeeting command) {
        if (ended) {
            return Decision.reject(seriesEnded());
        }
        return schedule(new ScheduleMeeting(command.meetingId(), nextSlot(command.now()), null, command.now()));
    }

    /** The slot {@link #scheduleNext} would choose at {@code now}. */
    public Instant nextSlot(Instant now) {
        Meeting last = lastMeeting();
        LocalTime time = preferredTime != null ? preferredTime
                : last != null ? last.scheduledFor.atZone(zone).toLocalTime() : DEFAULT_TIME;
        int weeks = PlannedSlots.weeksOf(cadence);
        // in rhythm: the calendar feed's planned slots (PlannedSlots) and this proposal are one rule
        boolean inRhythm = weeks == 0 || anchorOn != null;
        LocalDate day = last == null ? inPhase(startsOn.isAfter(today(now)) ? startsOn : today(now))
                : inRhythm ? inPhase(last.scheduledFor.atZone(zone).toLocalDate().plusDays(1))
                : firstDayAfterLast(cadence, today(now));
        // never before the series starts (a meeting before its start, accepted before that was refused, counts only
        // as the last meeting): the first slot on or after the start, in phase
        if (day.isBefore(startsOn)) {
            day = inPhase(startsOn);
        }
        // a few years of days at most: pauses are bounded and the loop moves forward every round
        for (int round = 0; round < 5_000; round++) {
            Pause pause = pauseCovering(day);
            if (pause != null) {
                day = inPhase(pause.until.plusDays(1));
                continue;
            }
            if (inRhythm && periodHoldsAMeeting(day, weeks)) {
                day = inPhase(day.plusDays(1));
                continue;
            }
            ZonedDateTime slot = day.atTime(time).atZone(zone);
            if (!slot.toInstant().isAfter(now)) {
                day = inPhase(day.plusDays(1));
                continue;
            }
            return slot.toInstant();
        }
        throw new IllegalStateException("No free slot found for series " + id);
    }

    public Decision reschedule(RescheduleMeeting command) {
        Rejection refused = refuseChangeOfMeeting(command.meetingId());
        if (refused != null) {
            return Decision.reject(refused);
        }
        Meeting meeting = meetings.get(command.meetingId());
        if (command.reason() == null) {
            return Decision.reject(Rejection.ofField("reason", "reason-required", "Say why the meeting moves."));
        }
        if (!importing && meeting.scheduledFor.isBefore(command.now())) {
            return Decision.reject(Rejection.of("meeting-in-the-past",
                    "The meeting has already started; record it as held or cancelled instead."));
        }
        if (!importing && command.to().isBefore(command.now())) {
            return Decision.reject(Rejection.ofField("to", "meeting-in-the-past",
                    "A meeting is moved to the future."));
        }
        if (command.to().equals(meeting.scheduledFor)) {
            return Decision.reject(Rejection.ofField("to", "same-time", "The meeting is already at that time."));
        }
        if (!importing && beforeStart(command.to())) {
            return Decision.reject(beforeSeriesStart("to"));
        }
        if (isPaused(command.to())) {
            return Decision.reject(pausedThen("to", command.to()));
        }
        ActorRole role = roleOf(command.byPersonId());
        if (role == null) {
            return Decision.reject(notAParticipant());
        }
        return Decision.accept(new MeetingRescheduled(id, command.meetingId(), meeting.scheduledFor, command.to(),
                role, command.byPersonId(), command.reason()));
    }

    public Decision recordHeld(RecordMeetingHeld command) {
        if (ended) {
            return Decision.reject(seriesEnded());
        }
        Meeting meeting = meetings.get(command.meetingId());
        if (meeting == null) {
            return Decision.reject(unknownMeeting());
        }
        if (meeting.status == MeetingStatus.HELD) {
            return Decision.reject(Rejection.of("meeting-already-held", "The meeting is already recorded as held."));
        }
        if (meeting.status == MeetingStatus.CANCELLED) {
            return Decision.reject(Rejection.of("meeting-cancelled", "A cancelled meeting cannot be held."));
        }
        // a MISSED meeting may still be recorded held: the record came in after the sweep
        if (command.heldAt() == null) {
            return Decision.reject(Rejection.ofField("heldAt", "held-at-required", "Say when the meeting took place."));
        }
        if (command.heldAt().isAfter(command.now())) {
            return Decision.reject(Rejection.ofField("heldAt", "held-in-the-future",
                    "A meeting is recorded as held once it took place."));
        }
        if (command.heldAt().isBefore(startsOn.atStartOfDay(zone).toInstant())) {
            return Decision.reject(Rejection.ofField("heldAt", "held-before-series-start",
                    "The series starts on " + startsOn + "."));
        }
        Integer minutes = command.actualMinutes();
        if (minutes == null || minutes < MIN_ACTUAL_MINUTES || minutes > MAX_ACTUAL_MINUTES) {
            return Decision.reject(Rejection.ofField("actualMinutes", "actual-duration-out-of-range",
                    "A held meeting lasted " + MIN_ACTUAL_MINUTES + " to " + MAX_ACTUAL_MINUTES + " minutes."));
        }
        if (command.mode() == null) {
            return Decision.reject(Rejection.ofField("mode", "mode-required", "Say whether it was in person or remote."));
        }
        return Decision.accept(new MeetingHeld(id, command.meetingId(), command.heldAt(), minutes, command.mode()));
    }

    public Decision cancel(CancelMeeting command) {
        Rejection refused = refuseChangeOfMeeting(command.meetingId());
        if (refused != null) {
            return Decision.reject(refused);
        }
        if (command.reason() == null) {
            return Decision.reject(Rejection.ofField("reason", "reason-required", "Say why the meeting is cancelled."));
        }
        if (command.reason() == CancelReason.SERIES_ENDED) {
            return Decision.reject(Rejection.ofField("reason", "reason-reserved",
                    "SERIES_ENDED is recorded by the service when a series ends; choose another reason."));
        }
        ActorRole role = roleOf(command.byPersonId());
        if (role == null) {
            return Decision.reject(notAParticipant());
        }
        return Decision.accept(new MeetingCancelled(id, command.meetingId(), role, command.byPersonId(),
                command.reason()));
    }

    public Decision recordMissed(RecordMeetingMissed command) {
        Rejection refused = refuseChangeOfMeeting(command.meetingId());
        if (refused != null) {
            return Decision.reject(refused);
        }
        Meeting meeting = meetings.get(command.meetingId());
        Instant over = meeting.scheduledFor.plus(Duration.ofMinutes(meeting.plannedMinutes)).plus(command.grace());
        if (!over.isBefore(command.now())) {
            return Decision.reject(Rejection.of("meeting-not-over",
                    "The meeting counts as missed only " + command.grace() + " after its planned end."));
        }
        return Decision.accept(new MeetingMissed(id, command.meetingId(), meeting.scheduledFor));
    }

    /** The planned end of a meeting, or null when the series has no such meeting. */
    public Instant plannedEndOf(UUID meetingId) {
        Meeting meeting = meetings.get(meetingId);
        return meeting == null ? null : meeting.scheduledFor.plus(Duration.ofMinutes(meeting.plannedMinutes));
    }

    // ---- folding --------------------------------------------------------------------------

    public void apply(MeetingsEvent event) {
        if (event instanceof SeriesStarted started) {
            id = started.seriesId();
            leaderId = started.leaderId();
            companionId = started.companionId();
            cadence = started.cadence();
            plannedMinutes = started.plannedMinutes();
            zone = ZoneId.of(started.timeZone());
            startsOn = started.startsOn();
            preferredWeekday = started.preferredWeekday();
            preferredTime = started.preferredTime();
            // the first rhythm's anchor, as PlannedSlots derives it: the first preferred weekday from the start
            anchorOn = preferredWeekday == null ? null : startsOn.with(TemporalAdjusters.nextOrSame(preferredWeekday));
        } else if (event instanceof CadenceChanged changed) {
            cadence = changed.to();
            anchorOn = changed.anchorOn();
        } else if (event instanceof SeriesPaused paused) {
            pauses.add(new Pause(paused.from(), paused.until()));
        } else if (event instanceof SeriesResumed resumed) {
            Pause pause = pauseCovering(resumed.resumedOn());
            if (pause != null) {
                pause.until = resumed.resumedOn().minusDays(1);
                if (pause.until.isBefore(pause.from)) {
                    pauses.remove(pause);
                }
            }
        } else if (event instanceof SeriesEnded) {
            ended = true;
        } else if (event instanceof MeetingScheduled scheduled) {
            Meeting meeting = new Meeting();
            meeting.scheduledFor = scheduled.scheduledFor();
            meeting.firstScheduledFor = scheduled.scheduledFor();
            meeting.plannedMinutes = scheduled.plannedMinutes();
            meetings.put(scheduled.meetingId(), meeting);
            meetingCount++;
        } else if (event instanceof MeetingRescheduled rescheduled) {
            withMeeting(rescheduled.meetingId(), m -> m.scheduledFor = rescheduled.to());
        } else if (event instanceof MeetingHeld held) {
            withMeeting(held.meetingId(), m -> m.status = MeetingStatus.HELD);
        } else if (event instanceof MeetingCancelled cancelled) {
            withMeeting(cancelled.meetingId(), m -> m.status = MeetingStatus.CANCELLED);
        } else if (event instanceof MeetingMissed missed) {
            withMeeting(missed.meetingId(), m -> m.status = MeetingStatus.MISSED);
        }
        version++;
    }

    private void withMeeting(UUID meetingId, java.util.function.Consumer<Meeting> change) {
        Meeting meeting = meetings.get(meetingId);
        if (meeting != null) {
            change.accept(meeting);
        }
    }

    // ---- helpers --------------------------------------------------------------------------

    /** Why a scheduled meeting cannot change, or null when it can. */
    private Rejection refuseChangeOfMeeting(UUID meetingId) {
        if (ended) {
            return seriesEnded();
        }
        Meeting meeting = meetings.get(meetingId);
        if (meeting == null) {
            return unknownMeeting();
        }
        return switch (meeting.status) {
            case SCHEDULED -> null;
            case HELD -> Rejection.of("meeting-already-held", "The meeting was held; it cannot change any more.");
            case CANCELLED -> Rejection.of("meeting-cancelled", "The meeting was cancelled; it cannot change any more.");
            case MISSED -> Rejection.of("meeting-missed", "The meeting passed without being held; record it as held if it was.");
        };
    }

    private ActorRole roleOf(UUID personId) {
        if (personId == null) {
            return ActorRole.INTEGRATION;
        }
        if (personId.equals(leaderId)) {
            return ActorRole.LEADER;
        }
        return personId.equals(companionId) ? ActorRole.COMPANION : null;
    }

    private LocalDate today(Instant now) {
        return LocalDate.ofInstant(now, zone);
    }

    /** Whether an instant falls on a day before the series starts (in its zone). */
    private boolean beforeStart(Instant at) {
        return LocalDate.ofInstant(at, zone).isBefore(startsOn);
    }

    private Rejection beforeSeriesStart(String field) {
        return Rejection.ofField(field, "before-series-start", "The series starts on " + startsOn
                + "; a meeting takes place on or after that day.");
    }

    private boolean isPaused(Instant at) {
        return pauseCovering(LocalDate.ofInstant(at, zone)) != null;
    }

    private Pause pauseCovering(LocalDate day) {
        return pauses.stream().filter(p -> p.covers(day)).findFirst().orElse(null);
    }

    /**
     * The day of the next meeting at a cadence, pauses and the clock aside: the last meeting's day (by start, whatever
     * became of it) plus the cadence's interval (DAILY: the next working day) on the nearest preferred weekday; with no
     * meeting yet, the first day on or after the series' start and {@code today} a meeting of that cadence may fall on.
     */
    private LocalDate firstDayAfterLast(Cadence at, LocalDate today) {
        Meeting last = lastMeeting();
        if (last == null) {
            return align(at, startsOn.isAfter(today) ? startsOn : today);
        }
        LocalDate lastDay = last.scheduledFor.atZone(zone).toLocalDate();
        return at == Cadence.DAILY ? nextWorkingDay(lastDay) : nearestPreferred(at, lastDay.plusDays(at.intervalDays()));
    }

    /** Whether a meeting was first scheduled, or is now, in the period of the slot {@code day} (PlannedSlots' "covered"). */
    private boolean periodHoldsAMeeting(LocalDate day, int weeks) {
        LocalDate start = PlannedSlots.periodStart(day, weeks);
        LocalDate end = weeks == 0 ? day : start.plusWeeks(weeks).minusDays(1);
        for (Meeting meeting : meetings.values()) {
            for (Instant at : new Instant[] { meeting.firstScheduledFor, meeting.scheduledFor }) {
                LocalDate on = LocalDate.ofInstant(at, zone);
                if (!on.isBefore(start) && !on.isAfter(end)) {
                    return true;
                }
            }
        }
        return false;
    }

    private Meeting lastMeeting() {
        return meetings.values().stream().max(Comparator.comparing(m -> m.scheduledFor)).orElse(null);
    }

    /**
     * The first day on or after {@code day} that is a slot of the current cadence, as the calendar feed's planned slots
     * count them ({@link PlannedSlots}): in phase with the cadence's anchor every 1, 2 or 4 weeks; DAILY, or without
     * an anchor, the first day the cadence may fall on. So a pause or the clock never puts a biweekly or monthly
     * series out of phase.
     */
    private LocalDate inPhase(LocalDate day) {
        int weeks = PlannedSlots.weeksOf(cadence);
        if (weeks == 0 || anchorOn == null) {
            return align(cadence, day);
        }
        long step = 7L * weeks;
        return day.plusDays(Math.floorMod(ChronoUnit.DAYS.between(day, anchorOn), step));
    }

    /** The first day on or after {@code day} a meeting of the cadence may fall on. */
    private LocalDate align(Cadence at, LocalDate day) {
        if (at != Cadence.DAILY && preferredWeekday != null) {
            int ahead = (preferredWeekday.getValue() - day.getDayOfWeek().getValue() + 7) % 7;
            return day.plusDays(ahead);
        }
        return isWeekend(day) ? nextWorkingDay(day) : day;
    }

    /** The preferred weekday nearest to {@code day} (at most three days off), else a working day. */
    private LocalDate nearestPreferred(Cadence at, LocalDate day) {
        if (preferredWeekday == null) {
            return align(at, day);
        }
        int ahead = (preferredWeekday.getValue() - day.getDayOfWeek().getValue() + 7) % 7;
        return ahead > 3 ? day.plusDays(ahead - 7L) : day.plusDays(ahead);
    }

    private static LocalDate nextWorkingDay(LocalDate day) {
        LocalDate next = day.plusDays(1);
        while (isWeekend(next)) {
            next = next.plusDays(1);
        }
        return next;
    }

    private static boolean isWeekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    private static Rejection plannedOutOfRange() {
        return Rejection.ofField("plannedMinutes", "planned-duration-out-of-range",
                "A meeting is planned for " + MIN_PLANNED_MINUTES + " to " + MAX_PLANNED_MINUTES + " minutes.");
    }

    private static Rejection seriesEnded() {
        return Rejection.of("series-ended", "The series has ended; it accepts no more changes.");
    }

    private static Rejection unknownMeeting() {
        return Rejection.ofField("meetingId", "unknown-meeting", "The series has no meeting with that id.");
    }

    private static Rejection notAParticipant() {
        return Rejection.of("not-a-participant", "Only the two people of the series or an integration change its meetings.");
    }

    private Rejection pausedThen(String field, Instant at) {
        return Rejection.ofField(field, "series-paused",
                "The series is paused on " + LocalDate.ofInstant(at, zone) + ".");
    }

    public UUID id() {
        return id;
    }

    public Cadence cadence() {
        return cadence;
    }

    /** The first day of the series (in its zone): no meeting before it, and /meetings/next never proposes one. */
    public LocalDate startsOn() {
        return startsOn;
    }

    public boolean ended() {
        return ended;
    }

    public long version() {
        return version;
    }
}
