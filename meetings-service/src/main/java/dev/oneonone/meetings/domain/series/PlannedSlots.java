package dev.oneonone.meetings.domain.series;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

import dev.oneonone.events.meetings.Cadence;
import dev.oneonone.events.meetings.CadenceChanged;
import dev.oneonone.events.meetings.SeriesStarted;

/**
 * The planned slots of a series, derived from its whole history (README "Calendar", "Planned slots"): the days on
 * which the cadence asks for a meeting that no real meeting stands for. All days are in the series' time zone.
 *
 * <ul>
 * <li><b>Rhythms.</b> The series starts with one rhythm (its cadence from {@code startsOn}); each cadence change adds one
 * from the day it happened. A rhythm of WEEKLY (1 week), BIWEEKLY (2) or MONTHLY (4) has a slot every n weeks on the
 * days in phase with its anchor ({@code anchorOn} ± k·n weeks), from the day it takes effect until the day before
 * the next rhythm takes effect; DAILY has a slot on every working day (Monday to Friday).</li>
 * <li><b>Periods.</b> A slot's period is its day for DAILY, else the n calendar weeks (Monday to Sunday) that start
 * with the slot's week.</li>
 * <li><b>Covered.</b> A real meeting, whatever became of it (scheduled, moved, held, missed, cancelled), covers every
 * slot whose period holds the day it was first scheduled for or the day it is at now (a move thus covers both the
 * period it left and the one it went to; the days it passed through in between do not count).</li>
 * <li><b>Paused.</b> A slot on a day of any pause (every pause recorded, each cut short by its resume) is dropped.
 * Pauses drop slots; they do not shift the phase.</li>
 * </ul>
 * Every slot that is neither covered nor paused is a planned slot.
 */
public final class PlannedSlots {

    /** A cadence in effect from {@code effectiveOn}; {@code anchorOn} is a day its slots fall on (null: derived). */
    public record Rhythm(LocalDate effectiveOn, Cadence cadence, LocalDate anchorOn) {
    }

    /** A pause, both days included. */
    public record Pause(LocalDate from, LocalDate until) {
        boolean covers(LocalDate day) {
            return !day.isBefore(from) && !day.isAfter(until);
        }
    }

    /** Where a meeting was first scheduled and where it is now (instants). */
    public record Trace(Instant firstScheduledFor, Instant scheduledFor) {
    }

    /**
     * One rhythm's slots: every {@code weeks} weeks from {@code firstSlot} (DAILY: {@code weeks} 0, every working day
     * from {@code firstSlot}) up to and including {@code lastDay} (null: open-ended), except the days in
     * {@code skipped} (covered or paused), oldest first.
     */
    public record Stretch(Cadence cadence, int weeks, LocalDate firstSlot, LocalDate lastDay, List<LocalDate> skipped) {
    }

    private final List<Stretch> stretches;

    private PlannedSlots(List<Stretch> stretches) {
        this.stretches = stretches;
    }

    /**
     * The planned slots of a series.
     *
     * @param weekday the series' preferred weekday, for a rhythm without an anchor (null: its first day)
     * @param rhythms every rhythm, in the order recorded; a later one on the same day replaces an earlier one
     * @param pauses  every pause as it stands now
     * @param traces  every meeting of the series
     */
    public static PlannedSlots of(ZoneId zone, DayOfWeek weekday, List<Rhythm> rhythms, List<Pause> pauses,
            List<Trace> traces) {
        TreeSet<LocalDate> tracedDays = new TreeSet<>();
        for (Trace trace : traces) {
            tracedDays.add(LocalDate.ofInstant(trace.firstScheduledFor(), zone));
            tracedDays.add(LocalDate.ofInstant(trace.scheduledFor(), zone));
        }
        LocalDate lastRelevant = tracedDays.isEmpty() ? null : tracedDays.last();
        for (Pause pause : pauses) {
            lastRelevant = lastRelevant == null || pause.until().isAfter(lastRelevant) ? pause.until() : lastRelevant;
        }
        List<Rhythm> ordered = new ArrayList<>(rhythms);
        ordered.sort(Comparator.comparing(Rhythm::effectiveOn)); // stable: same-day changes keep their order
        List<Stretch> stretches = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            Rhythm rhythm = ordered.get(i);
            LocalDate end = i + 1 < ordered.size() ? ordered.get(i + 1).effectiveOn().minusDays(1) : null;
            if (end != null && end.isBefore(rhythm.effectiveOn())) {
                continue; // replaced the same day
            }
            LocalDate first = firstSlot(rhythm, weekday);
            if (end != null && first.isAfter(end)) {
                continue;
            }
            int weeks = weeksOf(rhythm.cadence());
            List<LocalDate> skipped = new ArrayList<>();
            // a slot falls at most six days after the start of its period, so nothing after this can be skipped
            LocalDate reach = lastRelevant == null ? null : lastRelevant.plusDays(6);
            LocalDate last = end;
            if (reach != null && (last == null || reach.isBefore(last))) {
                last = reach;
            }
            for (LocalDate slot = first; last != null && !slot.isAfter(last); slot = next(slot, weeks)) {
                if (paused(pauses, slot) || covered(tracedDays, slot, weeks)) {
                    skipped.add(slot);
                }
            }
            stretches.add(new Stretch(rhythm.cadence(), weeks, first, end, List.copyOf(skipped)));
        }
        return new PlannedSlots(List.copyOf(stretches));
    }

    /** The rhythm a series starts with: its cadence from its first day, in phase with its first preferred weekday. */
    public static Rhythm rhythmOf(SeriesStarted started) {
        return new Rhythm(started.startsOn(), started.cadence(), null);
    }

    /**
     * The rhythm a cadence change starts: from the day it happened (in the series' zone; not before the series'
     * start, like insights-service counts it), in phase with the change's anchor.
     */
    public static Rhythm rhythmOf(CadenceChanged changed, Instant occurredAt, ZoneId zone, LocalDate startsOn) {
        LocalDate day = LocalDate.ofInstant(occurredAt, zone);
        return new Rhythm(day.isBefore(startsOn) ? startsOn : day, changed.to(), changed.anchorOn());
    }

    /** The stretches, oldest first; each one becomes one recurring event of the feed. */
    public List<Stretch> stretches() {
        return stretches;
    }

    /** Every planned slot day from {@code from} to {@code to}, both included, oldest first. */
    public List<LocalDate> between(LocalDate from, LocalDate to) {
        List<LocalDate> days = new ArrayList<>();
        for (Stretch stretch : stretches) {
            TreeSet<LocalDate> skipped = new TreeSet<>(stretch.skipped());
            for (LocalDate slot = stretch.firstSlot(); !slot.isAfter(to)
                    && (stretch.lastDay() == null || !slot.isAfter(stretch.lastDay())); slot = next(slot, stretch.weeks())) {
                if (!slot.isBefore(from) && !skipped.contains(slot)) {
                    days.add(slot);
                }
            }
        }
        return days;
    }

    /** The number of weeks between two slots of a cadence; 0 for DAILY (every working day). */
    public static int weeksOf(Cadence cadence) {
        return cadence == Cadence.DAILY ? 0 : cadence.intervalDays() / 7;
    }

    /** The first day of a slot's period (its Monday, DAILY: the day itself). */
    public static LocalDate periodStart(LocalDate slot, int weeks) {
        return weeks == 0 ? slot : slot.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    private static LocalDate firstSlot(Rhythm rhythm, DayOfWeek weekday) {
        LocalDate from = rhythm.effectiveOn();
        int weeks = weeksOf(rhythm.cadence());
        if (weeks == 0) {
            return workingDayOnOrAfter(from);
        }
        LocalDate anchor = rhythm.anchorOn() != null ? rhythm.anchorOn()
                : weekday == null ? from : from.with(TemporalAdjusters.nextOrSame(weekday));
        long step = 7L * weeks;
        long behind = ChronoUnit.DAYS.between(anchor, from);
        long rounds = Math.floorDiv(behind + step - 1, step); // whole steps to reach "from" or just past it
        return anchor.plusDays(rounds * step);
    }

    private static LocalDate next(LocalDate slot, int weeks) {
        return weeks == 0 ? workingDayOnOrAfter(slot.plusDays(1)) : slot.plusWeeks(weeks);
    }

    private static boolean covered(TreeSet<LocalDate> tracedDays, LocalDate slot, int weeks) {
        LocalDate start = periodStart(slot, weeks);
        LocalDate end = weeks == 0 ? slot : start.plusWeeks(weeks).minusDays(1);
        LocalDate traced = tracedDays.ceiling(start);
        return traced != null && !traced.isAfter(end);
    }

    private static boolean paused(List<Pause> pauses, LocalDate day) {
        for (Pause pause : pauses) {
            if (pause.covers(day)) {
                return true;
            }
        }
        return false;
    }

    private static LocalDate workingDayOnOrAfter(LocalDate day) {
        LocalDate result = day;
        while (result.getDayOfWeek() == DayOfWeek.SATURDAY || result.getDayOfWeek() == DayOfWeek.SUNDAY) {
            result = result.plusDays(1);
        }
        return result;
    }
}
