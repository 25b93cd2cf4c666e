package dev.oneonone.meetings.rest.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.io.ICalTimeZone;
import biweekly.io.TimezoneAssignment;
import biweekly.util.DateTimeComponents;
import biweekly.util.ICalDate;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.oneonone.meetings.application.calendar.CalendarFeeds.Contents;
import dev.oneonone.meetings.projection.MeetingOverview;
import dev.oneonone.meetings.projection.SeriesOverview;
import dev.oneonone.meetings.projection.SeriesPause;
import io.quarkus.test.junit.QuarkusTest;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DateProperty;
import net.fortuna.ical4j.model.property.ExDate;

/**
 * The iCalendar rendering on its own: given series and meetings, when rendered and parsed again (with ical4j, and
 * with biweekly as a second library for the time zones of issue 14 case 5), then ...
 *
 * <p>A {@code @QuarkusTest} although it calls no endpoint: ical4j registers a JVM-wide java.time
 * {@code ZoneRulesProvider} when its class is first initialised, so it can be loaded by one class loader per JVM
 * only; as a Quarkus test it shares the application's class loader (and its already started application) instead
 * of loading ical4j a second time from the plain test class path.
 */
@QuarkusTest
class ICalendarFeedTest {
    private static final Instant NOW = Instant.parse("2026-11-21T08:00:00Z");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final Duration HOUR = Duration.ofHours(1);

    @Test
    void a_paused_series_skips_the_slots_of_its_pause() throws Exception {
        SeriesOverview series = series("WEEKLY", "America/New_York", LocalDate.of(2026, 11, 23), "MONDAY", LocalTime.of(8, 30));
        SeriesPause pause = new SeriesPause();
        pause.pauseId = UUID.randomUUID();
        pause.seriesId = series.seriesId;
        pause.fromDay = LocalDate.of(2026, 12, 21);
        pause.untilDay = LocalDate.of(2027, 1, 3);

        VEvent slots = only(parse(ICalendarFeed.render(new Contents(List.of(series), Map.of(),
                Map.of(series.seriesId, List.of(pause)), Map.of()), NOW, HOUR)), "series-" + series.seriesId + "@oneonone");

        assertEquals("FREQ=WEEKLY;INTERVAL=1", slots.getProperty(Property.RRULE).orElseThrow().getValue());
        ExDate<Temporal> exdate = slots.<ExDate<Temporal>>getProperty(Property.EXDATE).orElseThrow();
        assertEquals("America/New_York", exdate.getParameter("TZID").orElseThrow().getValue());
        assertEquals(List.of(at(2026, 12, 21, 8, 30), at(2026, 12, 28, 8, 30)),
                exdate.getDates().stream().map(Instant::from).toList());
    }

    // ---- EXDATEs on daylight-saving days: RFC 5545 matches an EXDATE against the instance's nominal local time

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void a_pause_on_a_spring_forward_day_holds_the_slot_that_the_gap_skips() throws Exception {
        // 2027-03-28: Berlin's clocks go from 02:00 to 03:00, so a 02:30 slot is at 03:30 CEST (01:30Z) that day
        List<LocalDateTime> exdates = assertNoSlotInPause(
                series("WEEKLY", "Europe/Berlin", LocalDate.of(2027, 3, 1), "SUNDAY", LocalTime.of(2, 30)),
                LocalDate.of(2027, 3, 27), LocalDate.of(2027, 3, 29));
        assertEquals(List.of(LocalDateTime.of(2027, 3, 28, 2, 30)), exdates, "EXDATE at the RRULE's own 02:30");
    }

    @Test
    void a_pause_on_a_fall_back_day_holds_the_slot_that_the_overlap_repeats() throws Exception {
        // 2027-10-31: Berlin's clocks go from 03:00 back to 02:00, so 02:30 happens twice; the slot is the first one
        List<LocalDateTime> exdates = assertNoSlotInPause(
                series("WEEKLY", "Europe/Berlin", LocalDate.of(2027, 10, 1), "SUNDAY", LocalTime.of(2, 30)),
                LocalDate.of(2027, 10, 30), LocalDate.of(2027, 11, 1));
        assertEquals(List.of(LocalDateTime.of(2027, 10, 31, 2, 30)), exdates);
    }

    @Test
    void slots_starting_on_a_spring_forward_day_recur_at_the_preferred_time() throws Exception {
        SeriesOverview series = series("WEEKLY", "Europe/Berlin", LocalDate.of(2027, 3, 28), "SUNDAY", LocalTime.of(2, 30));

        String text = render(series, List.of());
        ICalendar calendar = Biweekly.parse(text).first();
        biweekly.component.VEvent slots = calendar.getEvents().get(0);

        assertEquals(LocalDateTime.of(2027, 3, 28, 2, 30), local(slots.getDateStart().getValue()), text);
        assertEquals(List.of(Instant.parse("2027-03-28T01:30:00Z"), Instant.parse("2027-04-04T00:30:00Z")),
                slotInstants(text, calendar, LocalDateTime.of(2027, 4, 5, 0, 0)), "the gap shifts its own day only");
    }

    /**
     * Renders the series with the pause, reads the planned slots back with biweekly, expands their RRULE from the
     * nominal DTSTART with ical4j (in local time, as RFC 5545 does), drops the EXDATEs and checks that no instance
     * starts in the pause; answers the EXDATEs' nominal local times.
     */
    private static List<LocalDateTime> assertNoSlotInPause(SeriesOverview series, LocalDate from, LocalDate until) {
        SeriesPause pause = new SeriesPause();
        pause.pauseId = UUID.randomUUID();
        pause.seriesId = series.seriesId;
        pause.fromDay = from;
        pause.untilDay = until;
        String text = ICalendarFeed.render(new Contents(List.of(series), Map.of(),
                Map.of(series.seriesId, List.of(pause)), Map.of()), NOW, HOUR);

        ICalendar calendar = Biweekly.parse(text).first();
        List<Instant> instants = slotInstants(text, calendar, until.plusWeeks(2).atStartOfDay());
        Instant pauseStart = from.atStartOfDay(BERLIN).toInstant();
        Instant pauseEnd = until.plusDays(1).atStartOfDay(BERLIN).toInstant();
        assertEquals(List.of(), instants.stream().filter(at -> !at.isBefore(pauseStart) && at.isBefore(pauseEnd)).toList(),
                "planned slots in the pause\n" + text);
        assertTrue(instants.stream().anyMatch(at -> !at.isBefore(pauseEnd)), "slots after the pause\n" + text);
        return calendar.getEvents().get(0).getExceptionDates().stream().flatMap(exdate -> exdate.getValues().stream()).map(ICalendarFeedTest::local).toList();
    }

    /** The instants of the feed's one (recurring) event until {@code end}: RRULE from DTSTART in local time, less EXDATEs. */
    private static List<Instant> slotInstants(String text, ICalendar calendar, LocalDateTime end) {
        biweekly.component.VEvent event = calendar.getEvents().get(0);
        assertEquals("Europe/Berlin", calendar.getTimezoneInfo().getTimezone(event.getDateStart()).getComponent()
                .getTimezoneId().getValue(), text);
        // the VEVENT's RRULE (the VTIMEZONE before it has RRULEs too)
        Matcher rrule = Pattern.compile("\r\nRRULE:([^\r\n]+)").matcher(text.substring(text.indexOf("BEGIN:VEVENT")));
        assertTrue(rrule.find(), text);
        LocalDateTime start = local(event.getDateStart().getValue());
        Set<LocalDateTime> excluded = new TreeSet<>();
        event.getExceptionDates().forEach(exdate -> {
            assertEquals("Europe/Berlin", calendar.getTimezoneInfo().getTimezone(exdate).getComponent()
                    .getTimezoneId().getValue(), text);
            exdate.getValues().forEach(day -> excluded.add(local(day)));
        });
        return new net.fortuna.ical4j.model.Recur<LocalDateTime>(rrule.group(1)).getDates(start, start, end).stream()
                .filter(local -> !excluded.contains(local))
                .map(local -> ZonedDateTime.of(local, BERLIN).toInstant()).toList();
    }

    /** A date-time as written (biweekly's raw components), without resolving it in a zone. */
    private static LocalDateTime local(ICalDate date) {
        DateTimeComponents raw = date.getRawComponents();
        return LocalDateTime.of(raw.getYear(), raw.getMonth(), raw.getDate(), raw.getHour(), raw.getMinute(), raw.getSecond());
    }

    @Test
    void a_daily_series_starting_on_a_saturday_starts_its_slots_on_monday() throws Exception {
        SeriesOverview series = series("DAILY", "America/New_York", LocalDate.of(2026, 11, 21), "WEDNESDAY", LocalTime.of(9, 0));

        VEvent slots = only(parse(render(series, List.of())), "series-" + series.seriesId + "@oneonone");

        assertEquals("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", slots.getProperty(Property.RRULE).orElseThrow().getValue());
        assertEquals(at(2026, 11, 23, 9, 0), Instant.from(slots.<DateProperty<?>>getProperty(Property.DTSTART).orElseThrow().getDate()));
    }

    @Test
    void a_series_in_utc_gets_utc_times_and_no_vtimezone() throws Exception {
        SeriesOverview series = series("WEEKLY", "UTC", LocalDate.of(2026, 11, 23), null, null);
        MeetingOverview meeting = meeting(series, Instant.parse("2026-11-24T15:00:00Z"), "HELD", 0);

        String text = render(series, List.of(meeting));

        assertTrue(text.contains("DTSTART:20261124T150000Z"), text);
        assertFalse(text.contains("VTIMEZONE"), text);
        Calendar calendar = parse(text);
        assertEquals(1, calendar.getComponents("VEVENT").size(), "no preferred slot: no recurring event");
        assertEquals("CONFIRMED", only(calendar, meeting.meetingId + "@oneonone").getProperty(Property.STATUS).orElseThrow().getValue());
    }

    @Test
    void an_ended_series_keeps_its_meetings_and_loses_its_slots_and_a_cancellation_is_a_new_revision() throws Exception {
        SeriesOverview series = series("BIWEEKLY", "Europe/Berlin", LocalDate.of(2026, 11, 23), "TUESDAY", LocalTime.of(10, 0));
        series.status = SeriesOverview.ENDED;
        MeetingOverview missed = meeting(series, Instant.parse("2026-11-10T09:00:00Z"), "MISSED", 0);
        MeetingOverview cancelled = meeting(series, Instant.parse("2026-11-24T09:00:00Z"), "CANCELLED", 2);

        Calendar calendar = parse(render(series, List.of(missed, cancelled)));

        assertEquals(2, calendar.getComponents("VEVENT").size());
        assertEquals("CONFIRMED", only(calendar, missed.meetingId + "@oneonone").getProperty(Property.STATUS).orElseThrow().getValue());
        VEvent gone = only(calendar, cancelled.meetingId + "@oneonone");
        assertEquals("CANCELLED", gone.getProperty(Property.STATUS).orElseThrow().getValue());
        assertEquals("3", gone.getProperty(Property.SEQUENCE).orElseThrow().getValue());
    }

    @Test
    void summaries_name_the_kind_of_1on1_only() {
        assertEquals("1:1 (manager–report)", ICalendarFeed.summary("MANAGER_REPORT"));
        assertEquals("1:1 (mentor–mentee)", ICalendarFeed.summary("MENTOR_MENTEE"));
        assertEquals("1:1 (peers)", ICalendarFeed.summary("PEER"));
    }

    static String render(SeriesOverview series, List<MeetingOverview> meetings) {
        return ICalendarFeed.render(new Contents(List.of(series), Map.of(series.seriesId, meetings), Map.of(), Map.of()), NOW, HOUR);
    }

    static SeriesOverview series(String cadence, String zone, LocalDate startsOn, String weekday, LocalTime time) {
        SeriesOverview series = new SeriesOverview();
        series.seriesId = UUID.randomUUID();
        series.organisationId = "acme";
        series.leaderId = UUID.randomUUID();
        series.companionId = UUID.randomUUID();
        series.relationship = "MANAGER_REPORT";
        series.cadence = cadence;
        series.plannedMinutes = 30;
        series.timeZone = zone;
        series.startsOn = startsOn;
        series.status = SeriesOverview.ACTIVE;
        series.preferredWeekday = weekday;
        series.preferredTime = time;
        return series;
    }

    static MeetingOverview meeting(SeriesOverview series, Instant at, String status, int moves) {
        MeetingOverview meeting = new MeetingOverview();
        meeting.meetingId = UUID.randomUUID();
        meeting.seriesId = series.seriesId;
        meeting.organisationId = series.organisationId;
        meeting.scheduledFor = at;
        meeting.firstScheduledFor = at;
        meeting.plannedMinutes = 30;
        meeting.status = status;
        meeting.rescheduleCount = moves;
        return meeting;
    }

    private static Instant at(int year, int month, int day, int hour, int minute) {
        return ZonedDateTime.of(year, month, day, hour, minute, 0, 0, NEW_YORK).toInstant();
    }

    private static Calendar parse(String text) throws Exception {
        return new CalendarBuilder().build(new StringReader(text));
    }

    private static VEvent only(Calendar calendar, String uid) {
        return calendar.<VEvent>getComponents("VEVENT").stream()
                .filter(event -> event.getProperty(Property.UID).map(Property::getValue).orElse("").equals(uid))
                .findFirst().orElseThrow(() -> new AssertionError("no VEVENT " + uid + " in\n" + calendar));
    }

    // ---- issue 14, case 5: every zone java.time accepts (parsed again with biweekly, a second iCalendar library)

    private static final Pattern TZID_PARAMETER = Pattern.compile(";TZID=([^:;]+)[:;]");
    private static final Pattern VTIMEZONE_ID = Pattern.compile("BEGIN:VTIMEZONE\r\nTZID:([^\r\n]+)\r\n");
    private static final List<LocalDateTime> LOCAL_TIMES = List.of(LocalDateTime.of(2026, 7, 15, 10, 30),
            LocalDateTime.of(2027, 1, 14, 10, 30), LocalDateTime.of(2041, 7, 10, 10, 30), LocalDateTime.of(2045, 12, 6, 16, 0));

    @Test
    void every_zone_java_accepts_gets_its_vtimezone_and_its_times_round_trip_through_biweekly() {
        List<String> failures = new ArrayList<>();
        // ids ical4j registers into java.time for its own parsing ("ical4j~...", "ical4j-local-...") are not zones
        Set<String> zones = new TreeSet<>(ZoneId.getAvailableZoneIds());
        zones.removeIf(id -> id.startsWith("ical4j"));
        for (String id : zones) {
            try {
                check(id);
            } catch (AssertionError | RuntimeException e) {
                failures.add(id + ": " + e.getMessage());
            }
        }
        assertEquals(List.of(), failures, failures.size() + " of " + zones.size() + " zones");
        assertTrue(zones.size() > 500, "java.time knows " + zones.size() + " zone ids");
    }

    @Test
    void aliases_are_written_as_their_canonical_zone_with_that_zones_vtimezone() {
        String amsterdam = render(series("Europe/Amsterdam"), List.of());
        List<String> named = all(TZID_PARAMETER, amsterdam);
        assertEquals(all(VTIMEZONE_ID, amsterdam), new ArrayList<>(new TreeSet<>(named)), amsterdam);
        String eastern = render(series("US/Eastern"), List.of());
        assertEquals(List.of("America/New_York"), all(VTIMEZONE_ID, eastern), eastern);
    }

    private static void check(String id) {
        ZoneId zone = ZoneId.of(id);
        SeriesOverview series = series(id);
        List<MeetingOverview> meetings = new ArrayList<>();
        for (LocalDateTime local : LOCAL_TIMES) {
            meetings.add(meeting(series, local.atZone(zone).toInstant(), "SCHEDULED", 0));
        }
        String text = render(series, meetings);

        List<String> named = all(TZID_PARAMETER, text);
        List<String> defined = all(VTIMEZONE_ID, text);
        boolean utc = zone.normalized().equals(ZoneOffset.UTC);
        assertEquals(utc ? List.of() : List.of(new TreeSet<>(named).size() == 1 ? named.get(0) : "one TZID"),
                new ArrayList<>(new TreeSet<>(named)), "TZIDs named");
        assertEquals(new ArrayList<>(new TreeSet<>(named)), defined, "a VTIMEZONE per TZID");

        ICalendar calendar = Biweekly.parse(text).first();
        assertNotNull(calendar, "biweekly reads the feed");
        for (MeetingOverview meeting : meetings) {
            biweekly.component.VEvent event = calendar.getEvents().stream()
                    .filter(e -> e.getUid().getValue().equals(meeting.meetingId + "@oneonone")).findFirst().orElseThrow();
            assertEquals(meeting.scheduledFor, instantRead(calendar, event, utc), "instant of " + meeting.scheduledFor.atZone(zone));
        }
        biweekly.component.VEvent slots = calendar.getEvents().stream().filter(e -> e.getUid().getValue().startsWith("series-")).findFirst().orElseThrow();
        assertEquals(ZonedDateTime.of(LocalDate.of(2026, 11, 23), LocalTime.of(9, 0), zone).toInstant(),
                instantRead(calendar, slots, utc), "first planned slot");
    }

    /**
     * DTSTART as biweekly reads it: its local time, and the TZOFFSETTO of the observance of the feed's VTIMEZONE that
     * biweekly finds in force then. (Not ICalDate's own instant: that goes through java.util.Calendar, which assumes an hour of daylight
     * saving and misreads zones with 30 minutes, two hours or negative DST, e.g. Lord_Howe, Troll, Casablanca.)
     */
    private static Instant instantRead(ICalendar calendar, biweekly.component.VEvent event, boolean utc) {
        ICalDate start = event.getDateStart().getValue();
        if (utc) {
            return start.toInstant();
        }
        TimezoneAssignment assigned = calendar.getTimezoneInfo().getTimezone(event.getDateStart());
        assertNotNull(assigned, "DTSTART has a zone");
        assertNotNull(assigned.getComponent(), "its zone is the feed's own VTIMEZONE, " + assigned.getGlobalId());
        DateTimeComponents raw = start.getRawComponents();
        LocalDateTime local = LocalDateTime.of(raw.getYear(), raw.getMonth(), raw.getDate(), raw.getHour(), raw.getMinute(), raw.getSecond());
        ICalTimeZone zone = (ICalTimeZone) assigned.getTimeZone();
        long asIfUtc = local.toInstant(ZoneOffset.UTC).toEpochMilli();
        long offset = offsetTo(zone, asIfUtc - zone.getRawOffset());
        offset = offsetTo(zone, asIfUtc - offset);
        return Instant.ofEpochMilli(asIfUtc - offset);
    }

    /** TZOFFSETTO of the feed's observance in force at an instant, as biweekly finds it. */
    private static long offsetTo(ICalTimeZone zone, long at) {
        return zone.getObservance(new java.util.Date(at)).getTimezoneOffsetTo().getValue().getMillis();
    }

    private static SeriesOverview series(String zone) {
        return series("WEEKLY", zone, LocalDate.of(2026, 11, 23), "MONDAY", LocalTime.of(9, 0));
    }

    private static List<String> all(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

}
