package dev.oneonone.agenda.projection;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

/** When an employment ends: the EmploymentEnded's occurredAt when it is the start of the day after, in any zone. */
class LeaversTest {
    private static final LocalDate LAST_DAY = LocalDate.parse("2026-11-30");

    private static Instant startOfDayAfter(ZoneId zone) {
        return LAST_DAY.plusDays(1).atStartOfDay(zone).toInstant();
    }

    @Test
    void the_start_of_the_day_after_in_the_organisations_zone_is_taken_as_it_is() {
        for (String zone : new String[] { "UTC", "Europe/Berlin", "America/Los_Angeles", "Pacific/Kiritimati", "Etc/GMT+12" }) {
            Instant start = startOfDayAfter(ZoneId.of(zone));
            assertEquals(start, Leavers.leftAt(LAST_DAY, start), zone);
        }
    }

    @Test
    void an_occurred_at_that_is_no_such_start_counts_from_midnight_utc() {
        Instant recordedWeeksBefore = Instant.parse("2026-11-02T09:15:00Z"); // an event from before the calendars
        assertEquals(startOfDayAfter(ZoneOffset.UTC), Leavers.leftAt(LAST_DAY, recordedWeeksBefore));
        Instant recordedLate = Instant.parse("2026-12-05T09:15:00Z");
        assertEquals(startOfDayAfter(ZoneOffset.UTC), Leavers.leftAt(LAST_DAY, recordedLate));
    }
}
