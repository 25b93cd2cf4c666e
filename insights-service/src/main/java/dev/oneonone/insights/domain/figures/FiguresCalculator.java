package dev.oneonone.insights.domain.figures;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.oneonone.events.agenda.AuthorRole;
import dev.oneonone.events.insights.Health;
import dev.oneonone.events.insights.Recommendation;
import dev.oneonone.events.meetings.Cadence;
import dev.oneonone.insights.domain.figures.SeriesTimeline.AgreementRecord;
import dev.oneonone.insights.domain.figures.SeriesTimeline.DueChange;
import dev.oneonone.insights.domain.figures.SeriesTimeline.MeetingRecord;
import dev.oneonone.insights.domain.figures.SeriesTimeline.SeriesChange;

/**
 * Computes a series' figures as of a date D from its timeline, exactly as docs/insights.md defines
 * them. Pure: no clock, no database. Only what was known by the end of D (in the series' time zone)
 * counts: events that occurred after it are ignored, so a meeting rescheduled after D still sits
 * where it was; a held meeting counts on the day it was held, however late it was recorded.
 */
public final class FiguresCalculator {
    private static final Comparator<MeetingRecord> HELD_ORDER = Comparator.comparing(MeetingRecord::heldAt);
    private final Thresholds thresholds;

    public FiguresCalculator(Thresholds thresholds) {
        this.thresholds = thresholds;
    }

    public Thresholds thresholds() {
        return thresholds;
    }

    /** The figures as of {@code asOf}, one per week end, oldest first: asOf - 7·(weeks-1), ..., asOf. */
    public List<SeriesFigures> weekly(SeriesTimeline series, LocalDate asOf, int weeks) {
        List<SeriesFigures> trend = new ArrayList<>(weeks);
        for (int week = weeks - 1; week >= 0; week--) {
            trend.add(figuresOf(series, asOf.minusWeeks(week)));
        }
        return trend;
    }

    public SeriesFigures figuresOf(SeriesTimeline series, LocalDate asOf) {
        Known known = new Known(series, asOf);
        ZoneId zone = series.zone();
        LocalDate endedOn = known.has(series.endedAt()) ? LocalDate.ofInstant(series.endedAt(), zone) : null;
        boolean started = !asOf.isBefore(series.startsOn());
        boolean current = started && endedOn == null;
        // an ended series keeps the figures of its last day
        LocalDate day = endedOn != null && endedOn.isBefore(asOf) ? endedOn : asOf;
        Rhythm rhythm = Rhythm.of(series, known);
        Cadence cadence = rhythm.cadenceOn(day);

        // compare instants with the day's boundaries rather than turning every instant into a date
        Instant dayEnds = day.plusDays(1).atStartOfDay(zone).toInstant();
        List<MeetingRecord> held = new ArrayList<>();
        int cancelled = 0;
        int scheduled = 0;
        int rescheduled = 0;
        for (MeetingRecord meeting : series.meetings()) {
            if (meeting.heldAt() != null && meeting.heldAt().isBefore(dayEnds)) {
                held.add(meeting);
            }
            if (known.has(meeting.cancelledAt())) {
                cancelled++;
            }
            if (known.has(meeting.scheduledAt())) {
                scheduled++;
                for (SeriesTimeline.Move move : meeting.moves()) {
                    if (known.has(move.occurredAt())) {
                        rescheduled++;
                        break;
                    }
                }
            }
        }
        held.sort(HELD_ORDER);

        int gap = 0;
        Health health = null;
        int heldInWindow = 0;
        double expected = 0;
        Double adherence = null;
        if (started) {
            LocalDate lastHeld = held.isEmpty() ? series.startsOn()
                    : LocalDate.ofInstant(held.get(held.size() - 1).heldAt(), zone);
            gap = rhythm.activeDaysAfter(lastHeld, day);
            health = health(gap, cadence.intervalDays());
            LocalDate windowStart = max(series.startsOn(), day.minusWeeks(thresholds.adherenceWindowWeeks()).plusDays(1));
            expected = rhythm.expectedMeetings(windowStart, day);
            Instant windowStarts = windowStart.atStartOfDay(zone).toInstant();
            for (MeetingRecord meeting : held) {
                if (!meeting.heldAt().isBefore(windowStarts)) {
                    heldInWindow++;
                }
            }
            // less than one meeting expected yet: too early to measure
            adherence = expected < 1 ? null : Math.min(1.0, heldInWindow / expected);
        }

        int prepared = 0;
        for (MeetingRecord meeting : held) {
            if (meeting.firstCompanionTopicAt() != null && meeting.firstCompanionTopicAt().isBefore(meeting.heldAt())) {
                prepared++;
            }
        }
        int shortStreak = 0;
        for (int i = held.size() - 1; i >= 0 && held.get(i).actualMinutes() != null
                && held.get(i).actualMinutes() < thresholds.shortMeetingMinutes(); i--) {
            shortStreak++;
        }

        FollowThrough followThrough = followThrough(series.agreements(), known, zone, day);
        List<Recommendation> recommendations = current
                ? recommendations(series, cadence, day, gap, shortStreak)
                : List.of();
        return new SeriesFigures(series.seriesId(), series.organisationId(), series.leaderId(), series.companionId(),
                series.relationship(), cadence, asOf, current, current && rhythm.pausedOn(asOf),
                cadence.intervalDays(), gap, health, heldInWindow, expected, adherence, held.size(), cancelled,
                scheduled, rescheduled, rate(cancelled, held.size() + cancelled), rate(rescheduled, scheduled),
                followThrough, rate(prepared, held.size()), shortStreak, recommendations);
    }

    private Health health(int gap, int interval) {
        if (interval <= 7 && gap > thresholds.maxGapDays()) {
            return Health.OVERDUE;
        }
        if (gap <= interval + thresholds.graceDays()) {
            return Health.HEALTHY;
        }
        return gap <= 2 * interval + thresholds.graceDays() ? Health.AT_RISK : Health.OVERDUE;
    }

    private List<Recommendation> recommendations(SeriesTimeline series, Cadence cadence, LocalDate day, int gap,
            int shortStreak) {
        EnumSet<Recommendation> advice = EnumSet.noneOf(Recommendation.class);
        boolean onboarding = day.isBefore(series.startsOn().plusDays(thresholds.onboardingDays()));
        if (cadence == Cadence.DAILY && !onboarding) {
            advice.add(Recommendation.STEP_DOWN_FROM_DAILY);
        }
        // only where biweekly is a step down, and not while a daily onboarding runs its course
        if (shortStreak >= thresholds.shortStreak() && cadence.intervalDays() < Cadence.BIWEEKLY.intervalDays()
                && !(cadence == Cadence.DAILY && onboarding)) {
            advice.add(Recommendation.SWITCH_TO_BIWEEKLY);
        }
        if (gap > thresholds.maxGapDays()) {
            advice.add(Recommendation.GAP_OVER_TWO_WEEKS);
        }
        return List.copyOf(advice);
    }

    private static FollowThrough followThrough(List<AgreementRecord> agreements, Known known, ZoneId zone,
            LocalDate day) {
        int[] due = new int[AuthorRole.values().length];
        int[] onTime = new int[AuthorRole.values().length];
        int openOverdue = 0;
        List<Long> daysToComplete = new ArrayList<>();
        for (AgreementRecord agreement : agreements) {
            if (!known.has(agreement.madeAt())) {
                continue;
            }
            boolean completed = known.has(agreement.completedAt());
            LocalDate completedOn = completed ? LocalDate.ofInstant(agreement.completedAt(), zone) : null;
            if (completed) {
                daysToComplete.add(ChronoUnit.DAYS.between(LocalDate.ofInstant(agreement.madeAt(), zone), completedOn));
            }
            if (known.has(agreement.droppedAt())) {
                continue;
            }
            LocalDate dueOn = dueOn(agreement, known);
            if (dueOn == null || !dueOn.isBefore(day)) {
                continue; // no due date, or it has not passed
            }
            int role = agreement.ownerRole().ordinal();
            due[role]++;
            if (completed && !completedOn.isAfter(dueOn)) {
                onTime[role]++;
            } else if (!completed) {
                openOverdue++;
            }
        }
        int leader = AuthorRole.LEADER.ordinal();
        int companion = AuthorRole.COMPANION.ordinal();
        int allDue = due[leader] + due[companion];
        int allOnTime = onTime[leader] + onTime[companion];
        return new FollowThrough(allDue, allOnTime, rate(allOnTime, allDue), rate(onTime[leader], due[leader]),
                rate(onTime[companion], due[companion]), openOverdue, median(daysToComplete));
    }

    /** The due date as last changed by the end of the day, or the one it was made with. */
    private static LocalDate dueOn(AgreementRecord agreement, Known known) {
        DueChange latest = null;
        for (DueChange change : agreement.dueChanges()) {
            if (known.has(change.occurredAt()) && (latest == null || !change.occurredAt().isBefore(latest.occurredAt()))) {
                latest = change;
            }
        }
        return latest == null ? agreement.dueOn() : latest.dueOn();
    }

    static Double median(List<Long> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Long> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle).doubleValue()
                : (sorted.get(middle - 1) + sorted.get(middle)) / 2.0;
    }

    static Double rate(int part, int whole) {
        return whole == 0 ? null : (double) part / whole;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    /** What was known by the end of D in the series' time zone. */
    private static final class Known {
        private final Instant until;

        Known(SeriesTimeline series, LocalDate asOf) {
            this.until = asOf.plusDays(1).atStartOfDay(series.zone()).toInstant();
        }

        boolean has(Instant occurredAt) {
            return occurredAt != null && occurredAt.isBefore(until);
        }
    }

    /** The cadence and pauses of a series as known by the end of D, day by day. */
    private static final class Rhythm {
        private final TreeMap<LocalDate, Cadence> cadenceFrom = new TreeMap<>();
        private final List<LocalDate[]> pauses = new ArrayList<>();

        static Rhythm of(SeriesTimeline series, Known known) {
            Rhythm rhythm = new Rhythm();
            rhythm.cadenceFrom.put(series.startsOn(), series.initialCadence());
            if (series.changes().isEmpty()) {
                return rhythm;
            }
            List<SeriesChange> changes = series.changes().stream().filter(c -> known.has(c.occurredAt()))
                    .sorted(Comparator.comparing(SeriesChange::occurredAt).thenComparingLong(SeriesChange::version))
                    .toList();
            for (SeriesChange change : changes) {
                switch (change.kind()) {
                    case CADENCE -> {
                        LocalDate effective = LocalDate.ofInstant(change.occurredAt(), series.zone());
                        rhythm.cadenceFrom.put(effective.isBefore(series.startsOn()) ? series.startsOn() : effective,
                                change.cadence());
                    }
                    case PAUSE -> rhythm.pauses.add(new LocalDate[] { change.from(), change.until() });
                    case RESUME -> rhythm.pauses.stream().filter(p -> covers(p, change.from())).findFirst()
                            .ifPresent(p -> {
                                p[1] = change.from().minusDays(1);
                                if (p[1].isBefore(p[0])) {
                                    rhythm.pauses.remove(p);
                                }
                            });
                }
            }
            return rhythm;
        }

        Cadence cadenceOn(LocalDate day) {
            Map.Entry<LocalDate, Cadence> entry = cadenceFrom.floorEntry(day);
            return entry == null ? cadenceFrom.firstEntry().getValue() : entry.getValue();
        }

        boolean pausedOn(LocalDate day) {
            for (LocalDate[] pause : pauses) {
                if (covers(pause, day)) {
                    return true;
                }
            }
            return false;
        }

        /** Days after {@code from} up to and including {@code to} that were not paused. */
        int activeDaysAfter(LocalDate from, LocalDate to) {
            if (pauses.isEmpty()) {
                return (int) Math.max(0, ChronoUnit.DAYS.between(from, to));
            }
            int days = 0;
            for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
                if (!pausedOn(d)) {
                    days++;
                }
            }
            return days;
        }

        /** Meetings the cadence asked for from {@code from} to {@code to}, both included, paused days excluded. */
        double expectedMeetings(LocalDate from, LocalDate to) {
            if (pauses.isEmpty() && cadenceFrom.size() == 1 && cadenceFrom.firstEntry().getValue() != Cadence.DAILY) {
                // one cadence, no pause: whole days over the interval
                return (double) (ChronoUnit.DAYS.between(from, to) + 1) / cadenceFrom.firstEntry().getValue().intervalDays();
            }
            int workingDaysDaily = 0;
            int[] daysByInterval = new int[Cadence.MONTHLY.intervalDays() + 1];
            for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                if (pausedOn(d)) {
                    continue;
                }
                Cadence cadence = cadenceOn(d);
                if (cadence == Cadence.DAILY) {
                    if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                        workingDaysDaily++;
                    }
                } else {
                    daysByInterval[cadence.intervalDays()]++;
                }
            }
            // whole days per interval divided once, so twelve weeks of a weekly series expect exactly 12
            double expected = workingDaysDaily;
            for (int interval = 2; interval < daysByInterval.length; interval++) {
                expected += (double) daysByInterval[interval] / interval;
            }
            return expected;
        }

        private static boolean covers(LocalDate[] pause, LocalDate day) {
            return !day.isBefore(pause[0]) && !day.isAfter(pause[1]);
        }
    }
}
