package dev.oneonone.meetings.rest.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneOffsetTransitionRule;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import net.fortuna.ical4j.model.ComponentList;
import net.fortuna.ical4j.model.DateList;
import net.fortuna.ical4j.model.PropertyList;
import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.model.component.Daylight;
import net.fortuna.ical4j.model.component.Observance;
import net.fortuna.ical4j.model.component.Standard;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.RDate;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.model.property.TzId;
import net.fortuna.ical4j.model.property.TzOffsetFrom;
import net.fortuna.ical4j.model.property.TzOffsetTo;

/**
 * Time zones of a feed (RFC 5545 section 3.6.5): every TZID a feed names gets a VTIMEZONE, for every zone id
 * {@link ZoneId} accepts, and that VTIMEZONE says exactly what java.time says, which computed the local times.
 *
 * <p>The TZID is the zone's canonical IANA name: an alias (a tzdata link such as {@code US/Eastern} or
 * {@code Europe/Amsterdam}, as ical4j's alias table lists them) becomes the zone it links to when java.time has the
 * same rules for both; otherwise the id stays as it is. The VTIMEZONE is built from java.time's rules, not taken
 * from ical4j's bundled definitions, so that a zone ical4j lacks or knows with older rules never falls back to UTC
 * or drifts: one observance for the offset in force at the earliest time the feed writes, one per transition after
 * it that tzdata fixes, and one per yearly rule (an RRULE, or one RDATE property per change until
 * {@link #LAST_LISTED_YEAR}, the first one included, when a rule has no simple RRULE: a form ical.js reads, which takes
 * only the first value of each RDATE and ignores DTSTART when there are RDATEs). A zone with one fixed offset gets a single observance; UTC is written as UTC times instead.
 */
final class CalendarZones {
    /** The last year whose transitions are listed one by one when a yearly rule has no simple RRULE. */
    static final int LAST_LISTED_YEAR = 2100;
    private static final LocalDateTime BEGINNING = LocalDateTime.of(1970, 1, 1, 0, 0);
    private static final Properties ALIASES = aliases();

    private CalendarZones() {
    }

    /** A zone as the feed writes it: its TZID and java.time zone, or UTC times (both null). */
    record FeedZone(String tzId, ZoneId zoneId) {
        Temporal at(Instant instant) {
            return zoneId == null ? instant : instant.atZone(zoneId);
        }

        /**
         * A recurrence instance's value as its RRULE generates it (RFC 5545 3.3.10): the nominal local date-time, also
         * on a day it does not exist (in a gap) or exists twice; to be written with this zone's TZID. UTC: the instant.
         */
        Temporal nominal(LocalDate day, LocalTime time) {
            return zoneId == null ? ZonedDateTime.of(day, time, ZoneOffset.UTC).toInstant() : LocalDateTime.of(day, time);
        }
    }

    /** How a series' zone id is written: UTC times for zones always at UTC, else a TZID (canonical where it can be). */
    static FeedZone of(String timeZone) {
        ZoneId zone = ZoneId.of(timeZone);
        if (zone.normalized().equals(ZoneOffset.UTC)) {
            return new FeedZone(null, null);
        }
        String canonical = ALIASES.getProperty(zone.getId());
        if (canonical != null && !canonical.equals(zone.getId())) {
            try {
                ZoneId target = ZoneId.of(canonical);
                if (target.getRules().equals(zone.getRules())) {
                    return new FeedZone(target.getId(), target);
                }
            } catch (java.time.DateTimeException unknownToJava) {
                // keep the id as given
            }
        }
        return new FeedZone(zone.getId(), zone);
    }

    /** The VTIMEZONE of a zone, exact from {@code since} (the earliest instant the feed writes in it) on. */
    static VTimeZone vTimeZone(FeedZone zone, Instant since) {
        ZoneRules rules = zone.zoneId().getRules();
        List<Observance> observances = new ArrayList<>();
        ZoneOffset initial = rules.getOffset(since);
        observances.add(observance(rules.isDaylightSavings(since), BEGINNING, initial, initial));
        if (!rules.isFixedOffset()) {
            List<ZoneOffsetTransition> fixed = rules.getTransitions();
            Instant lastFixed = fixed.isEmpty() ? Instant.MIN : fixed.get(fixed.size() - 1).getInstant();
            for (ZoneOffsetTransition transition : fixed) {
                if (transition.getInstant().isAfter(since)) {
                    observances.add(observance(rules.isDaylightSavings(transition.getInstant()),
                            transition.getDateTimeBefore(), transition.getOffsetBefore(), transition.getOffsetAfter()));
                }
            }
            Instant rulesFrom = lastFixed.isAfter(since) ? lastFixed : since;
            for (ZoneOffsetTransitionRule rule : rules.getTransitionRules()) {
                observances.add(yearly(rules, rule, rulesFrom));
            }
        }
        PropertyList properties = new PropertyList();
        properties = (PropertyList) properties.add(new TzId(zone.tzId()));
        return new VTimeZone(properties, new ComponentList<>(observances));
    }

    private static Observance yearly(ZoneRules rules, ZoneOffsetTransitionRule rule, Instant after) {
        int year = LocalDateTime.ofInstant(after, ZoneOffset.UTC).getYear();
        ZoneOffsetTransition first = rule.createTransition(year);
        while (!first.getInstant().isAfter(after)) {
            first = rule.createTransition(++year);
        }
        Observance observance = observance(rules.isDaylightSavings(first.getInstant()), first.getDateTimeBefore(),
                first.getOffsetBefore(), first.getOffsetAfter());
        String recur = simpleRule(rule, first);
        if (recur != null) {
            observance.add(new RRule<>(new Recur<LocalDateTime>(recur)));
        } else {
            // one RDATE property per change, the DTSTART's own included: ical.js (2.2.1) reads only the first value of
            // an RDATE property and, when an observance has RDATEs, takes its onsets from them alone (not DTSTART)
            for (int y = year; y <= LAST_LISTED_YEAR; y++) {
                observance.add(new RDate<>(new DateList<>(List.of(rule.createTransition(y).getDateTimeBefore()))));
            }
        }
        return observance;
    }

    /**
     * The RRULE of a yearly rule whose wall-clock date is "the weekday on or after a day of the month" (or "the last
     * weekday"), as most are; null when the local date of the change differs from that (e.g. 24:00 or a UTC time).
     */
    private static String simpleRule(ZoneOffsetTransitionRule rule, ZoneOffsetTransition sample) {
        DayOfWeek weekday = rule.getDayOfWeek();
        int indicator = rule.getDayOfMonthIndicator();
        LocalDate before = sample.getDateTimeBefore().toLocalDate();
        String byMonth = "FREQ=YEARLY;BYMONTH=" + rule.getMonth().getValue();
        if (weekday == null) {
            return indicator > 0 && before.getDayOfMonth() == indicator && before.getMonth() == rule.getMonth()
                    ? byMonth + ";BYMONTHDAY=" + indicator : null;
        }
        if (before.getDayOfWeek() != weekday || before.getMonth() != rule.getMonth()) {
            return null;
        }
        String day = weekday.name().substring(0, 2);
        // "the last weekday": java.time's indicator -1, or (as tzdata compiles "lastSun") the weekday on or after the
        // day 6 before the month's end, except in February (whose length varies)
        if (indicator == -1 || rule.getMonth() != java.time.Month.FEBRUARY && indicator + 6 == rule.getMonth().maxLength()) {
            return byMonth + ";BYDAY=-1" + day;
        }
        if (indicator > 0 && indicator <= 22) {
            StringBuilder days = new StringBuilder();
            for (int d = indicator; d < indicator + 7; d++) {
                days.append(days.length() == 0 ? "" : ",").append(d);
            }
            return byMonth + ";BYDAY=" + day + ";BYMONTHDAY=" + days;
        }
        return null;
    }

    private static Observance observance(boolean daylight, LocalDateTime start, ZoneOffset from, ZoneOffset to) {
        Observance observance = daylight ? new Daylight() : new Standard();
        observance.add(new DtStart<>(start));
        observance.add(new TzOffsetFrom(from));
        observance.add(new TzOffsetTo(to));
        return observance;
    }

    private static Properties aliases() {
        Properties aliases = new Properties();
        try (InputStream in = VTimeZone.class.getResourceAsStream("/net/fortuna/ical4j/model/tz.alias")) {
            if (in != null) {
                aliases.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return aliases;
    }
}
