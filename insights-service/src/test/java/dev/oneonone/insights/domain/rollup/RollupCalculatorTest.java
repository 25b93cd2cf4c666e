package dev.oneonone.insights.domain.rollup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.oneonone.events.insights.Health;
import dev.oneonone.events.insights.Recommendation;
import dev.oneonone.events.meetings.Cadence;
import dev.oneonone.events.meetings.Relationship;
import dev.oneonone.insights.domain.directory.Directory;
import dev.oneonone.insights.domain.figures.FollowThrough;
import dev.oneonone.insights.domain.figures.SeriesFigures;
import dev.oneonone.insights.domain.rollup.AttentionItem.Reason;

/**
 * A small organisation: director D over managers M1 (team PLATFORM) and M2 (team DATA); M1 leads
 * A (healthy), B (overdue, low follow-through) and has no series with C; D's series with M1 is at risk;
 * M2's series with E is paused, with F only a mentoring one, and with G (team DESIGN, alone) ended.
 */
class RollupCalculatorTest {
    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 23);
    private final UUID d = id("d");
    private final UUID m1 = id("m1");
    private final UUID m2 = id("m2");
    private final UUID a = id("a");
    private final UUID b = id("b");
    private final UUID c = id("c");
    private final UUID e = id("e");
    private final UUID f = id("f");
    private final UUID g = id("g");
    private final SeriesFigures m1a = series(m1, a, Relationship.MANAGER_REPORT, Health.HEALTHY, 5, 4, 4, false, true, 1.0);
    private final SeriesFigures m1b = series(m1, b, Relationship.MANAGER_REPORT, Health.OVERDUE, 20, 4, 1, false, true, 0.5);
    private final SeriesFigures dm1 = series(d, m1, Relationship.MANAGER_REPORT, Health.AT_RISK, 12, 0, 0, false, true, 0.75);
    private final SeriesFigures dm2 = series(d, m2, Relationship.MANAGER_REPORT, Health.HEALTHY, 3, 0, 0, false, true, null);
    private final SeriesFigures m2e = series(m2, e, Relationship.MANAGER_REPORT, Health.OVERDUE, 40, 0, 0, true, true, 0.2);
    private final SeriesFigures m2f = series(m2, f, Relationship.MENTOR_MENTEE, Health.HEALTHY, 2, 0, 0, false, true, 1.0);
    private final SeriesFigures m2g = series(m2, g, Relationship.MANAGER_REPORT, Health.HEALTHY, 2, 9, 0, false, false, 1.0);

    private final OrganisationSnapshot snapshot = new OrganisationSnapshot(AS_OF, new Directory(List.of(
            person(d, null, "LEAD", "ENG"),
            person(m1, d, "PLATFORM", "ENG"), person(a, m1, "PLATFORM", "ENG"), person(b, m1, "PLATFORM", "ENG"),
            person(c, m1, "PLATFORM", "ENG"),
            person(m2, d, "DATA", "ENG"), person(e, m2, "DATA", "ENG"), person(f, m2, "DATA", "ENG"),
            person(g, m2, "DESIGN", "ENG"))),
            List.of(m1a, m1b, dm1, dm2, m2e, m2f, m2g));
    private final RollupCalculator calculator = new RollupCalculator(3, 0.5, 3);

    @Test
    void the_organisation_counts_every_current_series_and_every_report() {
        Rollup rollup = calculator.rollup(Scope.ORGANISATION, snapshot, Visibility.WHOLE_ORGANISATION);

        RollupFigures figures = rollup.figures();
        assertEquals(9, figures.people());
        assertEquals(6, figures.series(), "the ended series with G leaves the current figures");
        assertEquals(new HealthCounts(3, 1, 1, 3, 1), figures.health());
        assertEquals(new FollowThroughTotals(8, 5, 5.0 / 8, 0), figures.followThrough());
        assertEquals((1.0 + 0.5 + 0.75 + 1.0) / 4, figures.adherenceAverage(), 1e-9,
                "mean over unpaused series that have an adherence");
        assertEquals(CoverageFigures.of(8, 5), figures.coverage());
    }

    @Test
    void coverage_needs_an_active_manager_report_series_with_the_manager_of_the_date() {
        CoverageFigures coverage = calculator.rollup(Scope.ORGANISATION, snapshot, Visibility.WHOLE_ORGANISATION)
                .figures().coverage();
        // C has no series, F only a mentoring one, G's series ended; D has no manager
        assertEquals(8, coverage.withManager());
        assertEquals(5, coverage.covered());
        assertEquals(0.625, coverage.rate(), 1e-9);
    }

    @Test
    void the_attention_list_gives_the_reasons_most_urgent_first() {
        List<AttentionItem> attention = calculator.attention(Scope.ORGANISATION, snapshot, Visibility.WHOLE_ORGANISATION);

        assertEquals(5, attention.size());
        assertEquals(List.of(Reason.OVERDUE, Reason.LOW_FOLLOW_THROUGH), attention.get(0).reasons());
        assertEquals(m1b.seriesId(), attention.get(0).seriesId());
        assertEquals(0.25, attention.get(0).followThroughRate());
        assertEquals(List.of(Recommendation.GAP_OVER_TWO_WEEKS), attention.get(0).recommendations());
        assertEquals(List.of(Reason.AT_RISK), attention.get(1).reasons());
        assertEquals(dm1.seriesId(), attention.get(1).seriesId());
        List<UUID> withoutOneOnOne = attention.subList(2, 5).stream().peek(item -> {
            assertEquals(List.of(Reason.NO_ONE_ON_ONE), item.reasons());
            assertNull(item.seriesId());
        }).map(AttentionItem::companionId).sorted().toList();
        assertEquals(List.of(c, f, g).stream().sorted().toList(), withoutOneOnOne);
        assertTrue(attention.stream().noneMatch(item -> m2e.seriesId().equals(item.seriesId())),
                "a paused series is not flagged for its frozen health");
    }

    @Test
    void low_follow_through_needs_enough_agreements_due() {
        SeriesFigures few = series(m1, c, Relationship.MANAGER_REPORT, Health.HEALTHY, 3, 2, 0, false, true, 1.0);
        OrganisationSnapshot withFew = new OrganisationSnapshot(AS_OF, snapshot.directory(), List.of(few));
        assertTrue(calculator.attention(Scope.manager(m1), withFew, Visibility.WHOLE_ORGANISATION).stream()
                .noneMatch(item -> item.reasons().contains(Reason.LOW_FOLLOW_THROUGH)));
        assertEquals(1, new RollupCalculator(3, 0.5, 2).attention(Scope.manager(m1), withFew, Visibility.WHOLE_ORGANISATION)
                .stream().filter(item -> item.reasons().contains(Reason.LOW_FOLLOW_THROUGH)).count());
    }

    @Test
    void a_team_holds_the_series_whose_companion_is_in_it() {
        Rollup platform = calculator.rollup(Scope.team("PLATFORM"), snapshot, Visibility.WHOLE_ORGANISATION);
        assertEquals(4, platform.figures().people());
        assertEquals(3, platform.figures().series(), "M1–A, M1–B and D–M1 (M1 is in the team)");
        assertEquals(CoverageFigures.of(4, 3), platform.figures().coverage());
        assertEquals(new HealthCounts(1, 1, 1, 1, 0), platform.figures().health());
    }

    @Test
    void a_team_under_the_minimum_size_is_suppressed_with_no_figures() {
        Rollup design = calculator.rollup(Scope.team("DESIGN"), snapshot, Visibility.WHOLE_ORGANISATION);
        assertTrue(design.suppressed());
        assertNull(design.figures());
        assertNull(design.attention());
        assertNull(calculator.attention(Scope.team("DESIGN"), snapshot, Visibility.WHOLE_ORGANISATION));
        assertTrue(calculator.point(Scope.team("DESIGN"), snapshot, Visibility.WHOLE_ORGANISATION).suppressed());
        assertFalse(new RollupCalculator(1, 0.5, 3).rollup(Scope.team("DESIGN"), snapshot, Visibility.WHOLE_ORGANISATION)
                .suppressed());
    }

    @Test
    void a_manager_has_the_series_they_lead_and_the_coverage_of_their_direct_reports() {
        Rollup rollup = calculator.rollup(Scope.manager(m1), snapshot, Visibility.WHOLE_ORGANISATION);
        assertEquals(3, rollup.figures().people());
        assertEquals(2, rollup.figures().series());
        assertEquals(CoverageFigures.of(3, 2), rollup.figures().coverage());
        assertEquals(2, rollup.attentionCount(), "the series with B (overdue, low follow-through) and C without a 1:1");
    }

    @Test
    void a_director_sees_only_their_subtree() {
        Visibility m1View = new Visibility(m1, snapshot.directory().subtree(m1));
        Rollup department = calculator.rollup(Scope.department("ENG"), snapshot, m1View);
        assertEquals(3, department.figures().people(), "A, B and C: the rest of ENG is outside M1's subtree");
        assertEquals(2, department.figures().series());
        assertTrue(calculator.exists(Scope.subtree(m1), snapshot, m1View), "their own subtree");
        assertTrue(calculator.exists(Scope.manager(m1), snapshot, m1View));
        assertFalse(calculator.exists(Scope.manager(m2), snapshot, m1View));
        assertFalse(calculator.exists(Scope.team("DATA"), snapshot, m1View));

        Rollup subtree = calculator.rollup(Scope.subtree(d), snapshot, new Visibility(d, snapshot.directory().subtree(d)));
        assertEquals(8, subtree.figures().people());
        assertEquals(6, subtree.figures().series());
    }

    @Test
    void a_department_suppressed_for_a_director_who_sees_too_few_of_it() {
        UUID lone = id("lone");
        OrganisationSnapshot small = new OrganisationSnapshot(AS_OF, new Directory(List.of(person(d, null, "LEAD", "ENG"),
                person(lone, d, "OPS", "OPS"))), List.of());
        assertTrue(calculator.rollup(Scope.department("OPS"), small, new Visibility(d, small.directory().subtree(d)))
                .suppressed());
    }

    private static UUID id(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes());
    }

    private static Directory.Person person(UUID id, UUID manager, String team, String department) {
        return new Directory.Person(id, manager, team, department);
    }

    private static SeriesFigures series(UUID leader, UUID companion, Relationship relationship, Health health, int gap,
            int due, int onTime, boolean paused, boolean current, Double adherence) {
        FollowThrough followThrough = new FollowThrough(due, onTime, due == 0 ? null : (double) onTime / due, null, null, 0,
                null);
        return new SeriesFigures(UUID.randomUUID(), "acme", leader, companion, relationship, Cadence.WEEKLY, AS_OF,
                current, paused, 7, gap, health, 0, 0, adherence, 0, 0, 0, 0, null, null, followThrough, null, 0,
                gap > 14 ? List.of(Recommendation.GAP_OVER_TWO_WEEKS) : List.of());
    }
}
