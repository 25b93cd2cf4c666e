package dev.oneonone.meetings.rest.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
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

import dev.oneonone.meetings.projection.MeetingOverview;
import dev.oneonone.meetings.projection.SeriesOverview;
import io.quarkus.test.junit.QuarkusTest;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DateProperty;
import net.fortuna.ical4j.model.property.ExDate;

/**
 * The iCalendar rendering on its own: given series and meetings, when rendered and parsed again, then ...
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

    @Test
    void a_paused_series_skips_the_slots_of_its_pause() throws Exception {
        SeriesOverview series = series("WEEKLY", "America/New_York", LocalDate.of(2026, 11, 23), "MONDAY", LocalTime.of(8, 30));
        series.pausedFrom = LocalDate.of(2026, 12, 21);
        series.pausedUntil = LocalDate.of(2027, 1, 3);

        VEvent slots = only(parse(ICalendarFeed.render(List.of(series), Map.of(), NOW)), "series-" + series.seriesId + "@oneonone");

        assertEquals("FREQ=WEEKLY;INTERVAL=1", slots.getProperty(Property.RRULE).orElseThrow().getValue());
        ExDate<Temporal> exdate = slots.<ExDate<Temporal>>getProperty(Property.EXDATE).orElseThrow();
        assertEquals("America/New_York", exdate.getParameter("TZID").orElseThrow().getValue());
        assertEquals(List.of(at(2026, 12, 21, 8, 30), at(2026, 12, 28, 8, 30)),
                exdate.getDates().stream().map(Instant::from).toList());
    }

    @Test
    void a_daily_series_starting_on_a_saturday_starts_its_slots_on_monday() throws Exception {
        SeriesOverview series = series("DAILY", "America/New_York", LocalDate.of(2026, 11, 21), "WEDNESDAY", LocalTime.of(9, 0));

        VEvent slots = only(parse(ICalendarFeed.render(List.of(series), Map.of(), NOW)), "series-" + series.seriesId + "@oneonone");

        assertEquals("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", slots.getProperty(Property.RRULE).orElseThrow().getValue());
        assertEquals(at(2026, 11, 23, 9, 0), Instant.from(slots.<DateProperty<?>>getProperty(Property.DTSTART).orElseThrow().getDate()));
    }

    @Test
    void a_series_in_utc_gets_utc_times_and_no_vtimezone() throws Exception {
        SeriesOverview series = series("WEEKLY", "UTC", LocalDate.of(2026, 11, 23), null, null);
        MeetingOverview meeting = meeting(series, Instant.parse("2026-11-24T15:00:00Z"), "HELD", 0);

        String text = ICalendarFeed.render(List.of(series), Map.of(series.seriesId, List.of(meeting)), NOW);

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

        Calendar calendar = parse(ICalendarFeed.render(List.of(series), Map.of(series.seriesId, List.of(missed, cancelled)), NOW));

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

    private static SeriesOverview series(String cadence, String zone, LocalDate startsOn, String weekday, LocalTime time) {
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

    private static MeetingOverview meeting(SeriesOverview series, Instant at, String status, int moves) {
        MeetingOverview meeting = new MeetingOverview();
        meeting.meetingId = UUID.randomUUID();
        meeting.seriesId = series.seriesId;
        meeting.organisationId = series.organisationId;
        meeting.scheduledFor = at;
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
}
