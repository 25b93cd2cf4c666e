package dev.oneonone.meetings.rest.calendar;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.oneonone.events.meetings.Cadence;
import dev.oneonone.meetings.application.calendar.CalendarFeeds.Contents;
import dev.oneonone.meetings.domain.series.PlannedSlots;
import dev.oneonone.meetings.projection.MeetingOverview;
import dev.oneonone.meetings.projection.SeriesOverview;
import dev.oneonone.meetings.projection.SeriesPause;
import dev.oneonone.meetings.projection.SeriesRhythm;
import dev.oneonone.meetings.rest.calendar.CalendarZones.FeedZone;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.DateList;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.TzId;
import net.fortuna.ical4j.model.parameter.Value;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.ExDate;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.model.property.RefreshInterval;
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
 * VEVENT per stretch of its planned slots (domain {@link PlannedSlots}: one stretch per cadence it had, in phase with
 * that cadence's anchor, until the next one took effect), with an EXDATE for every slot that a real meeting covers or
 * that lies in a pause. Times are in the series' zone: a TZID (canonical) with a VTIMEZONE built from java.time's
 * rules ({@link CalendarZones}); a series in UTC gets UTC times. Summaries carry no 1:1 content and no names.
 *
 * <p>The text depends on its inputs only: DTSTAMP is when the feed's series last changed, not the time of the
 * request, so the same state gives the same bytes (and the same ETag). The calendar carries a refresh hint:
 * REFRESH-INTERVAL (RFC 7986) and X-PUBLISHED-TTL (read by Outlook and Apple Calendar).
 */
public final class ICalendarFeed {
    static final String PRODUCT_ID = "-//oneonone.dev//1:1 calendar feed 1.1//EN";
    /** Changes whenever the rendering changes, so that ETags of older renderings no longer match. */
    static final String FORMAT = "3";

    private ICalendarFeed() {
    }

    /**
     * The feed's text.
     *
     * @param stamp   when the feed's contents last changed (DTSTAMP of every event)
     * @param refresh how often calendars should fetch it again
     */
    public static String render(Contents contents, Instant stamp, Duration refresh) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId(PRODUCT_ID));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(ImmutableMethod.PUBLISH);
        calendar.add(new XProperty("X-WR-CALNAME", "1:1s"));
        calendar.add(new RefreshInterval(new ParameterList(List.of(Value.DURATION)), refresh));
        calendar.add(new XProperty("X-PUBLISHED-TTL", refresh.toString()));

        Instant dtstamp = stamp.truncatedTo(ChronoUnit.SECONDS);
        Map<String, Instant> zoneSince = new LinkedHashMap<>();
        Map<String, FeedZone> zones = new HashMap<>();
        List<VEvent> events = new ArrayList<>();
        for (SeriesOverview one : contents.series()) {
            FeedZone zone = CalendarZones.of(one.timeZone);
            List<MeetingOverview> ofSeries = contents.meetings().getOrDefault(one.seriesId, List.of());
            for (MeetingOverview meeting : ofSeries) {
                events.add(meetingEvent(one, meeting, zone, dtstamp));
                since(zoneSince, zones, zone, meeting.scheduledFor);
            }
            if (SeriesOverview.ACTIVE.equals(one.status) && one.preferredWeekday != null && one.preferredTime != null) {
                for (VEvent stretch : plannedSlots(one, ofSeries, contents, zone, dtstamp, zoneSince, zones)) {
                    events.add(stretch);
                }
            }
        }
        zoneSince.forEach((tzId, since) -> calendar.add(CalendarZones.vTimeZone(zones.get(tzId), since)));
        events.forEach(calendar::add);
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

    /** The planned slots of a series as the feed derives them from its history. */
    static PlannedSlots plannedSlotsOf(SeriesOverview series, List<MeetingOverview> meetings,
            List<SeriesPause> pauses, List<SeriesRhythm> rhythms) {
        List<PlannedSlots.Rhythm> cadences = new ArrayList<>();
        for (SeriesRhythm rhythm : rhythms) {
            cadences.add(new PlannedSlots.Rhythm(rhythm.effectiveOn, Cadence.valueOf(rhythm.cadence), rhythm.anchorOn));
        }
        if (cadences.isEmpty()) {
            cadences.add(new PlannedSlots.Rhythm(series.startsOn, Cadence.valueOf(series.cadence), null));
        }
        return PlannedSlots.of(ZoneId.of(series.timeZone), DayOfWeek.valueOf(series.preferredWeekday), cadences,
                pauses.stream().map(p -> new PlannedSlots.Pause(p.fromDay, p.untilDay)).toList(),
                meetings.stream().map(m -> new PlannedSlots.Trace(
                        m.firstScheduledFor == null ? m.scheduledFor : m.firstScheduledFor, m.scheduledFor)).toList());
    }

    private static void since(Map<String, Instant> zoneSince, Map<String, FeedZone> zones, FeedZone zone, Instant at) {
        if (zone.tzId() != null) {
            zones.putIfAbsent(zone.tzId(), zone);
            zoneSince.merge(zone.tzId(), at, (a, b) -> a.isBefore(b) ? a : b);
        }
    }

    private static VEvent meetingEvent(SeriesOverview series, MeetingOverview meeting, FeedZone zone, Instant stamp) {
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

    private static List<VEvent> plannedSlots(SeriesOverview series, List<MeetingOverview> meetings, Contents contents,
            FeedZone zone, Instant stamp, Map<String, Instant> zoneSince, Map<String, FeedZone> zones) {
        ZoneId zoneId = ZoneId.of(series.timeZone);
        LocalTime time = series.preferredTime;
        PlannedSlots slots = plannedSlotsOf(series, meetings, contents.pauses().getOrDefault(series.seriesId, List.of()),
                contents.rhythms().getOrDefault(series.seriesId, List.of()));
        List<VEvent> events = new ArrayList<>();
        boolean firstStretch = true;
        for (PlannedSlots.Stretch stretch : slots.stretches()) {
            Instant start = ZonedDateTime.of(stretch.firstSlot(), time, zoneId).toInstant();
            since(zoneSince, zones, zone, start);
            StringBuilder rule = new StringBuilder(stretch.weeks() == 0 ? "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"
                    : "FREQ=WEEKLY;INTERVAL=" + stretch.weeks());
            if (stretch.lastDay() != null) {
                // UNTIL in UTC (RFC 5545 3.3.10, with a zoned DTSTART): the end of the stretch's last day
                Instant until = ZonedDateTime.of(stretch.lastDay(), LocalTime.MAX, zoneId).toInstant();
                rule.append(";UNTIL=").append(UNTIL.format(until.atOffset(ZoneOffset.UTC)));
            }
            VEvent event = new VEvent(false);
            // the first stretch keeps the UID planned slots always had; a later one is named by its first slot
            event.add(new Uid("series-" + series.seriesId + (firstStretch ? "" : "-" + stretch.firstSlot()) + "@oneonone"));
            event.add(new DtStamp(stamp));
            // DTSTART and EXDATEs nominal (the preferred time even where a DST change skips it), so that the EXDATEs
            // match the instances the RRULE generates; DTEND the real end, planned minutes after the real start
            Temporal first = zone.nominal(stretch.firstSlot(), time);
            event.add(zone.tzId() == null ? new DtStart<>(first) : new DtStart<>(tzId(zone), first));
            event.add(new DtEnd<>(zone.at(start.plus(series.plannedMinutes, ChronoUnit.MINUTES))));
            event.add(new Summary(summary(series.relationship) + ", planned slot"));
            event.add(new RRule<>(new Recur<>(rule.toString())));
            List<Temporal> exdates = stretch.skipped().stream().map(day -> zone.nominal(day, time)).toList();
            if (!exdates.isEmpty()) {
                ExDate<Temporal> exdate = zone.tzId() == null ? new ExDate<>(new DateList<>(exdates))
                        : new ExDate<>(tzId(zone), new DateList<>(exdates));
                event.add(exdate);
            }
            event.add(ImmutableStatus.VEVENT_CONFIRMED);
            events.add(event);
            firstStretch = false;
        }
        return events;
    }

    private static ParameterList tzId(FeedZone zone) {
        return new ParameterList(List.of(new TzId(zone.tzId())));
    }

    private static final DateTimeFormatter UNTIL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
}
