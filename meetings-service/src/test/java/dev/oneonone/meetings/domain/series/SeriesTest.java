package dev.oneonone.meetings.domain.series;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.oneonone.events.meetings.Cadence;
import dev.oneonone.events.meetings.MeetingScheduled;
import dev.oneonone.events.meetings.MeetingsEvent;
import dev.oneonone.events.meetings.Relationship;
import dev.oneonone.events.meetings.SeriesStarted;
import dev.oneonone.meetings.domain.Decision;
import dev.oneonone.meetings.domain.Rejection;

/** Given past events, when a command arrives, then these events (or this rejection). */
class SeriesTest {
    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
    private static final UUID SERIES = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final UUID LEADER = UUID.fromString("00000000-0000-0000-0000-0000000000b1");
    private static final UUID COMPANION = UUID.fromString("00000000-0000-0000-0000-0000000000c1");
    private static final SeriesStarted STARTED = new SeriesStarted(SERIES, LEADER, COMPANION,
            Relationship.MANAGER_REPORT, Cadence.WEEKLY, 30, "Europe/Berlin", LocalDate.parse("2026-11-20"), null, null);

    @Test
    void starting_a_series_records_series_started_with_defaults() {
        Decision decision = Series.start(start(LEADER, COMPANION, null, "Europe/Berlin", null));

        assertEquals(Decision.accept(STARTED), decision);
    }

    @Test
    void a_series_needs_two_different_people() {
        Decision decision = Series.start(start(LEADER, LEADER, null, "Europe/Berlin", null));

        assertRejected(decision, "same-person", "companionId");
    }

    @Test
    void an_unknown_time_zone_is_refused() {
        Decision decision = Series.start(start(LEADER, COMPANION, null, "Mars/Olympus", null));

        assertRejected(decision, "unknown-time-zone", "timeZone");
    }

    @Test
    void a_planned_duration_outside_five_to_240_minutes_is_refused() {
        assertRejected(Series.start(start(LEADER, COMPANION, 4, "UTC", null)), "planned-duration-out-of-range",
                "plannedMinutes");
        assertRejected(Series.start(start(LEADER, COMPANION, 241, "UTC", null)), "planned-duration-out-of-range",
                "plannedMinutes");
    }

    @Test
    void the_start_day_defaults_to_today_in_the_series_time_zone() {
        // 23:30 UTC on the 20th is already the 21st in Tokyo
        Instant lateEvening = Instant.parse("2026-11-20T23:30:00Z");
        StartSeries command = new StartSeries(SERIES, LEADER, COMPANION, Relationship.MENTOR_MENTEE, Cadence.BIWEEKLY,
                45, "Asia/Tokyo", null, null, null, lateEvening);

        SeriesStarted started = (SeriesStarted) accepted(Series.start(command)).get(0);

        assertEquals(LocalDate.parse("2026-11-21"), started.startsOn());
    }

    @Test
    void the_first_meeting_of_a_series_is_marked_first() {
        UUID meeting = UUID.randomUUID();
        Instant at = NOW.plusSeconds(86_400);

        Decision decision = given(STARTED).schedule(new ScheduleMeeting(meeting, at, null, NOW));

        assertEquals(Decision.accept(new MeetingScheduled(SERIES, meeting, at, 30, true)), decision);
    }

    @Test
    void later_meetings_are_not_first_and_may_have_their_own_duration() {
        MeetingScheduled first = new MeetingScheduled(SERIES, UUID.randomUUID(), NOW.plusSeconds(3600), 30, true);
        UUID second = UUID.randomUUID();
        Instant at = NOW.plusSeconds(8 * 86_400);

        Decision decision = given(STARTED, first).schedule(new ScheduleMeeting(second, at, 15, NOW));

        assertEquals(Decision.accept(new MeetingScheduled(SERIES, second, at, 15, false)), decision);
    }

    @Test
    void a_meeting_cannot_be_scheduled_in_the_past() {
        Decision decision = given(STARTED).schedule(new ScheduleMeeting(UUID.randomUUID(), NOW.minusSeconds(60), null, NOW));

        assertRejected(decision, "meeting-in-the-past", "scheduledFor");
    }

    @Test
    void the_version_counts_the_events_folded() {
        MeetingScheduled first = new MeetingScheduled(SERIES, UUID.randomUUID(), NOW.plusSeconds(3600), 30, true);

        assertEquals(2, given(STARTED, first).version());
    }

    private static Series given(MeetingsEvent... history) {
        return Series.from(List.of(history));
    }

    private static StartSeries start(UUID leader, UUID companion, Integer minutes, String zone, LocalDate startsOn) {
        return new StartSeries(SERIES, leader, companion, Relationship.MANAGER_REPORT, Cadence.WEEKLY, minutes, zone,
                startsOn, null, null, NOW);
    }

    private static List<MeetingsEvent> accepted(Decision decision) {
        return assertInstanceOf(Decision.Accepted.class, decision).events();
    }

    private static void assertRejected(Decision decision, String reason, String field) {
        Rejection rejection = assertInstanceOf(Decision.Rejected.class, decision).rejection();
        assertEquals(reason, rejection.reason());
        assertEquals(field, rejection.field());
    }
}
