package dev.oneonone.insights.domain.rollup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.oneonone.events.insights.Health;
import dev.oneonone.events.meetings.Cadence;
import dev.oneonone.events.meetings.Relationship;
import dev.oneonone.insights.domain.directory.Directory;
import dev.oneonone.insights.domain.directory.DirectoryHistory;
import dev.oneonone.insights.domain.directory.DirectoryHistory.Employment;
import dev.oneonone.insights.domain.directory.DirectoryHistory.Interval;
import dev.oneonone.insights.domain.directory.DirectoryHistory.Placement;
import dev.oneonone.insights.domain.figures.FollowThrough;
import dev.oneonone.insights.domain.figures.SeriesFigures;

/**
 * Property test of the one group rule (plain JUnit over seeded random organisations; a failing seed is named in
 * the message and replays exactly): for random directory histories (joiners, leavers, rehires, people moving
 * between departments or into none, managers changing) and random series (companions in the directory, gone, or
 * never there; current or not; paused; any health and follow-through), on random dates, the organisation's
 * figures are the sum of its departments' and of the people without a department's.
 */
class OrganisationEqualsItsPartsPropertyTest {
    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    private static final LocalDate FIRST = LocalDate.of(2026, 1, 1);
    private static final String NO_DEPARTMENT = "(no department)";
    private static final List<String> DEPARTMENTS = List.of("ENG", "SALES", "OPS");

    static Stream<Long> seeds() {
        return LongStream.rangeClosed(1, 200).boxed();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void the_organisation_is_the_sum_of_its_departments_and_the_people_without_one(long seed) {
        Random random = new Random(seed);
        List<UUID> people = new ArrayList<>();
        for (int i = 0, n = 3 + random.nextInt(30); i < n; i++) {
            people.add(new UUID(seed, i));
        }
        DirectoryHistory history = history(random, people);
        List<UUID> companions = new ArrayList<>(people);
        companions.add(new UUID(seed, 1_000)); // never in the directory
        RollupCalculator calculator = new RollupCalculator(0, 0.5, 3);
        for (int d = 0; d < 5; d++) {
            LocalDate asOf = FIRST.plusDays(random.nextInt(200));
            List<SeriesFigures> series = series(random, people, companions, asOf);
            Directory directory = history.asOf(asOf, ZONE);
            OrganisationSnapshot snapshot = new OrganisationSnapshot(asOf, directory, series);
            String at = "seed " + seed + ", as of " + asOf;

            RollupFigures organisation = calculator.rollup(Scope.ORGANISATION, snapshot, Visibility.WHOLE_ORGANISATION)
                    .figures();
            // the people without a department, as one more department of a copy of the same directory
            List<Directory.Person> labelled = directory.people().stream()
                    .map(p -> p.department() != null ? p
                            : new Directory.Person(p.personId(), p.managerId(), p.team(), NO_DEPARTMENT))
                    .toList();
            OrganisationSnapshot withLabel = new OrganisationSnapshot(asOf, new Directory(labelled), series);
            Set<String> departments = new TreeSet<>();
            labelled.forEach(p -> departments.add(p.department()));
            List<RollupFigures> parts = departments.stream()
                    .map(code -> calculator.rollup(Scope.department(code), withLabel, Visibility.WHOLE_ORGANISATION)
                            .figures())
                    .toList();

            assertEquals(directory.size(), organisation.people(), at);
            assertEquals(sum(parts, RollupFigures::people), organisation.people(), at);
            assertEquals(sum(parts, RollupFigures::series), organisation.series(), at);
            assertEquals(sum(parts, f -> f.health().healthy()), organisation.health().healthy(), at);
            assertEquals(sum(parts, f -> f.health().atRisk()), organisation.health().atRisk(), at);
            assertEquals(sum(parts, f -> f.health().overdue()), organisation.health().overdue(), at);
            assertEquals(sum(parts, f -> f.health().paused()), organisation.health().paused(), at);
            assertEquals(sum(parts, f -> f.health().noOneOnOne()), organisation.health().noOneOnOne(), at);
            assertEquals(sum(parts, f -> f.coverage().withManager()), organisation.coverage().withManager(), at);
            assertEquals(sum(parts, f -> f.coverage().covered()), organisation.coverage().covered(), at);
            assertEquals(sum(parts, f -> f.followThrough().due()), organisation.followThrough().due(), at);
            assertEquals(sum(parts, f -> f.followThrough().completedOnTime()),
                    organisation.followThrough().completedOnTime(), at);
            assertEquals(sum(parts, f -> f.followThrough().openOverdue()), organisation.followThrough().openOverdue(), at);
            // and no series counts whose companion is not in the directory that day
            long inDirectory = snapshot.series().stream().filter(s -> directory.person(s.companionId()) != null).count();
            assertEquals(inDirectory, organisation.series(), at);
        }
    }

    private static int sum(List<RollupFigures> parts, java.util.function.ToIntFunction<RollupFigures> figure) {
        return parts.stream().mapToInt(figure).sum();
    }

    /** One or two employment periods per person, with department and manager changes inside them. */
    private static DirectoryHistory history(Random random, List<UUID> people) {
        List<Employment> employments = new ArrayList<>();
        List<Interval<UUID>> lines = new ArrayList<>();
        List<Interval<Placement>> placements = new ArrayList<>();
        for (UUID person : people) {
            LocalDate start = FIRST.plusDays(random.nextInt(120));
            int periods = 1 + random.nextInt(2);
            for (int p = 0; p < periods; p++) {
                LocalDate lastDay = random.nextInt(3) == 0 || p < periods - 1 ? start.plusDays(random.nextInt(60)) : null;
                employments.add(new Employment(person, instant(start), lastDay));
                LocalDate change = start.plusDays(random.nextInt(40));
                UUID manager = random.nextInt(5) == 0 ? null : people.get(random.nextInt(people.size()));
                UUID laterManager = random.nextBoolean() ? manager : people.get(random.nextInt(people.size()));
                lines.add(new Interval<>(person, manager, instant(start), instant(change)));
                lines.add(new Interval<>(person, laterManager, instant(change), null));
                placements.add(new Interval<>(person, new Placement("T" + random.nextInt(4), department(random)),
                        instant(start), instant(change)));
                placements.add(new Interval<>(person, new Placement("T" + random.nextInt(4), department(random)),
                        instant(change), null));
                if (lastDay == null) {
                    break;
                }
                start = lastDay.plusDays(1 + random.nextInt(30));
            }
        }
        // intervals of a person must not overlap: close each at the next one's start (a rehire's rows follow on)
        return new DirectoryHistory(employments, close(lines), close(placements));
    }

    private static <T> List<Interval<T>> close(List<Interval<T>> intervals) {
        List<Interval<T>> closed = new ArrayList<>();
        for (int i = 0; i < intervals.size(); i++) {
            Interval<T> interval = intervals.get(i);
            Interval<T> next = i + 1 < intervals.size() && intervals.get(i + 1).personId().equals(interval.personId())
                    ? intervals.get(i + 1) : null;
            closed.add(new Interval<>(interval.personId(), interval.value(), interval.validFrom(),
                    next == null ? null : next.validFrom()));
        }
        return closed;
    }

    private static String department(Random random) {
        int pick = random.nextInt(DEPARTMENTS.size() + 1);
        return pick == DEPARTMENTS.size() ? null : DEPARTMENTS.get(pick);
    }

    private static Instant instant(LocalDate day) {
        return day.atStartOfDay(ZONE).toInstant();
    }

    private static List<SeriesFigures> series(Random random, List<UUID> people, List<UUID> companions, LocalDate asOf) {
        List<SeriesFigures> series = new ArrayList<>();
        Health[] healths = { Health.HEALTHY, Health.AT_RISK, Health.OVERDUE };
        for (int i = 0, n = random.nextInt(2 * people.size()); i < n; i++) {
            UUID leader = people.get(random.nextInt(people.size()));
            UUID companion = companions.get(random.nextInt(companions.size()));
            int due = random.nextInt(5);
            int onTime = due == 0 ? 0 : random.nextInt(due + 1);
            FollowThrough followThrough = new FollowThrough(due, onTime, due == 0 ? null : (double) onTime / due, null,
                    null, due - onTime, null);
            Relationship relationship = random.nextInt(4) == 0 ? Relationship.PEER : Relationship.MANAGER_REPORT;
            series.add(new SeriesFigures(UUID.randomUUID(), "acme", leader, companion, relationship, Cadence.WEEKLY,
                    asOf, random.nextInt(5) > 0, random.nextInt(6) == 0, 7, random.nextInt(30),
                    healths[random.nextInt(3)], 0, 0, random.nextBoolean() ? null : random.nextDouble(), 0, 0, 0, 0,
                    null, null, followThrough, null, 0, List.of()));
        }
        return series;
    }
}
