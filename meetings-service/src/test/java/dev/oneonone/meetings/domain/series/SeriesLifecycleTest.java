package dev.oneonone.meetings.domain.series;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.oneonone.events.meetings.ActorRole;
import dev.oneonone.events.meetings.Cadence;
import dev.oneonone.events.meetings.CadenceChanged;
import dev.oneonone.events.meetings.CadenceRecommendation;
import dev.oneonone.events.meetings.CancelReason;
import dev.oneonone.events.meetings.MeetingCancelled;
import dev.oneonone.events.meetings.MeetingHeld;
import dev.oneonone.events.meetings.MeetingMissed;
import dev.oneonone.events.meetings.MeetingMode;
import dev.oneonone.events.meetings.MeetingRescheduled;
import dev.oneonone.events.meetings.MeetingScheduled;
import dev.oneonone.events.meetings.MeetingsEvent;
import dev.oneonone.events.meetings.Relationship;
import dev.oneonone.events.meetings.RescheduleReason;
import dev.oneonone.events.meetings.SeriesEnded;
import dev.oneonone.events.meetings.SeriesEndReason;
import dev.oneonone.events.meetings.SeriesPaused;
import dev.oneonone.events.meetings.SeriesResumed;
import dev.oneonone.events.meetings.SeriesStarted;
import dev.oneonone.meetings.domain.Decision;
import dev.oneonone.meetings.domain.Rejection;

/** Given past events, when a lifecycle command arrives, then these events (or this rejection). */
class SeriesLifecycleTest {
    // Friday 20 November 2026, 11:00 in Berlin
    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
    private static final LocalDate TODAY = LocalDate.parse("2026-11-20");
    private static final UUID SERIES = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final UUID LEADER = UUID.fromString("00000000-0000-0000-0000-0000000000b1");
    private static final UUID COMPANION = UUID.fromString("00000000-0000-0000-0000-0000000000c1");
    private static final UUID MEETING = UUID.fromString("00000000-0000-0000-0000-0000000000d1");
    private static final SeriesStarted WEEKLY = started(Cadence.WEEKLY, null, null);
    private static final Instant TUESDAY_NEXT = Instant.parse("2026-11-24T09:00:00Z");
    private static final MeetingScheduled SCHEDULED = new MeetingScheduled(SERIES, MEETING, TUESDAY_NEXT, 30, true);
    private static final Instant YESTERDAY = NOW.minus(Duration.ofDays(1));
    private static final MeetingScheduled SCHEDULED_YESTERDAY = new MeetingScheduled(SERIES, MEETING, YESTERDAY, 30, true);

    // ---- cadence

    @Test
    void changing_the_cadence_records_from_and_to_with_the_recommendation() {
        Decision decision = given(started(Cadence.DAILY, null, null))
                .changeCadence(new ChangeCadence(Cadence.WEEKLY, CadenceRecommendation.STEP_DOWN_FROM_DAILY, NOW));

        // no meeting yet: the new cadence is anchored on the first day /meetings/next could choose, today
        assertEquals(Decision.accept(new CadenceChanged(SERIES, Cadence.DAILY, Cadence.WEEKLY,
                CadenceRecommendation.STEP_DOWN_FROM_DAILY, TODAY)), decision);
    }

    @Test
    void the_same_cadence_again_is_refused() {
        assertRejected(given(WEEKLY).changeCadence(new ChangeCadence(Cadence.WEEKLY, null, NOW)), "cadence-unchanged", "cadence");
    }

    @Test
    void a_recommendation_must_fit_the_change() {
        assertRejected(given(WEEKLY).changeCadence(new ChangeCadence(Cadence.BIWEEKLY,
                CadenceRecommendation.STEP_DOWN_FROM_DAILY, NOW)), "recommendation-does-not-fit", "recommendation");
        assertRejected(given(WEEKLY).changeCadence(new ChangeCadence(Cadence.MONTHLY,
                CadenceRecommendation.SWITCH_TO_BIWEEKLY, NOW)), "recommendation-does-not-fit", "recommendation");
        assertRejected(given(WEEKLY).changeCadence(new ChangeCadence(Cadence.MONTHLY,
                CadenceRecommendation.CLOSE_THE_GAP, NOW)), "recommendation-does-not-fit", "recommendation");
        accepted(given(WEEKLY).changeCadence(new ChangeCadence(Cadence.BIWEEKLY, CadenceRecommendation.SWITCH_TO_BIWEEKLY, NOW)));
    }

    @Test
    void the_folded_cadence_is_the_latest() {
        assertEquals(Cadence.BIWEEKLY, given(WEEKLY, new CadenceChanged(SERIES, Cadence.WEEKLY, Cadence.BIWEEKLY, null)).cadence());
    }

    // ---- pause and resume

    @Test
    void pausing_records_the_days() {
        Decision decision = given(WEEKLY).pause(new PauseSeries(TODAY.plusDays(30), TODAY.plusDays(44), NOW));

        assertEquals(Decision.accept(new SeriesPaused(SERIES, TODAY.plusDays(30), TODAY.plusDays(44))), decision);
    }

    @Test
    void a_pause_ends_on_or_after_it_starts_and_not_in_the_past() {
        assertRejected(given(WEEKLY).pause(new PauseSeries(TODAY.plusDays(5), TODAY.plusDays(4), NOW)),
                "pause-ends-before-it-starts", "until");
        assertRejected(given(WEEKLY).pause(new PauseSeries(TODAY.minusDays(10), TODAY.minusDays(1), NOW)),
                "pause-in-the-past", "until");
        assertRejected(given(WEEKLY).pause(new PauseSeries(TODAY, TODAY.plusDays(400), NOW)), "pause-too-long", "until");
    }

    @Test
    void pauses_do_not_overlap() {
        Series series = given(WEEKLY, new SeriesPaused(SERIES, TODAY.plusDays(10), TODAY.plusDays(20)));

        assertRejected(series.pause(new PauseSeries(TODAY.plusDays(20), TODAY.plusDays(25), NOW)), "pauses-overlap", "from");
        assertRejected(series.pause(new PauseSeries(TODAY.plusDays(1), TODAY.plusDays(10), NOW)), "pauses-overlap", "from");
        accepted(series.pause(new PauseSeries(TODAY.plusDays(21), TODAY.plusDays(25), NOW)));
    }

    @Test
    void resuming_ends_the_current_pause_and_frees_its_remaining_days() {
        Series series = given(WEEKLY, new SeriesPaused(SERIES, TODAY.minusDays(3), TODAY.plusDays(10)));

        Decision decision = series.resume(new ResumeSeries(null, NOW));

        assertEquals(Decision.accept(new SeriesResumed(SERIES, TODAY)), decision);
        series.apply(new SeriesResumed(SERIES, TODAY));
        accepted(series.pause(new PauseSeries(TODAY.plusDays(5), TODAY.plusDays(6), NOW)));
    }

    @Test
    void resuming_a_series_that_is_not_paused_is_refused() {
        assertRejected(given(WEEKLY).resume(new ResumeSeries(null, NOW)), "not-paused", null);
        assertRejected(given(WEEKLY, new SeriesPaused(SERIES, TODAY.plusDays(3), TODAY.plusDays(5)))
                .resume(new ResumeSeries(null, NOW)), "not-paused", null);
    }

    @Test
    void no_meeting_is_scheduled_or_moved_onto_a_paused_day() {
        Series series = given(WEEKLY, SCHEDULED, new SeriesPaused(SERIES, TODAY.plusDays(7), TODAY.plusDays(14)));

        assertRejected(series.schedule(new ScheduleMeeting(UUID.randomUUID(), Instant.parse("2026-11-30T09:00:00Z"), null, NOW)),
                "series-paused", "scheduledFor");
        assertRejected(series.reschedule(new RescheduleMeeting(MEETING, Instant.parse("2026-11-27T09:00:00Z"), null,
                RescheduleReason.TRAVEL, NOW)), "series-paused", "to");
    }

    // ---- end

    @Test
    void a_leavers_series_ends_the_day_after_their_last_day_from_the_start_of_that_day_however_late_recorded() {
        EndSeries command = EndSeries.employmentEnded(LocalDate.parse("2026-11-10"), ZoneId.of("UTC"), NOW);

        assertEquals(Instant.parse("2026-11-11T00:00:00Z"), command.occurredAt());
        assertEquals(Decision.accept(new SeriesEnded(SERIES, SeriesEndReason.EMPLOYMENT_ENDED,
                LocalDate.parse("2026-11-11"))), given(WEEKLY).end(command));
    }

    @Test
    void ending_by_a_participant_late_in_the_day_records_the_day_in_the_series_zone() {
        // 23:30 UTC on the 20th is already the 21st in Berlin
        assertEquals(Decision.accept(new SeriesEnded(SERIES, SeriesEndReason.ENDED_BY_PARTICIPANT,
                        LocalDate.parse("2026-11-21"))),
                given(WEEKLY).end(new EndSeries(Instant.parse("2026-11-20T23:30:00Z"))));
    }

    @Test
    void ending_records_series_ended_and_an_ended_series_accepts_nothing_more() {
        assertEquals(Decision.accept(new SeriesEnded(SERIES, SeriesEndReason.ENDED_BY_PARTICIPANT, TODAY)),
                given(WEEKLY).end(new EndSeries(NOW)));

        Series ended = given(WEEKLY, SCHEDULED, new SeriesEnded(SERIES));
        assertRejected(ended.end(new EndSeries(NOW)), "series-ended", null);
        assertRejected(ended.changeCadence(new ChangeCadence(Cadence.MONTHLY, null, NOW)), "series-ended", null);
        assertRejected(ended.pause(new PauseSeries(TODAY, TODAY, NOW)), "series-ended", null);
        assertRejected(ended.resume(new ResumeSeries(null, NOW)), "series-ended", null);
        assertRejected(ended.schedule(new ScheduleMeeting(UUID.randomUUID(), TUESDAY_NEXT.plusSeconds(86_400), null, NOW)),
                "series-ended", null);
        assertRejected(ended.scheduleNext(new ScheduleNextMeeting(UUID.randomUUID(), NOW)), "series-ended", null);
        assertRejected(ended.reschedule(new RescheduleMeeting(MEETING, TUESDAY_NEXT.plusSeconds(3600), null,
                RescheduleReason.CONFLICT, NOW)), "series-ended", null);
        assertRejected(ended.recordHeld(new RecordMeetingHeld(MEETING, NOW, 30, MeetingMode.REMOTE, NOW)), "series-ended", null);
        assertRejected(ended.cancel(new CancelMeeting(MEETING, null, CancelReason.OTHER, NOW)), "series-ended", null);
        assertRejected(ended.recordMissed(new RecordMeetingMissed(MEETING, Duration.ZERO, NOW.plus(Duration.ofDays(9)), null)),
                "series-ended", null);
    }

    @Test
    void a_participant_ending_the_series_cancels_every_meeting_still_ahead_latest_first() {
        UUID later = UUID.randomUUID();
        Series series = given(WEEKLY, SCHEDULED_YESTERDAY, new MeetingScheduled(SERIES, later, TUESDAY_NEXT.plus(Duration.ofDays(7)), 30, false),
                new MeetingScheduled(SERIES, UUID.randomUUID(), TUESDAY_NEXT, 30, false));
        List<MeetingsEvent> events = accepted(series.end(EndSeries.byParticipant(NOW, COMPANION)));

        assertEquals(3, events.size(), "the two meetings ahead, then the end: " + events);
        assertEquals(new MeetingCancelled(SERIES, later, ActorRole.COMPANION, COMPANION, CancelReason.SERIES_ENDED), events.get(0));
        assertInstanceOf(MeetingCancelled.class, events.get(1));
        assertEquals(new SeriesEnded(SERIES, SeriesEndReason.ENDED_BY_PARTICIPANT, TODAY), events.get(2));
    }

    @Test
    void a_leavers_series_cancels_the_meetings_from_the_start_of_the_day_it_ends_in_the_series_zone() {
        // Berlin: the series ends on the 24th from 23:00 UTC on the 23rd
        UUID lateOn23rd = UUID.randomUUID();
        Series series = given(WEEKLY, new MeetingScheduled(SERIES, UUID.randomUUID(), Instant.parse("2026-11-23T22:30:00Z"), 30, true),
                new MeetingScheduled(SERIES, lateOn23rd, Instant.parse("2026-11-23T23:00:00Z"), 30, false));
        List<MeetingsEvent> events = accepted(series.end(EndSeries.employmentEnded(LocalDate.parse("2026-11-23"),
                ZoneId.of("Europe/Berlin"), NOW)));

        assertEquals(List.of(new MeetingCancelled(SERIES, lateOn23rd, ActorRole.INTEGRATION, null, CancelReason.SERIES_ENDED),
                new SeriesEnded(SERIES, SeriesEndReason.EMPLOYMENT_ENDED, LocalDate.parse("2026-11-24"))), events);
    }

    @Test
    void series_ended_is_no_reason_a_caller_may_give() {
        assertRejected(given(WEEKLY, SCHEDULED).cancel(new CancelMeeting(MEETING, LEADER, CancelReason.SERIES_ENDED, NOW)),
                "reason-reserved", "reason");
    }

    // ---- next meeting from the cadence

    @Test
    void the_first_next_meeting_falls_on_the_preferred_weekday_and_time_in_the_series_zone() {
        Series series = given(started(Cadence.WEEKLY, DayOfWeek.TUESDAY, LocalTime.of(10, 0)));

        // Tuesday 24 November, 10:00 in Berlin (UTC+1)
        assertEquals(Instant.parse("2026-11-24T09:00:00Z"), series.nextSlot(NOW));
        MeetingScheduled scheduled = (MeetingScheduled) accepted(series.scheduleNext(new ScheduleNextMeeting(MEETING, NOW))).get(0);
        assertEquals(true, scheduled.firstOfSeries());
        assertEquals(30, scheduled.plannedMinutes());
    }

    @Test
    void the_next_meeting_follows_the_last_by_the_cadence_on_the_preferred_weekday() {
        Series weekly = given(started(Cadence.WEEKLY, DayOfWeek.TUESDAY, LocalTime.of(10, 0)), SCHEDULED);
        assertEquals(Instant.parse("2026-12-01T09:00:00Z"), weekly.nextSlot(NOW));

        Series biweekly = given(started(Cadence.BIWEEKLY, null, null), SCHEDULED);
        assertEquals(Instant.parse("2026-12-08T09:00:00Z"), biweekly.nextSlot(NOW), "last meeting's time of day kept");

        // monthly on Tuesdays from Friday 13 November: slots every four weeks from Tuesday 17 November (the phase);
        // the meeting of 24 November falls in the period of 17 November's slot, so the next is the next slot, as the
        // feed shows it: 15 December (not 24 November + 28 days, which would be out of phase)
        Series monthly = given(started(Cadence.MONTHLY, DayOfWeek.TUESDAY, LocalTime.of(10, 0)), SCHEDULED);
        assertEquals(Instant.parse("2026-12-15T09:00:00Z"), monthly.nextSlot(NOW));
    }

    @Test
    void daily_means_the_next_working_day() {
        // the last meeting is on Friday 27 November: the next is Monday 30 November
        MeetingScheduled friday = new MeetingScheduled(SERIES, MEETING, Instant.parse("2026-11-27T08:30:00Z"), 15, true);

        assertEquals(Instant.parse("2026-11-30T08:30:00Z"), given(started(Cadence.DAILY, null, null), friday).nextSlot(NOW));
    }

    @Test
    void the_next_meeting_skips_paused_days() {
        Series series = given(started(Cadence.WEEKLY, DayOfWeek.TUESDAY, LocalTime.of(10, 0)), SCHEDULED,
                new SeriesPaused(SERIES, LocalDate.parse("2026-11-28"), LocalDate.parse("2026-12-09")));

        assertEquals(Instant.parse("2026-12-15T09:00:00Z"), series.nextSlot(NOW));
    }

    @Test
    void the_next_meeting_is_never_in_the_past() {
        MeetingScheduled longAgo = new MeetingScheduled(SERIES, MEETING, Instant.parse("2026-09-01T09:00:00Z"), 30, true);

        Instant next = given(started(Cadence.WEEKLY, DayOfWeek.TUESDAY, LocalTime.of(10, 0)), longAgo).nextSlot(NOW);

        assertEquals(Instant.parse("2026-11-24T09:00:00Z"), next);
    }

    // ---- reschedule

    @Test
    void rescheduling_records_from_to_who_and_why() {
        Instant to = TUESDAY_NEXT.plus(Duration.ofDays(1));

        Decision decision = given(WEEKLY, SCHEDULED).reschedule(new RescheduleMeeting(MEETING, to, COMPANION,
                RescheduleReason.ILLNESS, NOW));

        assertEquals(Decision.accept(new MeetingRescheduled(SERIES, MEETING, TUESDAY_NEXT, to, ActorRole.COMPANION,
                COMPANION, RescheduleReason.ILLNESS)), decision);
    }

    @Test
    void an_integration_reschedules_as_integration_and_a_stranger_cannot() {
        Instant to = TUESDAY_NEXT.plus(Duration.ofDays(1));
        MeetingRescheduled moved = (MeetingRescheduled) accepted(given(WEEKLY, SCHEDULED)
                .reschedule(new RescheduleMeeting(MEETING, to, null, RescheduleReason.CONFLICT, NOW))).get(0);
        assertEquals(ActorRole.INTEGRATION, moved.byRole());

        assertRejected(given(WEEKLY, SCHEDULED).reschedule(new RescheduleMeeting(MEETING, to, UUID.randomUUID(),
                RescheduleReason.CONFLICT, NOW)), "not-a-participant", null);
    }

    @Test
    void a_meeting_in_the_past_cannot_be_rescheduled_nor_moved_into_the_past() {
        assertRejected(given(WEEKLY, SCHEDULED_YESTERDAY).reschedule(new RescheduleMeeting(MEETING, TUESDAY_NEXT, null,
                RescheduleReason.CONFLICT, NOW)), "meeting-in-the-past", null);
        assertRejected(given(WEEKLY, SCHEDULED).reschedule(new RescheduleMeeting(MEETING, YESTERDAY, null,
                RescheduleReason.CONFLICT, NOW)), "meeting-in-the-past", "to");
    }

    @Test
    void rescheduling_to_the_same_time_or_an_unknown_meeting_or_without_reason_is_refused() {
        Series series = given(WEEKLY, SCHEDULED);
        assertRejected(series.reschedule(new RescheduleMeeting(MEETING, TUESDAY_NEXT, null, RescheduleReason.OTHER, NOW)),
                "same-time", "to");
        assertRejected(series.reschedule(new RescheduleMeeting(UUID.randomUUID(), TUESDAY_NEXT, null, RescheduleReason.OTHER, NOW)),
                "unknown-meeting", "meetingId");
        assertRejected(series.reschedule(new RescheduleMeeting(MEETING, TUESDAY_NEXT.plusSeconds(60), null, null, NOW)),
                "reason-required", "reason");
    }

    @Test
    void held_cancelled_or_missed_meetings_cannot_be_rescheduled() {
        RescheduleMeeting move = new RescheduleMeeting(MEETING, TUESDAY_NEXT.plusSeconds(3600), null, RescheduleReason.OTHER, NOW);
        assertRejected(given(WEEKLY, SCHEDULED, held()).reschedule(move), "meeting-already-held", null);
        assertRejected(given(WEEKLY, SCHEDULED, cancelled()).reschedule(move), "meeting-cancelled", null);
        assertRejected(given(WEEKLY, SCHEDULED, missed()).reschedule(move), "meeting-missed", null);
    }

    @Test
    void a_rescheduled_meeting_keeps_its_new_start() {
        Instant to = TUESDAY_NEXT.plus(Duration.ofDays(1));
        Series series = given(WEEKLY, SCHEDULED, new MeetingRescheduled(SERIES, MEETING, TUESDAY_NEXT, to,
                ActorRole.LEADER, LEADER, RescheduleReason.TRAVEL));

        MeetingRescheduled again = (MeetingRescheduled) accepted(series.reschedule(new RescheduleMeeting(MEETING,
                to.plusSeconds(3600), LEADER, RescheduleReason.CONFLICT, NOW))).get(0);

        assertEquals(to, again.from());
    }

    // ---- held

    @Test
    void a_meeting_is_recorded_held_after_the_fact_with_its_real_start() {
        RecordMeetingHeld command = new RecordMeetingHeld(MEETING, YESTERDAY.plusSeconds(120), 27, MeetingMode.IN_PERSON, NOW);

        Decision decision = given(WEEKLY, SCHEDULED_YESTERDAY).recordHeld(command);

        assertEquals(Decision.accept(new MeetingHeld(SERIES, MEETING, YESTERDAY.plusSeconds(120), 27, MeetingMode.IN_PERSON)),
                decision);
        assertEquals(YESTERDAY.plusSeconds(120), command.occurredAt(), "the event occurred when it was held");
    }

    @Test
    void held_is_not_in_the_future_nor_before_the_series_started() {
        assertRejected(given(WEEKLY, SCHEDULED).recordHeld(new RecordMeetingHeld(MEETING, NOW.plusSeconds(60), 30,
                MeetingMode.REMOTE, NOW)), "held-in-the-future", "heldAt");
        assertRejected(given(WEEKLY, SCHEDULED).recordHeld(new RecordMeetingHeld(MEETING, NOW.minus(Duration.ofDays(10)), 30,
                MeetingMode.REMOTE, NOW)), "held-before-series-start", "heldAt");
    }

    @Test
    void held_needs_a_real_duration_and_a_mode() {
        assertRejected(given(WEEKLY, SCHEDULED).recordHeld(new RecordMeetingHeld(MEETING, NOW, 0, MeetingMode.REMOTE, NOW)),
                "actual-duration-out-of-range", "actualMinutes");
        assertRejected(given(WEEKLY, SCHEDULED).recordHeld(new RecordMeetingHeld(MEETING, NOW, 481, MeetingMode.REMOTE, NOW)),
                "actual-duration-out-of-range", "actualMinutes");
        assertRejected(given(WEEKLY, SCHEDULED).recordHeld(new RecordMeetingHeld(MEETING, NOW, 30, null, NOW)),
                "mode-required", "mode");
    }

    @Test
    void a_meeting_is_held_once_and_a_cancelled_one_never() {
        RecordMeetingHeld command = new RecordMeetingHeld(MEETING, NOW, 30, MeetingMode.REMOTE, NOW);
        assertRejected(given(WEEKLY, SCHEDULED, held()).recordHeld(command), "meeting-already-held", null);
        assertRejected(given(WEEKLY, SCHEDULED, cancelled()).recordHeld(command), "meeting-cancelled", null);
    }

    @Test
    void a_missed_meeting_may_still_be_recorded_held() {
        accepted(given(WEEKLY, SCHEDULED_YESTERDAY, missed()).recordHeld(new RecordMeetingHeld(MEETING, YESTERDAY, 30,
                MeetingMode.REMOTE, NOW)));
    }

    // ---- cancel

    @Test
    void cancelling_records_who_and_why() {
        Decision decision = given(WEEKLY, SCHEDULED).cancel(new CancelMeeting(MEETING, LEADER, CancelReason.TRAVEL, NOW));

        assertEquals(Decision.accept(new MeetingCancelled(SERIES, MEETING, ActorRole.LEADER, LEADER, CancelReason.TRAVEL)),
                decision);
    }

    @Test
    void held_cancelled_or_missed_meetings_cannot_be_cancelled() {
        CancelMeeting cancel = new CancelMeeting(MEETING, null, CancelReason.OTHER, NOW);
        assertRejected(given(WEEKLY, SCHEDULED, held()).cancel(cancel), "meeting-already-held", null);
        assertRejected(given(WEEKLY, SCHEDULED, cancelled()).cancel(cancel), "meeting-cancelled", null);
        assertRejected(given(WEEKLY, SCHEDULED, missed()).cancel(cancel), "meeting-missed", null);
        assertRejected(given(WEEKLY, SCHEDULED).cancel(new CancelMeeting(MEETING, null, null, NOW)), "reason-required", "reason");
        assertRejected(given(WEEKLY, SCHEDULED).cancel(new CancelMeeting(MEETING, UUID.randomUUID(), CancelReason.OTHER, NOW)),
                "not-a-participant", null);
    }

    // ---- missed

    @Test
    void a_meeting_that_passed_the_grace_after_its_planned_end_is_missed() {
        Instant later = TUESDAY_NEXT.plus(Duration.ofMinutes(30)).plus(Duration.ofHours(24)).plusSeconds(1);

        Decision decision = given(WEEKLY, SCHEDULED).recordMissed(new RecordMeetingMissed(MEETING, Duration.ofHours(24), later, null));

        assertEquals(Decision.accept(new MeetingMissed(SERIES, MEETING, TUESDAY_NEXT)), decision);
    }

    @Test
    void a_meeting_within_its_grace_or_already_closed_is_not_missed() {
        Instant within = TUESDAY_NEXT.plus(Duration.ofHours(10));
        assertRejected(given(WEEKLY, SCHEDULED).recordMissed(new RecordMeetingMissed(MEETING, Duration.ofHours(24), within, null)),
                "meeting-not-over", null);
        Instant later = TUESDAY_NEXT.plus(Duration.ofDays(5));
        RecordMeetingMissed missed = new RecordMeetingMissed(MEETING, Duration.ofHours(24), later, null);
        assertRejected(given(WEEKLY, SCHEDULED, held()).recordMissed(missed), "meeting-already-held", null);
        assertRejected(given(WEEKLY, SCHEDULED, cancelled()).recordMissed(missed), "meeting-cancelled", null);
        assertRejected(given(WEEKLY, SCHEDULED, missed()).recordMissed(missed), "meeting-missed", null);
    }

    // ---- history import

    @Test
    void an_import_takes_past_dates_and_gives_each_event_its_real_time() {
        Instant first = Instant.parse("2025-01-07T09:00:00Z");
        Instant movedAt = Instant.parse("2025-01-05T12:00:00Z");
        Instant movedTo = Instant.parse("2025-01-08T09:00:00Z");
        Instant heldAt = Instant.parse("2025-01-08T09:05:00Z");
        StartSeries start = new StartSeries(SERIES, LEADER, COMPANION, Relationship.MANAGER_REPORT, Cadence.WEEKLY, null,
                "UTC", LocalDate.parse("2025-01-06"), null, null, NOW, Instant.parse("2025-01-06T00:00:00Z"));
        HistoryImport.ImportedSeries imported = new HistoryImport.ImportedSeries(start, List.of(
                new HistoryImport.ImportedMeeting(new ScheduleMeeting(MEETING, first, null, NOW, first),
                        List.of(new RescheduleMeeting(MEETING, movedTo, null, RescheduleReason.TRAVEL, NOW, movedAt)),
                        new RecordMeetingHeld(MEETING, heldAt, 35, MeetingMode.IN_PERSON, NOW), null)),
                new EndSeries(NOW, Instant.parse("2025-06-30T00:00:00Z")));

        List<HistoryImport.Occurrence> occurrences = assertInstanceOf(HistoryImport.Outcome.Imported.class,
                HistoryImport.of(imported)).occurrences();

        assertEquals(List.of(SeriesStarted.class, MeetingScheduled.class, MeetingRescheduled.class, MeetingHeld.class,
                SeriesEnded.class), occurrences.stream().map(o -> o.event().getClass()).toList());
        assertEquals(List.of(Instant.parse("2025-01-06T00:00:00Z"), first, movedAt, heldAt,
                Instant.parse("2025-06-30T00:00:00Z")), occurrences.stream().map(HistoryImport.Occurrence::occurredAt).toList());
    }

    @Test
    void an_import_keeps_every_other_rule_and_names_the_row_at_fault() {
        Instant first = Instant.parse("2025-01-07T09:00:00Z");
        StartSeries start = new StartSeries(SERIES, LEADER, COMPANION, Relationship.MANAGER_REPORT, Cadence.WEEKLY, null,
                "UTC", LocalDate.parse("2025-01-06"), null, null, NOW);
        UUID second = UUID.randomUUID();
        HistoryImport.ImportedSeries imported = new HistoryImport.ImportedSeries(start, List.of(
                new HistoryImport.ImportedMeeting(new ScheduleMeeting(MEETING, first, null, NOW), List.of(), null, null),
                new HistoryImport.ImportedMeeting(new ScheduleMeeting(second, first.plus(Duration.ofDays(7)), null, NOW),
                        List.of(), new RecordMeetingHeld(second, NOW.plusSeconds(3600), 30, MeetingMode.REMOTE, NOW), null)),
                null);

        Rejection rejection = assertInstanceOf(HistoryImport.Outcome.Refused.class, HistoryImport.of(imported)).rejection();

        assertEquals("held-in-the-future", rejection.reason());
        assertEquals("meetings[1].heldAt", rejection.field());
    }

    @Test
    void an_imported_meeting_cannot_be_both_held_and_cancelled() {
        Instant first = Instant.parse("2025-01-07T09:00:00Z");
        StartSeries start = new StartSeries(SERIES, LEADER, COMPANION, Relationship.MANAGER_REPORT, Cadence.WEEKLY, null,
                "UTC", LocalDate.parse("2025-01-06"), null, null, NOW);
        HistoryImport.ImportedSeries imported = new HistoryImport.ImportedSeries(start, List.of(
                new HistoryImport.ImportedMeeting(new ScheduleMeeting(MEETING, first, null, NOW), List.of(),
                        new RecordMeetingHeld(MEETING, first, 30, MeetingMode.REMOTE, NOW),
                        new CancelMeeting(MEETING, null, CancelReason.OTHER, NOW))), null);

        Rejection rejection = assertInstanceOf(HistoryImport.Outcome.Refused.class, HistoryImport.of(imported)).rejection();

        assertEquals("meeting-already-held", rejection.reason());
        assertEquals("meetings[0]", rejection.field());
    }

    // ---- helpers

    private static SeriesStarted started(Cadence cadence, DayOfWeek weekday, LocalTime time) {
        return new SeriesStarted(SERIES, LEADER, COMPANION, Relationship.MANAGER_REPORT, cadence, 30, "Europe/Berlin",
                TODAY.minusDays(7), weekday, time);
    }

    private static MeetingHeld held() {
        return new MeetingHeld(SERIES, MEETING, NOW, 30, MeetingMode.REMOTE);
    }

    private static MeetingCancelled cancelled() {
        return new MeetingCancelled(SERIES, MEETING, ActorRole.INTEGRATION, null, CancelReason.OTHER);
    }

    private static MeetingMissed missed() {
        return new MeetingMissed(SERIES, MEETING, TUESDAY_NEXT);
    }

    private static Series given(MeetingsEvent... history) {
        return Series.from(List.of(history));
    }

    private static List<MeetingsEvent> accepted(Decision decision) {
        return assertInstanceOf(Decision.Accepted.class, decision, () -> decision.toString()).events();
    }

    private static void assertRejected(Decision decision, String reason, String field) {
        Rejection rejection = assertInstanceOf(Decision.Rejected.class, decision, () -> decision.toString()).rejection();
        assertEquals(reason, rejection.reason(), rejection::detail);
        assertEquals(field, rejection.field());
    }
}
