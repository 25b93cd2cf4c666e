package dev.oneonone.insights.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.oneonone.events.CloudEventHeaders;
import dev.oneonone.events.EventEnvelope;
import dev.oneonone.events.agenda.AgreementCompleted;
import dev.oneonone.events.agenda.AgreementDropped;
import dev.oneonone.events.agenda.AgreementDueDateChanged;
import dev.oneonone.events.agenda.AgreementMade;
import dev.oneonone.events.agenda.AuthorRole;
import dev.oneonone.events.agenda.DropReason;
import dev.oneonone.events.agenda.TopicAdded;
import dev.oneonone.events.agenda.TopicCarriedOver;
import dev.oneonone.events.agenda.TopicKind;
import dev.oneonone.events.meetings.ActorRole;
import dev.oneonone.events.meetings.Cadence;
import dev.oneonone.events.meetings.CadenceChanged;
import dev.oneonone.events.meetings.CancelReason;
import dev.oneonone.events.meetings.MeetingCancelled;
import dev.oneonone.events.meetings.MeetingHeld;
import dev.oneonone.events.meetings.MeetingMissed;
import dev.oneonone.events.meetings.MeetingMode;
import dev.oneonone.events.meetings.MeetingRescheduled;
import dev.oneonone.events.meetings.MeetingScheduled;
import dev.oneonone.events.meetings.Relationship;
import dev.oneonone.events.meetings.RescheduleReason;
import dev.oneonone.events.meetings.SeriesEnded;
import dev.oneonone.events.meetings.SeriesPaused;
import dev.oneonone.events.meetings.SeriesResumed;
import dev.oneonone.events.meetings.SeriesStarted;
import dev.oneonone.insights.MeetingsEventsFeed;
import dev.oneonone.events.meetings.PersonRegistered;
import dev.oneonone.events.meetings.ReportingLineChanged;
import dev.oneonone.insights.config.InsightsConfig;
import dev.oneonone.insights.domain.directory.DirectoryHistory;
import dev.oneonone.insights.domain.figures.FiguresCalculator;
import dev.oneonone.insights.domain.figures.SeriesFigures;
import dev.oneonone.insights.domain.figures.SeriesTimeline;
import dev.oneonone.insights.domain.rollup.GroupTotals;
import dev.oneonone.insights.domain.rollup.OrganisationSnapshot;
import dev.oneonone.insights.domain.rollup.RollupCalculator;
import dev.oneonone.insights.domain.rollup.Scope;
import dev.oneonone.insights.domain.rollup.Visibility;
import dev.oneonone.insights.messaging.SuiteEventsConsumer;
import dev.oneonone.insights.projection.DirectoryHistoryReader;
import dev.oneonone.insights.projection.TimelineStore;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;

/**
 * The kept figures ({@link SeriesFiguresStore}) equal a from-scratch computation over the organisation's
 * timelines, on every asked day, after every batch of a generated history applied through the consumer:
 * events in shuffled order (back-dated, late-recorded held meetings, topics before their meeting, ends with
 * and without a day), with days asked before and after the events that change them. Dates are pinned.
 */
@QuarkusTest
class IncrementalFiguresTest {
    private static final LocalDate BASE = LocalDate.of(2026, 6, 1);
    private static final List<String> ZONES = List.of("UTC", "Europe/Berlin", "Pacific/Auckland", "America/Los_Angeles");

    @Inject
    SuiteEventsConsumer consumer;

    @Inject
    SeriesFiguresStore store;

    @Inject
    TimelineStore timelines;

    @Inject
    FiguresCalculator calculator;

    @Inject
    Pool pool;

    @Inject
    RollupService rollups;

    @Inject
    GroupTotalsStore groupTotals;

    @Inject
    DirectoryHistoryReader directories;

    @Inject
    InsightsConfig.OrganisationTimeZone zones;

    private Random random;
    private String org;
    private final List<EventEnvelope> events = new ArrayList<>();
    private final Map<UUID, Long> versions = new HashMap<>();
    private final List<UUID> people = new ArrayList<>();
    private final Map<UUID, UUID> leaders = new HashMap<>();
    private final List<EventEnvelope> directoryChanges = new ArrayList<>();

    @ParameterizedTest
    @ValueSource(longs = { 1, 2, 3 })
    void kept_figures_equal_figures_computed_afresh(long seed) throws Exception {
        random = new Random(seed);
        org = "incr-" + seed + "-" + UUID.randomUUID().toString().substring(0, 6);
        for (int s = 0; s < 8; s++) {
            series();
        }
        Collections.shuffle(events, random);
        events.addAll(0, registrations());
        // reporting lines that change during the history: the stored group totals of a day are built again
        for (EventEnvelope change : directoryChanges) {
            events.add(people.size() + random.nextInt(events.size() - people.size()), change);
        }
        List<LocalDate> candidates = new ArrayList<>();
        for (int d = -70; d <= 40; d += 1 + random.nextInt(6)) {
            candidates.add(BASE.plusDays(d));
        }
        int applied = 0;
        int checks = 0;
        int groupChecks = 0;
        while (applied < events.size()) {
            int batch = Math.min(events.size() - applied, 1 + random.nextInt(12));
            for (EventEnvelope envelope : events.subList(applied, applied + batch)) {
                consume(envelope);
            }
            applied += batch;
            List<LocalDate> days = new ArrayList<>();
            for (int i = 0; i < 1 + random.nextInt(4); i++) {
                days.add(candidates.get(random.nextInt(candidates.size())));
            }
            // a trend's week ends, as the rollups ask them
            LocalDate end = candidates.get(random.nextInt(candidates.size()));
            for (int week = 0; week < 4; week++) {
                days.add(end.minusWeeks(week));
            }
            checks += compare(days);
            groupChecks += compareGroups(days);
        }
        assertTrue(checks > 20, "compared " + checks + " figures");
        assertTrue(groupChecks > 20, "compared " + groupChecks + " group totals");
        long[] builtAndMoved = groupTotals.builtAndMoved();
        assertTrue(builtAndMoved[1] > 0, "some days' totals were moved on by changes, not built again: " + builtAndMoved[1]);
    }

    /**
     * The stored group totals that the rollups read equal the totals computed from scratch: from the directory and
     * every series' figures computed afresh, each group added up on its own by the calculator's rule.
     */
    private int compareGroups(List<LocalDate> days) {
        List<OrganisationSnapshot> read = new ArrayList<>();
        for (LocalDate day : days) {
            read.add(rollups.snapshot(org, day).await().atMost(Duration.ofMinutes(1)));
        }
        List<SeriesTimeline> all = timelines.ofOrganisation(pool, org).await().atMost(Duration.ofMinutes(1));
        DirectoryHistory history = directories.load(org).await().atMost(Duration.ofMinutes(1));
        RollupCalculator calculator = rollups.calculator();
        // the stored totals are kept for every group: whether a small one is withheld is decided when it is read
        RollupCalculator unsuppressed = new RollupCalculator(1, rollups.rules().lowFollowThroughBelow(),
                rollups.rules().lowFollowThroughMinDue());
        int compared = 0;
        for (OrganisationSnapshot snapshot : read) {
            LocalDate day = snapshot.asOf();
            OrganisationSnapshot fresh = new OrganisationSnapshot(day, history.asOf(day, zones.zone(org)),
                    all.stream().map(series -> this.calculator.figuresOf(series, day)).toList());
            Map<String, GroupTotals> expected = new HashMap<>();
            expected.put("organisation", calculator.totals(Scope.ORGANISATION, fresh, Visibility.WHOLE_ORGANISATION));
            for (var person : fresh.directory().people()) {
                for (String group : RollupCalculator.groupsOf(person)) {
                    expected.computeIfAbsent(group, key -> key.equals(RollupCalculator.WITHOUT_DEPARTMENT)
                            ? calculator.totalsWithoutDepartment(fresh)
                            : unsuppressed.totals(Scope.parse(key), fresh, Visibility.WHOLE_ORGANISATION));
                }
            }
            Map<String, GroupTotals> rows = groupTotals.storedRows(org, day).await().atMost(Duration.ofMinutes(1));
            for (Map<String, GroupTotals> actual : List.of(snapshot.storedTotals(), rows)) {
                assertEquals(expected.keySet(), actual.keySet(), "groups on " + day);
                expected.forEach((group, totals) -> assertTrue(totals.sameAs(actual.get(group)),
                        group + " on " + day + ": expected " + totals + ", stored " + actual.get(group)));
            }
            compared += expected.size();
        }
        return compared;
    }

    /** People for every leader and companion, in departments and teams (some in none), most reporting to their leader. */
    private List<EventEnvelope> registrations() throws Exception {
        List<EventEnvelope> registered = new ArrayList<>();
        Instant at = at(BASE.minusDays(120), 9);
        for (UUID person : people) {
            String department = random.nextInt(4) == 0 ? null : "D" + random.nextInt(3);
            String team = random.nextInt(4) == 0 ? null : "T" + random.nextInt(5);
            UUID manager = leaders.get(person);
            if (manager != null && random.nextInt(5) == 0) {
                manager = null;
            }
            registered.add(MeetingsEventsFeed.envelopeAt(org, 1, new PersonRegistered(person, team, department, manager), at));
            if (random.nextInt(4) == 0) {
                UUID next = people.get(random.nextInt(people.size()));
                directoryChanges.add(MeetingsEventsFeed.envelopeAt(org, 2, new ReportingLineChanged(person, manager,
                        next.equals(person) ? null : next), at(BASE.plusDays(random.nextInt(80) - 60), 12)));
            }
        }
        return registered;
    }

    /** Asks the store, then computes the same days from scratch; returns how many figures were compared. */
    private int compare(List<LocalDate> days) {
        SeriesFiguresStore.Figures kept = store.figures(org, days).await().atMost(Duration.ofMinutes(1));
        List<SeriesTimeline> all = timelines.ofOrganisation(pool, org).await().atMost(Duration.ofMinutes(1));
        int compared = 0;
        for (LocalDate day : days) {
            Map<UUID, SeriesFigures> expected = new HashMap<>();
            all.forEach(series -> expected.put(series.seriesId(), calculator.figuresOf(series, day)));
            Map<UUID, SeriesFigures> actual = new HashMap<>();
            kept.byDay().get(day).forEach(figures -> actual.put(figures.seriesId(), figures));
            assertEquals(expected, actual, "figures as of " + day);
            compared += expected.size();
        }
        return compared;
    }

    private void consume(EventEnvelope envelope) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>("test", 0, 0L, envelope.aggregateId().toString(),
                envelope.data());
        CloudEventHeaders.write(envelope, record.headers());
        (envelope.source().equals("/agenda-service") ? consumer.agenda(record) : consumer.meetings(record))
                .await().atMost(Duration.ofMinutes(1));
    }

    /** One series' history: each event with when it happened; the order of arrival is shuffled later. */
    private void series() throws Exception {
        UUID series = UUID.randomUUID();
        // a leader is sometimes an earlier series' companion: a person in several groups' figures
        UUID leader = people.isEmpty() || random.nextBoolean() ? person() : people.get(random.nextInt(people.size()));
        UUID companion = person();
        leaders.put(companion, leader);
        LocalDate startsOn = BASE.minusDays(random.nextInt(60));
        Cadence cadence = Cadence.values()[random.nextInt(Cadence.values().length)];
        add(series, new SeriesStarted(series, leader, companion, Relationship.MANAGER_REPORT, cadence, 30,
                ZONES.get(random.nextInt(ZONES.size())), startsOn, null, null), at(startsOn.minusDays(1), 9));
        if (random.nextDouble() < 0.4) {
            add(series, new CadenceChanged(series, cadence, Cadence.values()[random.nextInt(Cadence.values().length)],
                    null, null), at(startsOn.plusDays(random.nextInt(50)), 11));
        }
        if (random.nextDouble() < 0.4) {
            LocalDate from = startsOn.plusDays(random.nextInt(40));
            LocalDate until = from.plusDays(3 + random.nextInt(20));
            add(series, new SeriesPaused(series, from, until), at(from.minusDays(random.nextInt(5)), 8));
            if (random.nextBoolean()) {
                LocalDate resumed = from.plusDays(1 + random.nextInt(3));
                add(series, new SeriesResumed(series, resumed), at(resumed, 7));
            }
        }
        for (int m = 0; m < 3 + random.nextInt(8); m++) {
            meeting(series, startsOn.plusDays(m * 7L + random.nextInt(3)));
        }
        if (random.nextDouble() < 0.3) {
            LocalDate endedOn = startsOn.plusDays(20 + random.nextInt(60));
            // back-dated: recorded (and happened, as far as ce_time says) days after its day
            add(series, new SeriesEnded(series, null, random.nextBoolean() ? endedOn : null),
                    at(endedOn.plusDays(random.nextInt(10)), 16));
        }
    }

    private UUID person() {
        UUID person = UUID.randomUUID();
        people.add(person);
        return person;
    }

    private void meeting(UUID series, LocalDate day) throws Exception {
        UUID meeting = UUID.randomUUID();
        Instant scheduledFor = at(day, 10);
        add(series, new MeetingScheduled(series, meeting, scheduledFor, 30, false), scheduledFor.minus(Duration.ofDays(5)));
        if (random.nextDouble() < 0.3) {
            add(series, new MeetingRescheduled(series, meeting, scheduledFor, scheduledFor.plus(Duration.ofHours(2)),
                    ActorRole.LEADER, null, RescheduleReason.CONFLICT), scheduledFor.minus(Duration.ofDays(2)));
        }
        if (random.nextDouble() < 0.5) {
            // sometimes after the meeting started: too late to count as preparation
            add(null, new TopicAdded(meeting, UUID.randomUUID(), TopicKind.values()[0], AuthorRole.COMPANION, false),
                    scheduledFor.minus(Duration.ofHours(random.nextInt(48) - 6)));
        }
        if (random.nextDouble() < 0.2) {
            add(null, new TopicCarriedOver(meeting, UUID.randomUUID(), series, UUID.randomUUID(), TopicKind.values()[0],
                    AuthorRole.COMPANION, 1), scheduledFor.minus(Duration.ofDays(1)));
        }
        double outcome = random.nextDouble();
        if (outcome < 0.65) {
            Instant heldAt = scheduledFor.plus(Duration.ofMinutes(random.nextInt(90)));
            // a late record of a held meeting: it counts on the day it was held
            Instant recorded = random.nextDouble() < 0.3 ? heldAt.plus(Duration.ofDays(1 + random.nextInt(20)))
                    : heldAt.plus(Duration.ofMinutes(40));
            add(series, new MeetingHeld(series, meeting, heldAt, 5 + random.nextInt(50), MeetingMode.REMOTE), recorded);
            if (random.nextDouble() < 0.5) {
                agreement(series, meeting, heldAt);
            }
        } else if (outcome < 0.85) {
            add(series, new MeetingCancelled(series, meeting, ActorRole.COMPANION, null, CancelReason.CONFLICT),
                    scheduledFor.minus(Duration.ofHours(random.nextInt(72))));
        } else {
            add(series, new MeetingMissed(series, meeting, scheduledFor), scheduledFor.plus(Duration.ofHours(1)));
        }
    }

    private void agreement(UUID series, UUID meeting, Instant madeAt) throws Exception {
        UUID agreement = UUID.randomUUID();
        LocalDate made = LocalDate.ofInstant(madeAt, ZoneOffset.UTC);
        LocalDate dueOn = random.nextDouble() < 0.8 ? made.plusDays(1 + random.nextInt(14)) : null;
        add(series, new AgreementMade(agreement, series, meeting,
                random.nextBoolean() ? AuthorRole.LEADER : AuthorRole.COMPANION, UUID.randomUUID(), dueOn),
                madeAt.plus(Duration.ofMinutes(1)));
        if (random.nextDouble() < 0.3) {
            add(series, new AgreementDueDateChanged(agreement, series, dueOn, made.plusDays(random.nextInt(20))),
                    madeAt.plus(Duration.ofDays(1 + random.nextInt(5))));
        }
        double close = random.nextDouble();
        if (close < 0.6) {
            add(series, new AgreementCompleted(agreement, series), madeAt.plus(Duration.ofDays(random.nextInt(20))));
        } else if (close < 0.7) {
            add(series, new AgreementDropped(agreement, series, DropReason.values()[0]),
                    madeAt.plus(Duration.ofDays(random.nextInt(20))));
        }
    }

    /** A meetings event in its series' stream (versions in the order of happening), or an agenda event. */
    private void add(UUID series, Object event, Instant occurredAt) throws Exception {
        long version = series == null ? 1 : versions.merge(series, 1L, Long::sum);
        events.add(MeetingsEventsFeed.envelopeAt(org, version, event, occurredAt));
    }

    private static Instant at(LocalDate day, int hour) {
        return day.atTime(hour, 0).toInstant(ZoneOffset.UTC);
    }
}
