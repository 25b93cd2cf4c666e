package dev.oneonone.meetings.rest.calendar;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.Temporal;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import dev.oneonone.meetings.projection.MeetingOverview;
import dev.oneonone.meetings.projection.SeriesOverview;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.DateList;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.TzId;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.ExDate;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * Renders 1:1 series and their meetings as an iCalendar (RFC 5545) feed with ical4j.
 *
 * <p>One VEVENT per real meeting (UID {@code <meetingId>@oneonone}, SEQUENCE = times rescheduled, one more once
 * cancelled; STATUS CONFIRMED or CANCELLED) and, per active series with a preferred weekday and time, one recurring
 * VEVENT for its planned slot (RRULE from the cadence) with an EXDATE for every slot that a real meeting already
 * covers (a meeting on that day) or that lies in the series' latest pause. Times are in the series' zone (TZID with
 * its VTIMEZONE from ical4j's registry); a series in UTC gets UTC times. Summaries carry no 1:1 content and no names.
 */
public final class ICalendarFeed {
    static final String PRODUCT_ID = "-//oneonone.dev//1:1 calendar feed 1.0//EN";
    private static final TimeZoneRegistry ZONES = TimeZoneRegistryFactory.getInstance().createRegistry();

    private ICalendarFeed() {
    }

    /** The feed's text: the given series, each with its meetings ({@code meetings} by series id). */
    public static String render(List<SeriesOverview> series, Map<UUID, List<MeetingOverview>> meetings, Instant now) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId(PRODUCT_ID));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(ImmutableMethod.PUBLISH);
        calendar.add(new XProperty("X-WR-CALNAME", "1:1s"));

        Set<String> zonesAdded = new HashSet<>();
        Instant stamp = now.truncatedTo(ChronoUnit.SECONDS);
        for (SeriesOverview one : series) {
            Zone zone = zoneOf(one.timeZone);
            if (zone.ical != null && zonesAdded.add(zone.tzId)) {
                calendar.add(zone.ical.getVTimeZone());
            }
            List<MeetingOverview> ofSeries = meetings.getOrDefault(one.seriesId, List.of());
            for (MeetingOverview meeting : ofSeries) {
                calendar.add(meetingEvent(one, meeting, zone, stamp));
            }
            if (SeriesOverview.ACTIVE.equals(one.status) && one.preferredWeekday != null && one.preferredTime != null) {
                calendar.add(plannedSlots(one, ofSeries, zone, stamp));
            }
        }
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** The summary: the kind of 1:1 only, e.g. "1:1 (manager–report)". */
    static String summary(String relationship) {
        String kind = relationship == null ? "" : switch (relationship) {
            case "MANAGER_REPORT" -> "manager–report";
            case "MENTOR_MENTEE" -> "mentor–mentee";
            case "PEER" -> "peers";
            default -> relationship.toLowerCase(Locale.ROOT).replace('_', '–');
        };
        return kind.isEmpty() ? "1:1" : "1:1 (" + kind + ")";
    }

    private static VEvent meetingEvent(SeriesOverview series, MeetingOverview meeting, Zone zone, Instant stamp) {
        Instant start = meeting.scheduledFor;
        Instant end = start.plus(meeting.plannedMinutes, ChronoUnit.MINUTES);
        boolean cancelled = MeetingOverview.CANCELLED.equals(meeting.status);
        VEvent event = new VEvent(false);
        event.add(new Uid(meeting.meetingId + "@oneonone"));
        event.add(new DtStamp(stamp));
        event.add(new DtStart<>(zone.at(start)));
        event.add(new DtEnd<>(zone.at(end)));
        event.add(new Summary(summary(series.relationship)));
        // Every move is a new revision of the event; so is its cancellation.
        event.add(new Sequence(meeting.rescheduleCount + (cancelled ? 1 : 0)));
        event.add(cancelled ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED);
        return event;
    }

    private static VEvent plannedSlots(SeriesOverview series, List<MeetingOverview> meetings, Zone zone, Instant stamp) {
        ZoneId zoneId = ZoneId.of(series.timeZone);
        DayOfWeek weekday = DayOfWeek.valueOf(series.preferredWeekday);
        LocalTime time = series.preferredTime;
        boolean daily = "DAILY".equals(series.cadence);
        LocalDate first = daily ? nextWorkingDay(series.startsOn)
                : series.startsOn.with(TemporalAdjusters.nextOrSame(weekday));
        int interval = switch (series.cadence) {
            case "BIWEEKLY" -> 2;
            case "MONTHLY" -> 4;
            default -> 1;
        };
        String rule = daily ? "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR" : "FREQ=WEEKLY;INTERVAL=" + interval;

        // Slots a real meeting covers (any meeting that day, whatever became of it) or that fall in the pause.
        TreeSet<LocalDate> excluded = new TreeSet<>();
        for (MeetingOverview meeting : meetings) {
            excluded.add(meeting.scheduledFor.atZone(zoneId).toLocalDate());
        }
        if (series.pausedFrom != null && series.pausedUntil != null) {
            for (LocalDate day = series.pausedFrom; !day.isAfter(series.pausedUntil); day = day.plusDays(1)) {
                excluded.add(day);
            }
        }
        List<Temporal> exdates = new ArrayList<>();
        for (LocalDate day : excluded) {
            boolean slot = !day.isBefore(first) && (daily
                    ? day.getDayOfWeek().getValue() <= 5
                    : day.getDayOfWeek() == weekday && ChronoUnit.WEEKS.between(first, day) % interval == 0);
            if (slot) {
                exdates.add(zone.at(ZonedDateTime.of(day, time, zoneId).toInstant()));
            }
        }

        Instant start = ZonedDateTime.of(first, time, zoneId).toInstant();
        VEvent event = new VEvent(false);
        event.add(new Uid("series-" + series.seriesId + "@oneonone"));
        event.add(new DtStamp(stamp));
        event.add(new DtStart<>(zone.at(start)));
        event.add(new DtEnd<>(zone.at(start.plus(series.plannedMinutes, ChronoUnit.MINUTES))));
        event.add(new Summary(summary(series.relationship) + ", planned slot"));
        event.add(new RRule<>(new Recur<>(rule)));
        if (!exdates.isEmpty()) {
            ExDate<Temporal> exdate = zone.tzId == null ? new ExDate<>(new DateList<>(exdates))
                    : new ExDate<>(new ParameterList(List.of(new TzId(zone.tzId))), new DateList<>(exdates));
            event.add(exdate);
        }
        event.add(ImmutableStatus.VEVENT_CONFIRMED);
        return event;
    }

    private static LocalDate nextWorkingDay(LocalDate day) {
        LocalDate result = day;
        while (result.getDayOfWeek().getValue() > 5) {
            result = result.plusDays(1);
        }
        return result;
    }

    private static Zone zoneOf(String timeZone) {
        ZoneId zoneId = ZoneId.of(timeZone);
        if (zoneId.normalized().equals(ZoneOffset.UTC)) {
            return new Zone(null, null, null);
        }
        TimeZone ical = ZONES.getTimeZone(timeZone);
        if (ical == null) {
            // not in ical4j's registry: fall back to UTC times, which every calendar understands
            return new Zone(null, null, null);
        }
        return new Zone(timeZone, ical, zoneId);
    }

    /** A series' zone as iCalendar writes it: a TZID with its VTIMEZONE, or UTC (all null). */
    private record Zone(String tzId, TimeZone ical, ZoneId zoneId) {
        Temporal at(Instant instant) {
            return zoneId == null ? instant : instant.atZone(zoneId);
        }
    }
}
