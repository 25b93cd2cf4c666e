package dev.oneonone.insights.domain.figures;

import static dev.oneonone.insights.domain.figures.History.at;
import static dev.oneonone.insights.domain.figures.History.cancelledOn;
import static dev.oneonone.insights.domain.figures.History.companionTopicAt;
import static dev.oneonone.insights.domain.figures.History.heldOn;
import static dev.oneonone.insights.domain.figures.History.moved;
import static dev.oneonone.insights.domain.figures.History.noon;
import static dev.oneonone.insights.domain.figures.History.scheduled;
import static dev.oneonone.insights.domain.figures.History.series;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import dev.oneonone.events.agenda.AuthorRole;
import dev.oneonone.events.insights.Health;
import dev.oneonone.events.insights.Recommendation;
import dev.oneonone.events.meetings.Cadence;
import dev.oneonone.insights.domain.figures.SeriesTimeline.DueChange;
import dev.oneonone.insights.domain.figures.SeriesTimeline.MeetingRecord;

/** Each definition of docs/insights.md against a crafted history, with the exact figure expected. */
class FiguresCalculatorTest {
    private static final FiguresCalculator CALCULATOR = new FiguresCalculator(Thresholds.DEFAULTS);
    // Mondays of 2026
    private static final LocalDate JAN_5 = LocalDate.of(2026, 1, 5);
    private static final LocalDate MAR_2 = LocalDate.of(2026, 3, 2);

    private static SeriesFigures as(SeriesTimeline series, LocalDate asOf) {
        return CALCULATOR.figuresOf(series, asOf);
    }

    private static void assertRate(double expected, Double actual) {
        assertEquals(expected, actual, 1e-9);
    }

    private static LocalDate mar(int day) {
        return LocalDate.of(2026, 3, day);
    }

    @Nested
    class Gap_and_health {
        @Test
        void no_meeting_yet_counts_the_gap_from_the_start() {
            SeriesTimeline s = series(Cadence.WEEKLY, MAR_2).build();

            SeriesFigures start = as(s, MAR_2);
            assertEquals(0, start.gapDays());
            assertEquals(Health.HEALTHY, start.health());
            assertNull(start.adherence(), "under one meeting expected yet");
            assertEquals(0, start.held());
            assertNull(start.cancellationRate());
            assertNull(start.rescheduleRate());
            assertNull(start.preparationRate());
            assertNull(start.followThrough().rate());
            assertEquals(List.of(), start.recommendations());

            SeriesFigures week = as(s, mar(9));
            assertEquals(7, week.gapDays());
            assertEquals(Health.HEALTHY, week.health());
            assertRate(0.0, week.adherence()); // 8 days: 8/7 expected, none held

            assertEquals(Health.AT_RISK, as(s, mar(13)).health()); // gap 11
            assertEquals(Health.AT_RISK, as(s, mar(16)).health()); // gap 14
            SeriesFigures overdue = as(s, mar(17));
            assertEquals(15, overdue.gapDays());
            assertEquals(Health.OVERDUE, overdue.health(), "over 14 days for a weekly series");
            assertEquals(List.of(Recommendation.GAP_OVER_TWO_WEEKS), overdue.recommendations());
        }

        @Test
        void before_its_start_a_series_is_not_current_and_has_no_health() {
            SeriesFigures before = as(series(Cadence.WEEKLY, MAR_2).build(), mar(1));
            assertFalse(before.current());
            assertNull(before.health());
            assertEquals(0, before.gapDays());
            assertEquals(List.of(), before.recommendations());
        }

        @Test
        void weekly_health_is_healthy_up_to_interval_plus_grace_then_at_risk_then_overdue_after_14_days() {
            SeriesTimeline s = series(Cadence.WEEKLY, MAR_2).held(MAR_2).build();
            assertEquals(Health.HEALTHY, as(s, mar(12)).health()); // gap 10 = 7 + 3
            assertEquals(Health.AT_RISK, as(s, mar(13)).health()); // gap 11
            assertEquals(Health.AT_RISK, as(s, mar(16)).health()); // gap 14
            assertEquals(Health.OVERDUE, as(s, mar(17)).health()); // gap 15 > 14 (2·7 + 3 = 17 not reached)
        }

        @Test
        void biweekly_health_uses_twice_the_interval_plus_grace() {
            SeriesTimeline s = series(Cadence.BIWEEKLY, MAR_2).held(MAR_2).build();
            assertEquals(Health.HEALTHY, as(s, mar(19)).health()); // gap 17 = 14 + 3
            SeriesFigures atRisk = as(s, mar(20));
            assertEquals(Health.AT_RISK, atRisk.health()); // gap 18
            assertEquals(List.of(Recommendation.GAP_OVER_TWO_WEEKS), atRisk.recommendations());
            assertEquals(Health.AT_RISK, as(s, LocalDate.of(2026, 4, 2)).health()); // gap 31 = 2·14 + 3
            assertEquals(Health.OVERDUE, as(s, LocalDate.of(2026, 4, 3)).health()); // gap 32
        }

        @Test
        void monthly_health_and_the_two_week_flag() {
            SeriesTimeline s = series(Cadence.MONTHLY, MAR_2).held(MAR_2).build();
            SeriesFigures day15 = as(s, mar(17));
            assertEquals(Health.HEALTHY, day15.health());
            assertEquals(List.of(Recommendation.GAP_OVER_TWO_WEEKS), day15.recommendations());
            assertEquals(Health.HEALTHY, as(s, LocalDate.of(2026, 4, 2)).health()); // gap 31 = 28 + 3
            assertEquals(Health.AT_RISK, as(s, LocalDate.of(2026, 4, 3)).health()); // gap 32
            assertEquals(Health.AT_RISK, as(s, LocalDate.of(2026, 4, 30)).health()); // gap 59 = 2·28 + 3
            assertEquals(Health.OVERDUE, as(s, LocalDate.of(2026, 5, 1)).health()); // gap 60
        }

        @Test
        void paused_days_count_toward_neither_gap_nor_expected_meetings() {
            SeriesTimeline s = series(Cadence.WEEKLY, JAN_5)
                    .paused(JAN_5.plusDays(1), LocalDate.of(2026, 1, 12), LocalDate.of(2026, 1, 25))
                    .held(JAN_5, LocalDate.of(2026, 1, 26), LocalDate.of(2026, 2, 2)).build();

            SeriesFigures during = as(s, LocalDate.of(2026, 1, 20));
            assertTrue(during.paused());
            assertEquals(6, during.gapDays(), "Jan 6 to 11; the paused days from the 12th do not count");

            SeriesFigures after = as(s, LocalDate.of(2026, 2, 8));
            assertFalse(after.paused());
            assertEquals(6, after.gapDays());
            assertEquals(3.0, after.expectedInWindow(), 1e-9, "35 days less 14 paused = 21 days = 3 weeks");
            assertEquals(3, after.heldInWindow());
            assertRate(1.0, after.adherence());
        }

        @Test
        void a_pause_recorded_after_the_date_is_not_known_on_it() {
            SeriesTimeline s = series(Cadence.WEEKLY, JAN_5)
                    .paused(LocalDate.of(2026, 1, 22), LocalDate.of(2026, 1, 12), LocalDate.of(2026, 1, 25))
                    .held(JAN_5).build();
            assertEquals(16, as(s, LocalDate.of(2026, 1, 21)).gapDays());
            assertEquals(6, as(s, LocalDate.of(2026, 1, 22)).gapDays());
        }

        @Test
        void a_resume_ends_the_pause_early() {
            SeriesTimeline s = series(Cadence.WEEKLY, JAN_5)
                    .paused(JAN_5.plusDays(1), LocalDate.of(2026, 1, 12), LocalDate.of(2026, 1, 25))
                    .resumed(LocalDate.of(2026, 1, 18), LocalDate.of(2026, 1, 19))
                    .held(JAN_5).build();
            SeriesFigures f = as(s, LocalDate.of(2026, 1, 22));
            assertFalse(f.paused());
            assertEquals(10, f.gapDays(), "Jan 6-11 and 19-22; the 12th to the 18th stayed paused");
        }

        @Test
        void a_meeting_held_and_recorded_days_later_counts_on_the_day_it_was_held() {
            MeetingRecord late = heldOn(scheduled(mar(1), mar(3)), at(mar(3), 9), 30);
            // recorded a week later: nothing in the record tells when, the meeting's heldAt is what counts
            SeriesFigures f = as(series(Cadence.WEEKLY, MAR_2).meeting(late).build(), mar(4));
            assertEquals(1, f.held());
            assertEquals(1, f.gapDays());
        }
    }

    @Nested
    class Adherence {
        private final SeriesTimeline twelveMondays = series(Cadence.WEEKLY, JAN_5)
                .held(JAN_5, LocalDate.of(2026, 1, 12), LocalDate.of(2026, 1, 19), LocalDate.of(2026, 1, 26),
                        LocalDate.of(2026, 2, 2), LocalDate.of(2026, 2, 9), LocalDate.of(2026, 2, 16),
                        LocalDate.of(2026, 2, 23), MAR_2, mar(9), mar(16), mar(23))
                .build();

        @Test
        void twelve_weeks_of_a_weekly_series_expect_twelve_meetings() {
            SeriesFigures f = as(twelveMondays, mar(29));
            assertEquals(12.0, f.expectedInWindow(), 1e-9);
            assertEquals(12, f.heldInWindow());
            assertRate(1.0, f.adherence());
        }

        @Test
        void the_window_slides_and_held_over_expected_is_the_rate() {
            SeriesFigures f = as(twelveMondays, LocalDate.of(2026, 4, 5));
            assertEquals(11, f.heldInWindow(), "Jan 5 left the window");
            assertRate(11.0 / 12, f.adherence());
        }

        @Test
        void the_window_is_clipped_to_the_start() {
            SeriesFigures f = as(twelveMondays, LocalDate.of(2026, 2, 1));
            assertEquals(4.0, f.expectedInWindow(), 1e-9);
            assertRate(1.0, f.adherence());
        }

        @Test
        void adherence_is_capped_at_one() {
            SeriesTimeline twice = series(Cadence.WEEKLY, MAR_2).held(MAR_2, mar(4), mar(9), mar(11)).build();
            assertRate(1.0, as(twice, mar(15)).adherence());
        }

        @Test
        void a_daily_series_expects_working_days_only_over_a_weekend() {
            SeriesTimeline daily = series(Cadence.DAILY, MAR_2).held(MAR_2, mar(3), mar(4), mar(5), mar(6)).build();
            SeriesFigures sunday = as(daily, mar(8));
            assertEquals(1, sunday.expectedIntervalDays());
            assertEquals(5.0, sunday.expectedInWindow(), 1e-9);
            assertRate(1.0, sunday.adherence());
            assertEquals(2, sunday.gapDays());
            assertEquals(Health.HEALTHY, sunday.health());

            SeriesFigures monday = as(daily, mar(9));
            assertEquals(6.0, monday.expectedInWindow(), 1e-9);
            assertRate(5.0 / 6, monday.adherence());
            assertEquals(Health.HEALTHY, monday.health()); // gap 3 ≤ 1 + 3
            assertEquals(Health.AT_RISK, as(daily, mar(11)).health()); // gap 5 = 2·1 + 3
            assertEquals(Health.OVERDUE, as(daily, mar(12)).health()); // gap 6
        }

        @Test
        void a_cadence_change_takes_effect_on_the_day_it_happened() {
            SeriesTimeline s = series(Cadence.WEEKLY, JAN_5).cadence(LocalDate.of(2026, 2, 2), Cadence.DAILY).build();
            SeriesFigures f = as(s, LocalDate.of(2026, 2, 8));
            assertEquals(Cadence.DAILY, f.cadence());
            assertEquals(9.0, f.expectedInWindow(), 1e-9, "four weeks weekly, then five working days daily");
            assertEquals(Cadence.WEEKLY, as(s, LocalDate.of(2026, 2, 1)).cadence());
        }
    }

    @Nested
    class Cancellations_and_reschedules {
        @Test
        void a_meeting_rescheduled_across_the_date_is_where_it_was_known_to_be() {
            MeetingRecord m = moved(scheduled(mar(1), mar(5)), mar(4), mar(12));
            SeriesTimeline s = series(Cadence.WEEKLY, MAR_2).meeting(heldOn(m, at(mar(12), 9), 30)).build();

            SeriesFigures before = as(s, mar(3));
            assertEquals(1, before.scheduled());
            assertEquals(0, before.rescheduledAtLeastOnce());
            assertRate(0.0, before.rescheduleRate());

            SeriesFigures after = as(s, mar(4));
            assertRate(1.0, after.rescheduleRate());
            assertEquals(0, as(s, mar(11)).held());
            assertEquals(1, as(s, mar(12)).held());
        }

        @Test
        void cancelled_then_another_meeting_rescheduled_and_held() {
            MeetingRecord cancelled = cancelledOn(scheduled(mar(1), mar(5)), mar(4));
            MeetingRecord replacement = heldOn(moved(scheduled(mar(4), mar(6)), mar(5), mar(9)), at(mar(9), 9), 30);
            SeriesTimeline s = series(Cadence.WEEKLY, MAR_2).meeting(cancelled).meeting(replacement).build();

            SeriesFigures onCancel = as(s, mar(4));
            assertEquals(1, onCancel.cancelled());
            assertRate(1.0, onCancel.cancellationRate());
            assertRate(0.0, onCancel.rescheduleRate()); // 2 scheduled, the move comes the next day

            SeriesFigures later = as(s, mar(10));
            assertEquals(1, later.held());
            assertRate(0.5, later.cancellationRate());
            assertEquals(2, later.scheduled());
            assertEquals(1, later.rescheduledAtLeastOnce());
            assertRate(0.5, later.rescheduleRate());
        }

        @Test
        void a_meeting_rescheduled_twice_counts_once() {
            MeetingRecord m = moved(moved(scheduled(mar(1), mar(5)), mar(2), mar(6)), mar(3), mar(9));
            SeriesFigures f = as(series(Cadence.WEEKLY, MAR_2).meeting(m).meeting(scheduled(mar(1), mar(12))).build(), mar(10));
            assertEquals(1, f.rescheduledAtLeastOnce());
            assertRate(0.5, f.rescheduleRate());
        }
    }

    @Nested
    class Follow_through {
        private final SeriesTimeline s = series(Cadence.WEEKLY, MAR_2)
                .agreement(AuthorRole.LEADER, MAR_2, mar(10), mar(9), null) // on time
                .agreement(AuthorRole.COMPANION, MAR_2, mar(10), mar(12), null) // completed after its due date
                .agreement(AuthorRole.COMPANION, MAR_2, mar(10), null, null) // still open
                .agreement(AuthorRole.LEADER, MAR_2, mar(20), null, null) // not due yet
                .agreement(AuthorRole.LEADER, MAR_2, mar(5), null, mar(6)) // dropped
                .agreement(AuthorRole.LEADER, MAR_2, null, mar(4), null) // no due date
                .build();

        @Test
        void kept_on_or_before_the_due_date_over_those_whose_due_date_passed() {
            FollowThrough f = as(s, mar(15)).followThrough();
            assertEquals(3, f.due());
            assertEquals(1, f.completedOnTime());
            assertRate(1.0 / 3, f.rate());
            assertRate(1.0, f.leaderRate());
            assertRate(0.0, f.companionRate());
            assertEquals(1, f.openOverdue());
            assertRate(7.0, f.medianDaysToComplete()); // 2, 7 and 10 days
        }

        @Test
        void on_its_due_date_an_agreement_is_not_due_yet() {
            FollowThrough f = as(s, mar(10)).followThrough();
            assertEquals(0, f.due());
            assertNull(f.rate());
            assertRate(4.5, f.medianDaysToComplete()); // 2 and 7 days
        }

        @Test
        void the_day_after_its_due_date_an_open_agreement_is_overdue() {
            FollowThrough f = as(s, mar(11)).followThrough();
            assertEquals(3, f.due());
            assertEquals(2, f.openOverdue(), "the late one is not completed yet");
        }

        @Test
        void a_due_date_moved_counts_from_when_it_moved() {
            SeriesTimeline moved = series(Cadence.WEEKLY, MAR_2).agreement(AuthorRole.COMPANION, MAR_2, mar(8), mar(13),
                    null, new DueChange(mar(14), noon(mar(10)))).build();
            FollowThrough before = as(moved, mar(9)).followThrough();
            assertEquals(1, before.openOverdue(), "due on the 8th as known on the 9th");
            FollowThrough after = as(moved, mar(15)).followThrough();
            assertEquals(1, after.completedOnTime());
            assertRate(1.0, after.companionRate());
            assertNull(after.leaderRate());
        }

        @Test
        void an_agreement_made_after_the_date_is_not_known() {
            SeriesTimeline later = series(Cadence.WEEKLY, MAR_2).agreement(AuthorRole.LEADER, mar(12), mar(3), null, null)
                    .build();
            assertEquals(0, as(later, mar(11)).followThrough().due());
        }
    }

    @Nested
    class Preparation {
        @Test
        void held_meetings_with_a_companion_topic_in_before_they_started() {
            MeetingRecord prepared = companionTopicAt(heldOn(scheduled(mar(1), mar(2)), at(mar(2), 9), 30), at(mar(1), 18));
            MeetingRecord unprepared = heldOn(scheduled(mar(1), mar(9)), at(mar(9), 9), 30);
            MeetingRecord lateTopic = companionTopicAt(heldOn(scheduled(mar(1), mar(16)), at(mar(16), 9), 30),
                    at(mar(16), 9).plusSeconds(60));
            // a carried-over topic arrived on the agenda when it was carried, before the start
            MeetingRecord carried = companionTopicAt(heldOn(scheduled(mar(16), mar(23)), at(mar(23), 9), 30),
                    at(mar(16), 10));
            MeetingRecord notHeld = companionTopicAt(scheduled(mar(20), mar(30)), at(mar(21), 9));
            SeriesTimeline s = series(Cadence.WEEKLY, MAR_2)
                    .meeting(prepared).meeting(unprepared).meeting(lateTopic).meeting(carried).meeting(notHeld).build();

            assertRate(0.5, as(s, mar(24)).preparationRate());
            assertRate(1.0, as(s, mar(2)).preparationRate());
        }
    }

    @Nested
    class Recommendations {
        @Test
        void three_short_meetings_in_a_row_recommend_biweekly() {
            SeriesTimeline s = series(Cadence.WEEKLY, MAR_2).held(MAR_2, 30).held(mar(9), 15).held(mar(16), 19)
                    .held(mar(23), 10).held(mar(30), 20).build();
            SeriesFigures three = as(s, mar(24));
            assertEquals(3, three.shortMeetingStreak());
            assertEquals(List.of(Recommendation.SWITCH_TO_BIWEEKLY), three.recommendations());
            assertEquals(2, as(s, mar(17)).shortMeetingStreak());
            SeriesFigures broken = as(s, mar(31));
            assertEquals(0, broken.shortMeetingStreak(), "20 minutes is not short");
            assertEquals(List.of(), broken.recommendations());
        }

        @Test
        void a_biweekly_series_is_not_advised_to_switch_to_biweekly() {
            SeriesTimeline s = series(Cadence.BIWEEKLY, MAR_2).held(MAR_2, 10).held(mar(9), 10).held(mar(16), 10).build();
            assertEquals(List.of(), as(s, mar(17)).recommendations());
        }

        @Test
        void a_daily_series_is_advised_to_step_down_after_onboarding() {
            SeriesTimeline s = series(Cadence.DAILY, MAR_2).build();
            assertFalse(as(s, mar(31)).recommendations().contains(Recommendation.STEP_DOWN_FROM_DAILY)); // day 29
            assertTrue(as(s, LocalDate.of(2026, 4, 1)).recommendations().contains(Recommendation.STEP_DOWN_FROM_DAILY));
        }

        @Test
        void short_daily_meetings_during_onboarding_are_expected() {
            SeriesTimeline s = series(Cadence.DAILY, MAR_2).held(MAR_2, 10).held(mar(3), 10).held(mar(4), 10).build();
            assertEquals(List.of(), as(s, mar(4)).recommendations());
        }
    }

    @Nested
    class Ended_series {
        @Test
        void an_ended_series_leaves_the_current_figures_but_keeps_its_history() {
            SeriesTimeline s = series(Cadence.WEEKLY, MAR_2).held(MAR_2, mar(9), mar(16)).ended(mar(20)).build();
            SeriesFigures before = as(s, mar(19));
            assertTrue(before.current());

            SeriesFigures after = as(s, LocalDate.of(2026, 5, 1));
            assertFalse(after.current());
            assertEquals(List.of(), after.recommendations());
            assertEquals(4, after.gapDays(), "frozen on its last day");
            assertEquals(3, after.held());

            List<SeriesFigures> trend = CALCULATOR.weekly(s, LocalDate.of(2026, 3, 30), 4);
            assertEquals(List.of(mar(9), mar(16), mar(23), mar(30)), trend.stream().map(SeriesFigures::asOf).toList());
            assertEquals(List.of(true, true, false, false), trend.stream().map(SeriesFigures::current).toList());
        }
    }
}
