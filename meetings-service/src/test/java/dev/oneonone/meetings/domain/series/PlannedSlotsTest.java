package dev.oneonone.meetings.domain.series;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.oneonone.events.meetings.Cadence;
import dev.oneonone.events.meetings.CadenceChanged;
import dev.oneonone.events.meetings.CancelReason;
import dev.oneonone.events.meetings.MeetingMode;
import dev.oneonone.events.meetings.Relationship;
import dev.oneonone.events.meetings.RescheduleReason;
import dev.oneonone.events.meetings.SeriesStarted;
import dev.oneonone.meetings.domain.Decision;

/** Issue 14, cases 2 to 4: planned slots derived from the series' whole history (domain, no framework). */
class PlannedSlotsTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final UUID LEADER = UUID.randomUUID();

    @Test
    void case_2_a_meeting_moved_within_its_week_leaves_no_slot_behind_not_even_once_cancelled() {
        SeriesHistory history = new SeriesHistory(started(Cadence.WEEKLY, LocalDate.of(2026, 11, 5), DayOfWeek.THURSDAY));
        Instant now = at(LocalDate.of(2026, 12, 1), 8);
        UUID first = schedule(history, LocalDate.of(2026, 12, 3), now);
        UUID moved = schedule(history, LocalDate.of(2026, 12, 10), now);
        schedule(history, LocalDate.of(2026, 12, 17), now);

        assertTrue(history.decide(history.series().reschedule(new RescheduleMeeting(moved, at(LocalDate.of(2026, 12, 11), 9),
                LEADER, RescheduleReason.CONFLICT, now)), now));
        assertEquals(List.of(LocalDate.of(2026, 12, 24)), slots(history));

        assertTrue(history.decide(history.series().cancel(new CancelMeeting(moved, LEADER, CancelReason.ILLNESS, now)), now));
        assertEquals(List.of(LocalDate.of(2026, 12, 24)), slots(history), "a cancelled meeting still stands for its week");
        assertEquals(3, history.meetings().size(), first + " and the others stay in the feed as events");
    }

    @Test
    void case_2_a_meeting_moved_to_another_week_covers_the_week_it_left_and_the_one_it_went_to() {
        SeriesHistory history = new SeriesHistory(started(Cadence.WEEKLY, LocalDate.of(2026, 11, 5), DayOfWeek.THURSDAY));
        Instant now = at(LocalDate.of(2026, 12, 1), 8);
        UUID moved = schedule(history, LocalDate.of(2026, 12, 10), now);

        assertTrue(history.decide(history.series().reschedule(new RescheduleMeeting(moved, at(LocalDate.of(2026, 12, 22), 9),
                LEADER, RescheduleReason.TRAVEL, now)), now));

        assertEquals(List.of(LocalDate.of(2026, 12, 3), LocalDate.of(2026, 12, 17)), slots(history));
    }

    @Test
    void case_3_after_a_change_to_biweekly_the_slots_follow_the_anchor_meetings_next_uses() {
        SeriesHistory history = new SeriesHistory(started(Cadence.WEEKLY, LocalDate.of(2026, 9, 8), DayOfWeek.TUESDAY));
        Instant now = at(LocalDate.of(2026, 11, 29), 12);
        for (LocalDate tuesday = LocalDate.of(2026, 9, 8); tuesday.isBefore(LocalDate.of(2026, 11, 25)); tuesday = tuesday.plusWeeks(1)) {
            UUID meeting = UUID.randomUUID();
            Series importing = history.series().importing();
            assertTrue(history.decide(importing.schedule(new ScheduleMeeting(meeting, at(tuesday, 9), null, now)), now));
            assertTrue(history.decide(history.series().recordHeld(new RecordMeetingHeld(meeting, at(tuesday, 9), 30,
                    MeetingMode.REMOTE, now)), now));
        }

        Decision change = history.series().changeCadence(new ChangeCadence(Cadence.BIWEEKLY, null, now));
        assertEquals(LocalDate.of(2026, 12, 8), ((CadenceChanged) ((Decision.Accepted) change).events().get(0)).anchorOn());
        assertTrue(history.decide(change, now));

        assertEquals(at(LocalDate.of(2026, 12, 8), 9), history.series().nextSlot(now), "what /meetings/next proposes");
        assertEquals(List.of(LocalDate.of(2026, 12, 8), LocalDate.of(2026, 12, 22), LocalDate.of(2027, 1, 5)),
                history.plannedSlots().between(LocalDate.of(2026, 11, 25), LocalDate.of(2027, 1, 10)));
    }

    @Test
    void case_4_a_second_pause_keeps_the_first_and_neither_has_slots() {
        SeriesHistory history = new SeriesHistory(started(Cadence.WEEKLY, LocalDate.of(2026, 11, 5), DayOfWeek.THURSDAY));
        Instant now = at(LocalDate.of(2026, 11, 20), 8);
        assertTrue(history.decide(history.series().pause(new PauseSeries(LocalDate.of(2026, 11, 20), LocalDate.of(2026, 12, 13), now)), now));
        assertTrue(history.decide(history.series().pause(new PauseSeries(LocalDate.of(2027, 1, 11), LocalDate.of(2027, 1, 17), now)), now));

        assertEquals(List.of(LocalDate.of(2026, 12, 17), LocalDate.of(2026, 12, 24), LocalDate.of(2026, 12, 31),
                LocalDate.of(2027, 1, 7), LocalDate.of(2027, 1, 21)),
                history.plannedSlots().between(LocalDate.of(2026, 11, 20), LocalDate.of(2027, 1, 24)));
        Decision inFirstPause = history.series().schedule(new ScheduleMeeting(UUID.randomUUID(),
                at(LocalDate.of(2026, 12, 3), 9), null, now));
        assertTrue(inFirstPause instanceof Decision.Rejected, "the first pause still holds: " + inFirstPause);
    }

    @Test
    void after_a_pause_a_biweekly_series_proposes_the_feeds_next_slot_in_phase() {
        // biweekly on Tuesdays from 3 November: slots 3 and 17 November, 1, 15 and 29 December; 1 December is paused,
        // and the first Tuesday after the pause (8 December) is out of phase
        assertNextAfterPause(Cadence.BIWEEKLY, LocalDate.of(2026, 11, 3), DayOfWeek.TUESDAY, LocalDate.of(2026, 11, 17),
                new PlannedSlots.Pause(LocalDate.of(2026, 11, 25), LocalDate.of(2026, 12, 5)), LocalDate.of(2026, 12, 15));
    }

    @Test
    void after_a_pause_a_monthly_series_proposes_the_feeds_next_slot_in_phase() {
        // every four weeks on Thursdays from 5 November: slots 5 November, 3 and 31 December; not 17 December
        assertNextAfterPause(Cadence.MONTHLY, LocalDate.of(2026, 11, 5), DayOfWeek.THURSDAY, LocalDate.of(2026, 11, 5),
                new PlannedSlots.Pause(LocalDate.of(2026, 11, 30), LocalDate.of(2026, 12, 10)), LocalDate.of(2026, 12, 31));
    }

    /** One meeting, then a pause: /meetings/next and the feed's first planned slot after the meeting are {@code next}. */
    private static void assertNextAfterPause(Cadence cadence, LocalDate startsOn, DayOfWeek weekday, LocalDate meeting,
            PlannedSlots.Pause pause, LocalDate next) {
        SeriesHistory history = new SeriesHistory(started(cadence, startsOn, weekday));
        Instant now = at(startsOn.minusDays(1), 8);
        schedule(history, meeting, now);
        assertTrue(history.decide(history.series().pause(new PauseSeries(pause.from(), pause.until(), now)), now));

        assertEquals(at(next, 9), history.series().nextSlot(now), "what /meetings/next proposes");
        assertEquals(next, history.plannedSlots().between(meeting.plusDays(1), next.plusWeeks(8)).get(0),
                "the feed's first planned slot after the meeting");
    }

    private static List<LocalDate> slots(SeriesHistory history) {
        return history.plannedSlots().between(LocalDate.of(2026, 11, 30), LocalDate.of(2026, 12, 27));
    }

    private static UUID schedule(SeriesHistory history, LocalDate day, Instant now) {
        UUID meeting = UUID.randomUUID();
        assertTrue(history.decide(history.series().schedule(new ScheduleMeeting(meeting, at(day, 9), null, now)), now));
        return meeting;
    }

    static SeriesStarted started(Cadence cadence, LocalDate startsOn, DayOfWeek weekday) {
        return new SeriesStarted(UUID.randomUUID(), LEADER, UUID.randomUUID(), Relationship.MANAGER_REPORT, cadence, 30,
                BERLIN.getId(), startsOn, weekday, LocalTime.of(9, 0));
    }

    private static Instant at(LocalDate day, int hour) {
        return ZonedDateTime.of(day, LocalTime.of(hour, 0), BERLIN).toInstant();
    }

}
