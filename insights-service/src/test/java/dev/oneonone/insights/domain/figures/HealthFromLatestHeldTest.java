package dev.oneonone.insights.domain.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.oneonone.events.meetings.Cadence;
import dev.oneonone.insights.domain.figures.SeriesTimeline.MeetingRecord;
import dev.oneonone.kit.property.StepSequences;

/**
 * The health assessment after each event reads only a series' latest held meetings, as many as a short streak needs
 * ({@code TimelineStore.forHealthOf}, ordered by held time then id, newest first): from them the calculator gives the
 * same health, gap and recommendations as from every meeting of the series. Random series (cadence, start, cadence
 * changes) with up to 80 held meetings on random past days (several on one day), short and
 * long, at distinct instants, assessed as of a random later day.
 */
class HealthFromLatestHeldTest {
    private static final FiguresCalculator CALCULATOR = new FiguresCalculator(Thresholds.DEFAULTS);
    private static final Comparator<MeetingRecord> NEWEST_FIRST = Comparator.comparing(MeetingRecord::heldAt)
            .thenComparing(MeetingRecord::meetingId).reversed();

    private int recommended;

    @Test
    void the_latest_held_meetings_give_the_health_of_the_whole_history() {
        StepSequences.check(300, 80, this::sameHealth);
        assertTrue(recommended > 0, "no series with a recommendation was generated");
    }

    private void sameHealth(long setupSeed, long[] stepSeeds) {
        SplittableRandom setup = new SplittableRandom(setupSeed);
        LocalDate startsOn = LocalDate.of(2025, 1, 6).plusDays(setup.nextInt(30));
        Cadence cadence = Cadence.values()[setup.nextInt(Cadence.values().length)];
        History history = History.series(cadence, startsOn);
        if (setup.nextInt(3) == 0) {
            history.cadence(startsOn.plusDays(20 + setup.nextInt(100)), Cadence.values()[setup.nextInt(Cadence.values().length)]);
        }
        int span = 200;
        LocalDate asOf = startsOn.plusDays(span + setup.nextInt(60));
        for (int i = 0; i < stepSeeds.length; i++) {
            SplittableRandom step = new SplittableRandom(stepSeeds[i]);
            int minutes = step.nextInt(3) == 0 ? 30 : 5 + step.nextInt(20);
            // several on one day, at distinct instants: the full history orders ties on the instant arbitrarily
            Instant heldAt = History.at(startsOn.plusDays(step.nextInt(span)), 9).plusSeconds(i);
            history.meeting(new MeetingRecord(UUID.randomUUID(), heldAt, heldAt.minusSeconds(86_400), List.of(),
                    heldAt, minutes, null, null, null));
        }
        SeriesTimeline all = history.build();
        List<MeetingRecord> latest = all.meetings().stream().sorted(NEWEST_FIRST)
                .limit(Thresholds.DEFAULTS.shortStreak()).toList();
        SeriesTimeline read = new SeriesTimeline(all.seriesId(), all.organisationId(), all.leaderId(),
                all.companionId(), all.relationship(), all.initialCadence(), all.zone(), all.startsOn(),
                all.endedAt(), all.changes(), latest, all.agreements());

        SeriesFigures expected = CALCULATOR.figuresOf(all, asOf);
        SeriesFigures actual = CALCULATOR.figuresOf(read, asOf);
        assertEquals(expected.health(), actual.health(), "health");
        assertEquals(expected.gapDays(), actual.gapDays(), "gap");
        assertEquals(expected.recommendations(), actual.recommendations(), "recommendations");
        assertEquals(expected.current(), actual.current(), "current");
        if (!expected.recommendations().isEmpty()) {
            recommended++;
        }
    }
}
