package dev.oneonone.insights.domain.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.oneonone.insights.domain.directory.DirectoryHistory.Employment;
import dev.oneonone.insights.domain.directory.DirectoryHistory.Interval;
import dev.oneonone.insights.domain.directory.DirectoryHistory.Placement;

class DirectoryHistoryTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private final UUID director = UUID.randomUUID();
    private final UUID manager = UUID.randomUUID();
    private final UUID other = UUID.randomUUID();
    private final UUID report = UUID.randomUUID();

    private static Instant at(String text) {
        return Instant.parse(text);
    }

    private DirectoryHistory history() {
        return new DirectoryHistory(
                List.of(new Employment(director, at("2026-01-01T00:00:00Z"), null),
                        new Employment(manager, at("2026-01-01T00:00:00Z"), LocalDate.of(2026, 6, 30)),
                        new Employment(other, at("2026-01-01T00:00:00Z"), null),
                        new Employment(report, at("2026-03-02T08:00:00Z"), null)),
                List.of(new Interval<>(manager, director, at("2026-01-01T00:00:00Z"), null),
                        new Interval<>(other, director, at("2026-01-01T00:00:00Z"), null),
                        new Interval<>(report, manager, at("2026-03-02T08:00:00Z"), at("2026-05-04T22:30:00Z")),
                        new Interval<>(report, other, at("2026-05-04T22:30:00Z"), null)),
                List.of(new Interval<>(report, new Placement("PLATFORM", "ENG"), at("2026-03-02T08:00:00Z"),
                        at("2026-04-01T10:00:00Z")),
                        new Interval<>(report, new Placement("DATA", "ENG"), at("2026-04-01T10:00:00Z"), null)));
    }

    @Test
    void nobody_is_in_the_directory_before_they_were_registered() {
        assertNull(history().asOf(LocalDate.of(2026, 3, 1), BERLIN).person(report));
        assertEquals(manager, history().asOf(LocalDate.of(2026, 3, 2), BERLIN).person(report).managerId());
    }

    @Test
    void the_reporting_line_of_a_date_is_the_one_in_force_at_its_end_in_the_organisations_time_zone() {
        // 22:30 UTC on the 4th is 00:30 on the 5th in Berlin: the 4th still ends with the old line
        assertEquals(manager, history().asOf(LocalDate.of(2026, 5, 4), BERLIN).person(report).managerId());
        assertEquals(other, history().asOf(LocalDate.of(2026, 5, 5), BERLIN).person(report).managerId());
        assertEquals(other, history().asOf(LocalDate.of(2026, 5, 4), ZoneId.of("UTC")).person(report).managerId());
    }

    @Test
    void team_and_department_follow_the_moves() {
        Directory march = history().asOf(LocalDate.of(2026, 3, 15), BERLIN);
        Directory april = history().asOf(LocalDate.of(2026, 4, 1), BERLIN);
        assertEquals("PLATFORM", march.person(report).team());
        assertEquals("DATA", april.person(report).team());
        assertEquals("ENG", april.person(report).department());
    }

    @Test
    void a_person_leaves_after_their_last_day_and_is_nobodys_manager_then() {
        UUID late = UUID.randomUUID();
        DirectoryHistory history = new DirectoryHistory(
                List.of(new Employment(manager, at("2026-01-01T00:00:00Z"), LocalDate.of(2026, 6, 30)),
                        new Employment(late, at("2026-01-01T00:00:00Z"), null)),
                List.of(new Interval<>(late, manager, at("2026-01-01T00:00:00Z"), null)), List.of());
        assertEquals(manager, history.asOf(LocalDate.of(2026, 6, 30), BERLIN).person(late).managerId());
        Directory july = history.asOf(LocalDate.of(2026, 7, 1), BERLIN);
        assertNull(july.person(manager));
        assertNull(july.person(late).managerId(), "a manager no longer in the directory is no manager");
    }

    @Test
    void a_rehire_is_in_the_directory_in_each_employment_period_and_out_between_them() {
        UUID back = UUID.randomUUID();
        DirectoryHistory history = new DirectoryHistory(
                List.of(new Employment(back, at("2026-01-04T23:00:00Z"), LocalDate.of(2026, 3, 31)),
                        new Employment(back, at("2026-05-31T22:00:00Z"), null),
                        new Employment(director, at("2026-01-01T00:00:00Z"), null)),
                List.of(new Interval<>(back, director, at("2026-01-04T23:00:00Z"), at("2026-05-31T22:00:00Z")),
                        new Interval<>(back, null, at("2026-05-31T22:00:00Z"), null)),
                List.of(new Interval<>(back, new Placement("PLATFORM", "ENG"), at("2026-01-04T23:00:00Z"),
                        at("2026-05-31T22:00:00Z")),
                        new Interval<>(back, new Placement("SALES", "SALES"), at("2026-05-31T22:00:00Z"), null)));
        assertNull(history.asOf(LocalDate.of(2026, 1, 4), BERLIN).person(back));
        assertEquals("ENG", history.asOf(LocalDate.of(2026, 1, 5), BERLIN).person(back).department());
        assertEquals(director, history.asOf(LocalDate.of(2026, 3, 31), BERLIN).person(back).managerId());
        assertNull(history.asOf(LocalDate.of(2026, 4, 1), BERLIN).person(back));
        assertNull(history.asOf(LocalDate.of(2026, 5, 31), BERLIN).person(back));
        Directory june = history.asOf(LocalDate.of(2026, 6, 1), BERLIN);
        assertEquals("SALES", june.person(back).department());
        assertNull(june.person(back).managerId());
        assertEquals(2, june.size(), "a person in the directory once, whatever their periods");
    }

    @Test
    void a_subtree_is_everyone_below_on_the_date() {
        Directory april = history().asOf(LocalDate.of(2026, 4, 15), BERLIN);
        assertEquals(Set.of(manager, other, report), april.subtree(director));
        assertEquals(Set.of(report), april.subtree(manager));
        Directory may = history().asOf(LocalDate.of(2026, 5, 15), BERLIN);
        assertEquals(Set.of(), may.subtree(manager));
        assertEquals(Set.of(report), may.subtree(other));
    }

    @Test
    void a_cycle_in_the_reporting_lines_does_not_loop() {
        Directory cycle = new Directory(List.of(new Directory.Person(manager, other, null, null),
                new Directory.Person(other, manager, null, null)));
        assertEquals(Set.of(other), cycle.subtree(manager));
    }
}
