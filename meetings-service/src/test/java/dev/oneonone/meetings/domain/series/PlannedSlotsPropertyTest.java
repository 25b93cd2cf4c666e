package dev.oneonone.meetings.domain.series;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.SplittableRandom;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.oneonone.events.meetings.Cadence;
import dev.oneonone.events.meetings.CadenceChanged;
import dev.oneonone.events.meetings.CancelReason;
import dev.oneonone.events.meetings.MeetingMode;
import dev.oneonone.events.meetings.Relationship;
import dev.oneonone.events.meetings.RescheduleReason;
import dev.oneonone.events.meetings.SeriesStarted;
import dev.oneonone.kit.property.StepSequences;
import dev.oneonone.meetings.domain.Decision;

/**
 * Issue 14: random sequences of schedule, move, cancel, hold, missed, cadence change and pause on a series, driven
 * through the {@link Series} aggregate (refusals included), and the invariants of its planned slots. Run by the kit's
 * {@link StepSequences}: each step is drawn from its own seed against the state the steps before it left, and a failing
 * sequence is shrunk to the fewest steps that still fail, reported with the seeds that replay it.
 */
class PlannedSlotsPropertyTest {
    private static final int SEQUENCES = 400;
    private static final int STEPS = 60;
    private static final String[] NO_STEPS = {};
    private static final List<String> ZONES = List.of("Europe/Berlin", "America/New_York", "Australia/Lord_Howe",
            "Asia/Kolkata", "UTC", "Pacific/Chatham");
    private static final UUID LEADER = UUID.fromString("00000000-0000-0000-0000-0000000000b1");

    /** Any sequence: no slot in a pause, none in a week a real or moved meeting covers, slots in phase with the anchor. */
    @Test
    void planned_slots_avoid_pauses_and_covered_weeks_and_follow_the_latest_anchor() {
        Set<String> kinds = new TreeSet<>();
        StepSequences.check(SEQUENCES, STEPS, (setupSeed, stepSeeds) -> {
            Run run = new Run(new SplittableRandom(setupSeed), false);
            for (long stepSeed : stepSeeds) {
                run.random = new SplittableRandom(stepSeed);
                run.anyStep();
            }
            run.taken.forEach(step -> kinds.add(step.split(" ")[0]));
            String where = "steps " + String.join(", ", run.taken.toArray(NO_STEPS));
            PlannedSlots slots = run.history.plannedSlots();
            List<LocalDate> days = slots.between(run.startsOn, run.horizon());
            List<LocalDate> traced = run.tracedDays();
            for (LocalDate slot : days) {
                assertFalse(run.paused(slot), where + ": slot " + slot + " in a pause");
                LocalDate monday = monday(slot);
                assertFalse(traced.stream().anyMatch(day -> monday(day).equals(monday)),
                        where + ": slot " + slot + " in a week a meeting covers");
            }
            PlannedSlots.Stretch latest = slots.stretches().get(slots.stretches().size() - 1);
            for (LocalDate slot : days) {
                if (!slot.isBefore(latest.firstSlot())) {
                    assertEquals(0, ChronoUnit.DAYS.between(latest.firstSlot(), slot) % (7L * latest.weeks()),
                            where + ": slot " + slot + " out of phase with " + latest);
                }
            }
            if (run.lastAnchor != null) {
                assertEquals(0, Math.floorMod(ChronoUnit.DAYS.between(run.lastAnchor, latest.firstSlot()), 7L * latest.weeks()),
                        where + ": the latest stretch is in phase with the change's anchor");
            }
        });
        assertEquals(Set.of("cadence", "cancel", "hold", "missed", "move", "pause", "schedule"), kinds, "every kind of step taken");
    }

    /** A weekly series that meets weekly (one meeting a week, moved within its week at most): one entry per week. */
    @Test
    void a_weekly_series_that_meets_weekly_shows_exactly_one_entry_per_week() {
        Set<String> kinds = new TreeSet<>();
        StepSequences.check(SEQUENCES, STEPS, (setupSeed, stepSeeds) -> {
            Run run = new Run(new SplittableRandom(setupSeed), true);
            for (long stepSeed : stepSeeds) {
                run.random = new SplittableRandom(stepSeed);
                run.weeklyStep();
            }
            run.taken.forEach(step -> kinds.add(step.split(" ")[0]));
            String where = "steps " + String.join(", ", run.taken.toArray(NO_STEPS));
            List<LocalDate> slots = run.history.plannedSlots().between(run.startsOn, run.horizon());
            LocalDate firstSlot = run.startsOn.with(TemporalAdjusters.nextOrSame(run.weekday));
            for (LocalDate monday = monday(firstSlot); monday.isBefore(run.horizon().minusDays(6)); monday = monday.plusWeeks(1)) {
                LocalDate week = monday;
                long meetings = run.history.meetings().values().stream()
                        .filter(m -> monday(LocalDate.ofInstant(m[1], run.zone)).equals(week)).count();
                long planned = slots.stream().filter(day -> monday(day).equals(week)).count();
                LocalDate slotDay = week.with(TemporalAdjusters.nextOrSame(run.weekday));
                long expected = meetings > 0 || !run.paused(slotDay) ? 1 : 0;
                assertTrue(meetings <= 1, where + ": the generator keeps one meeting a week");
                assertEquals(expected, meetings + planned, where + ": entries in the week of " + week
                        + " (meetings " + meetings + ", planned " + planned + ")");
            }
        });
        assertEquals(Set.of("cancel", "hold", "missed", "move", "pause", "schedule"), kinds, "every kind of step taken");
    }

    private static LocalDate monday(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /** One random sequence on one series. */
    private static final class Run {
        /** the current step's choices (the setup's while constructing) */
        SplittableRandom random;
        final List<String> taken = new ArrayList<>();
        final ZoneId zone;
        final DayOfWeek weekday;
        final LocalDate startsOn;
        final SeriesHistory history;
        final List<UUID> meetingIds = new ArrayList<>();
        Instant now;
        LocalDate lastAnchor;

        Run(SplittableRandom random, boolean weeklyOnly) {
            this.random = random;
            zone = ZoneId.of(ZONES.get(random.nextInt(ZONES.size())));
            weekday = DayOfWeek.of(1 + random.nextInt(5));
            startsOn = LocalDate.of(2026, 1, 5).plusDays(random.nextInt(7));
            history = new SeriesHistory(new SeriesStarted(UUID.randomUUID(), LEADER, UUID.randomUUID(),
                    Relationship.MANAGER_REPORT, Cadence.WEEKLY, 30, zone.getId(), startsOn, weekday, LocalTime.of(9, 0)));
            now = startsOn.atStartOfDay(zone).toInstant();
        }

        void anyStep() {
            now = now.plus(Duration.ofHours(1 + random.nextInt(60)));
            switch (random.nextInt(8)) {
                case 0, 1 -> schedule(day(now).plusDays(random.nextInt(35)));
                case 2 -> move(day(now).plusDays(random.nextInt(21) - 3));
                case 3 -> cancel();
                case 4 -> hold();
                case 5 -> {
                    Cadence to = List.of(Cadence.WEEKLY, Cadence.BIWEEKLY, Cadence.MONTHLY).get(random.nextInt(3));
                    Decision decision = history.series().changeCadence(new ChangeCadence(to, null, now));
                    if (history.decide(decision, now)) {
                        lastAnchor = ((CadenceChanged) ((Decision.Accepted) decision).events().get(0)).anchorOn();
                        taken.add("cadence " + to + " at " + now);
                    }
                }
                case 6 -> miss();
                default -> pause();
            }
        }

        void weeklyStep() {
            now = now.plus(Duration.ofHours(1 + random.nextInt(60)));
            switch (random.nextInt(7)) {
                case 0, 1 -> {
                    // the meeting of a week that has none yet, on a working day of that week
                    LocalDate week = monday(day(now)).plusWeeks(random.nextInt(4));
                    boolean taken = history.meetings().values().stream()
                            .anyMatch(m -> monday(LocalDate.ofInstant(m[1], zone)).equals(week));
                    if (!taken) {
                        schedule(week.plusDays(random.nextInt(5)));
                    }
                }
                case 2 -> {
                    UUID meeting = scheduledMeeting();
                    if (meeting != null) {
                        LocalDate week = monday(LocalDate.ofInstant(history.meetings().get(meeting)[1], zone));
                        moveTo(meeting, week.plusDays(random.nextInt(5)));
                    }
                }
                case 3 -> cancel();
                case 4 -> hold();
                case 5 -> miss();
                default -> pause();
            }
        }

        LocalDate horizon() {
            LocalDate last = day(now).plusWeeks(8);
            for (Instant[] meeting : history.meetings().values()) {
                LocalDate day = LocalDate.ofInstant(meeting[1], zone).plusWeeks(2);
                last = day.isAfter(last) ? day : last;
            }
            return last;
        }

        List<LocalDate> tracedDays() {
            List<LocalDate> days = new ArrayList<>();
            for (Instant[] meeting : history.meetings().values()) {
                days.add(LocalDate.ofInstant(meeting[0], zone));
                days.add(LocalDate.ofInstant(meeting[1], zone));
            }
            return days;
        }

        boolean paused(LocalDate day) {
            return history.pauses().stream().anyMatch(p -> !day.isBefore(p.from()) && !day.isAfter(p.until()));
        }

        private void schedule(LocalDate day) {
            UUID meeting = UUID.randomUUID();
            if (history.decide(history.series().schedule(new ScheduleMeeting(meeting, at(day), null, now)), now)) {
                meetingIds.add(meeting);
                taken.add("schedule #" + meetingIds.size() + " on " + day + " at " + now);
            }
        }

        private void move(LocalDate to) {
            UUID meeting = scheduledMeeting();
            if (meeting != null) {
                moveTo(meeting, to);
            }
        }

        private void moveTo(UUID meeting, LocalDate to) {
            if (history.decide(history.series().reschedule(new RescheduleMeeting(meeting, at(to), LEADER,
                    RescheduleReason.CONFLICT, now)), now)) {
                taken.add("move #" + (1 + meetingIds.indexOf(meeting)) + " to " + to + " at " + now);
            }
        }

        private void cancel() {
            UUID meeting = scheduledMeeting();
            if (meeting != null) {
                if (history.decide(history.series().cancel(new CancelMeeting(meeting, LEADER, CancelReason.CONFLICT, now)), now)) {
                    taken.add("cancel #" + (1 + meetingIds.indexOf(meeting)) + " at " + now);
                }
            }
        }

        private void hold() {
            for (UUID meeting : meetingIds) {
                Instant at = history.meetings().get(meeting)[1];
                if (at.isBefore(now) && history.decide(history.series().recordHeld(
                        new RecordMeetingHeld(meeting, at, 25, MeetingMode.REMOTE, now)), now)) {
                    taken.add("hold #" + (1 + meetingIds.indexOf(meeting)) + " at " + now);
                    return;
                }
            }
        }

        /** A meeting whose time passed without being held (the sweep's grace aside). */
        private void miss() {
            for (UUID meeting : meetingIds) {
                if (history.decide(history.series().recordMissed(new RecordMeetingMissed(meeting, Duration.ZERO, now, now)), now)) {
                    taken.add("missed #" + (1 + meetingIds.indexOf(meeting)) + " at " + now);
                    return;
                }
            }
        }

        private void pause() {
            LocalDate from = day(now).plusDays(random.nextInt(30));
            LocalDate until = from.plusDays(random.nextInt(20));
            if (history.decide(history.series().pause(new PauseSeries(from, until, now)), now)) {
                taken.add("pause " + from + ".." + until + " at " + now);
            }
        }

        private UUID scheduledMeeting() {
            if (meetingIds.isEmpty()) {
                return null;
            }
            return meetingIds.get(random.nextInt(meetingIds.size()));
        }

        private LocalDate day(Instant instant) {
            return LocalDate.ofInstant(instant, zone);
        }

        private Instant at(LocalDate day) {
            return ZonedDateTime.of(day, LocalTime.of(9 + random.nextInt(8), 0), zone).toInstant();
        }

    }
}
