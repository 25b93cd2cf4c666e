package dev.oneonone.meetings.rest.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.oneonone.meetings.projection.MeetingOverview;
import dev.oneonone.meetings.projection.SeriesOverview;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue 14 follow-up, case 1: the VTIMEZONEs of a feed as ical.js (2.2.1, what many web calendars embed) reads them.
 * ical.js takes the onsets of an observance from its RDATEs alone when it has any (not its DTSTART), reads only the
 * first value of each RDATE property, and knows RRULEs; European summer time ("last Sunday", which java.time stores
 * as "Sunday on or after the 25th") was written as one RDATE list and read an hour off.
 *
 * <p>This test reads each zone's VTIMEZONE the way ical.js does, with its own small reader (independent of ical4j,
 * biweekly and {@link CalendarZones}): it checks the forms the feed may use (an RRULE of a form below, or RDATEs of
 * one value each) and that every transition java.time knows from the feed's first time until 2100 is an onset the
 * reader finds, with the same offsets, and that meetings in summer and winter of both hemispheres read back at their
 * instant. It also writes each zone's feed and the instants expected to {@code target/vtimezone-feeds/} so that
 * {@code deploy/end-to-end/contract-validators/check-vtimezones.mjs} can check them with ical.js itself.
 *
 * <p>A {@code @QuarkusTest} for the same reason as {@link ICalendarFeedTest} (ical4j's class loader).
 */
@QuarkusTest
class VTimeZoneAsIcalJsReadsItTest {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
    private static final Instant SINCE = LocalDateTime.of(2026, 7, 15, 10, 30).toInstant(ZoneOffset.UTC).minusSeconds(86_400);
    private static final Instant UNTIL = LocalDateTime.of(2100, 12, 31, 0, 0).toInstant(ZoneOffset.UTC);
    /** Meetings in both seasons of both hemispheres, near and far. */
    private static final List<LocalDateTime> MEETINGS = List.of(LocalDateTime.of(2026, 7, 15, 10, 30),
            LocalDateTime.of(2027, 1, 14, 10, 30), LocalDateTime.of(2027, 4, 15, 10, 30), LocalDateTime.of(2027, 7, 1, 10, 30),
            LocalDateTime.of(2027, 10, 14, 10, 30), LocalDateTime.of(2031, 10, 9, 10, 30), LocalDateTime.of(2033, 3, 3, 10, 30),
            LocalDateTime.of(2041, 7, 10, 10, 30), LocalDateTime.of(2045, 12, 6, 16, 0), LocalDateTime.of(2058, 6, 20, 12, 0));

    @Test
    void every_zone_reads_as_ical_js_reads_it_with_java_times_transitions_and_meeting_instants() throws IOException {
        Path out = Path.of("target", "vtimezone-feeds");
        Files.createDirectories(out);
        Set<String> zones = new TreeSet<>(ZoneId.getAvailableZoneIds());
        zones.removeIf(id -> id.startsWith("ical4j"));
        List<String> failures = new ArrayList<>();
        StringBuilder expected = new StringBuilder();
        int index = 0;
        for (String id : zones) {
            ZoneId zone = ZoneId.of(id);
            SeriesOverview series = ICalendarFeedTest.series("WEEKLY", id, LocalDate.of(2026, 11, 23), "MONDAY", LocalTime.of(9, 0));
            List<MeetingOverview> meetings = new ArrayList<>();
            for (LocalDateTime local : MEETINGS) {
                meetings.add(ICalendarFeedTest.meeting(series, local.atZone(zone).toInstant(), "SCHEDULED", 0));
            }
            String text = ICalendarFeedTest.render(series, meetings);
            String file = "zone-" + (index++) + ".ics";
            Files.writeString(out.resolve(file), text);
            for (MeetingOverview meeting : meetings) {
                expected.append(file).append(' ').append(meeting.meetingId).append("@oneonone ").append(meeting.scheduledFor)
                        .append(' ').append(id).append('\n');
            }
            try {
                check(zone, text, meetings);
            } catch (AssertionError | RuntimeException e) {
                failures.add(id + ": " + e.getMessage());
            }
        }
        Files.writeString(out.resolve("expected.txt"), expected);
        assertEquals(List.of(), failures, failures.size() + " of " + zones.size() + " zones");
        assertTrue(zones.size() > 500);
    }

    @Test
    void european_summer_time_is_a_last_sunday_rrule_and_a_rule_without_one_is_one_rdate_per_change() {
        String berlin = vTimeZone(ICalendarFeedTest.render(
                ICalendarFeedTest.series("WEEKLY", "Europe/Berlin", LocalDate.of(2026, 11, 23), "MONDAY", LocalTime.of(9, 0)), List.of()));
        assertTrue(berlin.contains("RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU"), berlin);
        assertTrue(berlin.contains("RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU"), berlin);
        assertTrue(!berlin.contains("RDATE"), berlin);
        // Nuuk's rule falls on the last Saturday at 22:00 local (Sunday 01:00 UTC in some years, java.time: Saturday
        // on or after the 25th), and Chatham's September change: whatever the form, never a list in one RDATE
        for (String id : List.of("America/Nuuk", "Pacific/Chatham", "Europe/Dublin", "Antarctica/Troll", "Europe/Kyiv")) {
            String text = vTimeZone(ICalendarFeedTest.render(
                    ICalendarFeedTest.series("WEEKLY", id, LocalDate.of(2026, 11, 23), "MONDAY", LocalTime.of(9, 0)), List.of()));
            for (String line : text.split("\r\n")) {
                assertTrue(!line.startsWith("RDATE") || !line.contains(","), id + ": " + line);
            }
        }
    }

    private static String vTimeZone(String feed) {
        String unfolded = feed.replace("\r\n ", "");
        int begin = unfolded.indexOf("BEGIN:VTIMEZONE");
        return begin < 0 ? "" : unfolded.substring(begin, unfolded.indexOf("END:VTIMEZONE") + "END:VTIMEZONE".length());
    }

    private static void check(ZoneId zone, String feed, List<MeetingOverview> meetings) {
        String text = vTimeZone(feed);
        if (text.isEmpty()) {
            assertTrue(zone.normalized().equals(ZoneOffset.UTC), "no VTIMEZONE");
            return;
        }
        TreeMap<Instant, Integer> onsets = onsets(text);
        ZoneRules rules = zone.getRules();
        // every java.time transition from the feed's first time to 2100: an onset there, with the offsets around it
        ZoneOffsetTransition transition = rules.nextTransition(SINCE);
        while (transition != null && transition.getInstant().isBefore(UNTIL)) {
            Instant at = transition.getInstant();
            assertEquals(transition.getOffsetAfter().getTotalSeconds(), offsetAt(onsets, at), "offset from " + transition);
            assertEquals(transition.getOffsetBefore().getTotalSeconds(), offsetAt(onsets, at.minusSeconds(1)), "offset before " + transition);
            transition = rules.nextTransition(at);
        }
        // and nothing else: mid-month samples agree too
        for (LocalDate day = LocalDate.of(2026, 8, 1); day.getYear() < 2100; day = day.plusMonths(1)) {
            for (LocalDate d : List.of(day, day.with(TemporalAdjusters.lastDayOfMonth()).minusDays(2), day.plusDays(14))) {
                Instant at = d.atTime(12, 0).toInstant(ZoneOffset.UTC);
                assertEquals(rules.getOffset(at).getTotalSeconds(), offsetAt(onsets, at), "offset at " + at);
            }
        }
        for (MeetingOverview meeting : meetings) {
            String local = null;
            for (String event : feed.replace("\r\n ", "").split("BEGIN:VEVENT")) {
                if (event.contains("\r\nUID:" + meeting.meetingId + "@oneonone\r\n")) {
                    Matcher start = Pattern.compile("\r\nDTSTART;TZID=[^:]+:(\\d{8}T\\d{6})\r\n").matcher(event);
                    local = start.find() ? start.group(1) : null;
                }
            }
            assertTrue(local != null, "DTSTART of " + meeting.meetingId);
            LocalDateTime wall = LocalDateTime.parse(local, LOCAL);
            Instant read = null;
            for (int offset : new TreeSet<>(onsets.values()).descendingSet()) {
                Instant candidate = wall.toInstant(ZoneOffset.ofTotalSeconds(offset));
                if (offsetAt(onsets, candidate) == offset && (read == null || candidate.isBefore(read))) {
                    read = candidate;
                }
            }
            assertEquals(meeting.scheduledFor, read, "meeting at " + wall + " " + zone);
        }
    }

    private static int offsetAt(TreeMap<Instant, Integer> onsets, Instant at) {
        var entry = onsets.floorEntry(at);
        return entry == null ? onsets.firstEntry().getValue() : entry.getValue();
    }

    /** Each onset's instant and TZOFFSETTO, read as ical.js reads observances. */
    private static TreeMap<Instant, Integer> onsets(String vTimeZone) {
        TreeMap<Instant, Integer> onsets = new TreeMap<>();
        for (String block : vTimeZone.split("BEGIN:(?=STANDARD|DAYLIGHT)")) {
            if (!block.startsWith("STANDARD") && !block.startsWith("DAYLIGHT")) {
                continue;
            }
            LocalDateTime dtStart = null;
            int from = 0;
            int to = 0;
            String rrule = null;
            List<LocalDateTime> rdates = new ArrayList<>();
            for (String line : block.split("\r\n")) {
                if (line.startsWith("DTSTART:")) {
                    dtStart = LocalDateTime.parse(line.substring(8), LOCAL);
                } else if (line.startsWith("TZOFFSETFROM:")) {
                    from = offset(line.substring(13));
                } else if (line.startsWith("TZOFFSETTO:")) {
                    to = offset(line.substring(11));
                } else if (line.startsWith("RRULE:")) {
                    rrule = line.substring(6);
                } else if (line.startsWith("RDATE")) {
                    String value = line.substring(line.indexOf(':') + 1);
                    assertTrue(!value.contains(","), "an RDATE with more than one value: " + line);
                    rdates.add(LocalDateTime.parse(value, LOCAL));
                } else if (!line.isBlank() && !line.startsWith("STANDARD") && !line.startsWith("DAYLIGHT") && !line.startsWith("END:")
                        && !line.startsWith("TZNAME")) {
                    throw new AssertionError("a property this reader does not know: " + line);
                }
            }
            assertTrue(rrule == null || rdates.isEmpty(), "RRULE and RDATE in one observance");
            List<LocalDateTime> starts = new ArrayList<>();
            if (!rdates.isEmpty()) {
                starts.addAll(rdates); // ical.js: not the DTSTART
            } else {
                starts.add(dtStart);
                if (rrule != null) {
                    starts.addAll(expand(rrule, dtStart));
                }
            }
            for (LocalDateTime start : starts) {
                onsets.put(start.toInstant(ZoneOffset.ofTotalSeconds(from)), to);
            }
        }
        return onsets;
    }

    /** The yearly onsets after DTSTART's until 2100 of the RRULE forms the feed may write (any other fails). */
    private static List<LocalDateTime> expand(String rrule, LocalDateTime dtStart) {
        java.util.Map<String, String> parts = new java.util.TreeMap<>();
        for (String part : rrule.split(";")) {
            parts.put(part.substring(0, part.indexOf('=')), part.substring(part.indexOf('=') + 1));
        }
        String byDay = parts.remove("BYDAY");
        String byMonthDay = parts.remove("BYMONTHDAY");
        String byMonth = parts.remove("BYMONTH");
        assertEquals(java.util.Map.of("FREQ", "YEARLY"), parts, "an RRULE of an unexpected form: " + rrule);
        assertTrue(byMonth != null && byMonth.matches("\\d{1,2}"), rrule);
        Month month = Month.of(Integer.parseInt(byMonth));
        List<LocalDateTime> starts = new ArrayList<>();
        for (int year = dtStart.getYear() + 1; year <= 2100; year++) {
            LocalDate first = LocalDate.of(year, month, 1);
            LocalDate day;
            if (byDay != null && byMonthDay == null) {
                assertTrue(byDay.matches("-1[A-Z]{2}"), "a BYDAY alone is the last weekday: " + rrule);
                day = first.with(TemporalAdjusters.lastInMonth(weekday(byDay.substring(2))));
            } else if (byDay == null && byMonthDay != null) {
                assertTrue(byMonthDay.matches("\\d{1,2}"), rrule);
                day = first.withDayOfMonth(Integer.parseInt(byMonthDay));
            } else {
                assertTrue(byDay != null && byDay.matches("[A-Z]{2}") && byMonthDay.matches("\\d{1,2}(,\\d{1,2}){6}"), rrule);
                String[] days = byMonthDay.split(",");
                for (int i = 1; i < 7; i++) {
                    assertEquals(Integer.parseInt(days[0]) + i, Integer.parseInt(days[i]), "seven days in a row: " + rrule);
                }
                day = first.withDayOfMonth(Integer.parseInt(days[0])).with(TemporalAdjusters.nextOrSame(weekday(byDay)));
            }
            starts.add(day.atTime(dtStart.toLocalTime()));
        }
        return starts;
    }

    private static java.time.DayOfWeek weekday(String two) {
        for (java.time.DayOfWeek weekday : java.time.DayOfWeek.values()) {
            if (weekday.name().startsWith(two)) {
                return weekday;
            }
        }
        throw new AssertionError(two);
    }

    private static int offset(String text) {
        int sign = text.charAt(0) == '-' ? -1 : 1;
        int seconds = Integer.parseInt(text.substring(1, 3)) * 3600 + Integer.parseInt(text.substring(3, 5)) * 60
                + (text.length() > 5 ? Integer.parseInt(text.substring(5, 7)) : 0);
        return sign * seconds;
    }
}
