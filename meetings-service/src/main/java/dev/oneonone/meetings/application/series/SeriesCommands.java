package dev.oneonone.meetings.application.series;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;

import dev.oneonone.events.meetings.MeetingsEvent;
import dev.oneonone.events.meetings.SeriesEnded;
import dev.oneonone.events.meetings.SeriesStarted;
import dev.oneonone.kit.eventstore.ConcurrentAppendException;
import dev.oneonone.kit.eventstore.EventJson;
import dev.oneonone.kit.eventstore.EventStore;
import dev.oneonone.kit.eventstore.SnapshotKind;
import dev.oneonone.kit.eventstore.StoredEvent;
import dev.oneonone.kit.eventstore.StreamTail;
import dev.oneonone.meetings.application.RejectedCommandException;
import dev.oneonone.meetings.config.OrganisationCalendar;
import dev.oneonone.meetings.domain.Decision;
import dev.oneonone.meetings.domain.Rejection;
import dev.oneonone.meetings.domain.series.HistoryImport;
import dev.oneonone.meetings.domain.series.HistoryImport.ImportedSeries;
import dev.oneonone.meetings.domain.series.HistoryImport.Occurrence;
import dev.oneonone.meetings.domain.series.ScheduleMeeting;
import dev.oneonone.meetings.domain.series.Series;
import dev.oneonone.meetings.domain.series.SeriesCommand;
import dev.oneonone.meetings.domain.series.StartSeries;
import dev.oneonone.meetings.projection.MeetingOverview;
import dev.oneonone.meetings.projection.SeriesOverview;
import dev.oneonone.meetings.projection.SeriesProjection;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import dev.oneonone.kit.problem.NotFoundException;

/**
 * The use cases on a series. Each runs in one transaction: load the stream, let the aggregate
 * decide, append the new events at the version read, and bring the read model up to date. Each
 * event records when it happened in the domain: the command's {@code occurredAt}. A series is loaded from its
 * latest snapshot and the events after it, and a new snapshot is kept when the store says one is due.
 */
@ApplicationScoped
public class SeriesCommands {
    /** Raise the schema version whenever {@link Series.State} or {@link Series#apply} changes. */
    static final SnapshotKind<Series.State> SNAPSHOT = new SnapshotKind<>("series", Series.State.class, 3);
    /** Namespace of the series-pair locks among PostgreSQL's two-key advisory locks. */
    private static final int PAIR_LOCK = 0x73657269;
    private final EventStore store;
    private final EventJson json;
    private final SeriesProjection projection;
    private final OrganisationCalendar calendar;

    public SeriesCommands(EventStore store, EventJson json, SeriesProjection projection, OrganisationCalendar calendar) {
        this.store = store;
        this.json = json;
        this.projection = projection;
        this.calendar = calendar;
    }

    /**
     * Starts a series, unless the two people already have an active one of that kind or one of them is not employed
     * from its start ({@link ParticipantsEmployed}); answers its version.
     */
    @WithTransaction
    public Uni<Long> start(String organisationId, StartSeries command) {
        Decision decision = Series.start(command);
        LocalDate today = calendar.dayOf(organisationId, command.now());
        Uni<Rejection> notEmployed = decision instanceof Decision.Accepted accepted
                ? participantsEmployed(organisationId, (SeriesStarted) accepted.events().get(0), null, today, "")
                : Uni.createFrom().nullItem();
        return notEmployed.chain(refused -> refused != null
                ? Uni.createFrom().<Long>failure(new RejectedCommandException(refused))
                : lockPair(organisationId, command).chain(() -> activeSeriesOf(organisationId, command)).flatMap(existing -> existing != null
                        ? Uni.createFrom().failure(new RejectedCommandException(seriesExists(existing.seriesId)))
                        : record(organisationId, command.seriesId(), 0, decision, command.occurredAt())));
    }

    /** The first refusal of the leader or companion by the directory, its field prefixed with {@code path}. */
    private static Uni<Rejection> participantsEmployed(String organisationId, SeriesStarted started, LocalDate endedOn,
            LocalDate today, String path) {
        return ParticipantsEmployed.check(organisationId, started.leaderId(), path + "leaderId", started.startsOn(),
                        endedOn, today)
                .chain(leader -> leader != null ? Uni.createFrom().item(leader)
                        : ParticipantsEmployed.check(organisationId, started.companionId(), path + "companionId",
                                started.startsOn(), endedOn, today));
    }

    /**
     * Schedules a meeting; {@code expectedVersion} is the version the caller last saw (If-Match),
     * or null to take the version just read.
     */
    @WithTransaction
    public Uni<Long> schedule(String organisationId, UUID seriesId, Long expectedVersion, ScheduleMeeting command) {
        return execute(organisationId, seriesId, expectedVersion, command, Series::schedule);
    }

    /**
     * Lets the series decide a command, e.g. {@code execute(org, id, null, command, Series::pause)};
     * answers the series' version after the change.
     */
    @WithTransaction
    public <C extends SeriesCommand> Uni<Long> execute(String organisationId, UUID seriesId, Long expectedVersion,
            C command, BiFunction<Series, C, Decision> decide) {
        return load(organisationId, seriesId, command).flatMap(loaded -> {
            Series series = loaded.series();
            if (expectedVersion != null && expectedVersion != series.version()) {
                return Uni.createFrom().failure(new ConcurrentAppendException(seriesId, expectedVersion, null));
            }
            Decision decision = decide.apply(series, command);
            return record(organisationId, seriesId, series.version(), decision, command.occurredAt())
                    .call(version -> store.snapshotDue(loaded.tail(), version)
                            ? snapshot(organisationId, series, ((Decision.Accepted) decision).events(), version)
                            : Uni.createFrom().voidItem());
        });
    }

    /** Folds the new events into the series just decided on and keeps it as the snapshot at {@code version}. */
    private Uni<Void> snapshot(String organisationId, Series series, List<MeetingsEvent> events, long version) {
        events.forEach(series::apply);
        return store.saveSnapshot(organisationId, series.id(), SNAPSHOT, version, series.state());
    }

    /**
     * Imports past series with their meetings, all or nothing: every row is decided first, and if
     * any is refused nothing is stored and every refusal is reported. Answers the new series' ids.
     */
    @WithTransaction
    public Uni<List<UUID>> importHistory(String organisationId, List<ImportedSeries> rows) {
        List<Rejection> refused = new ArrayList<>();
        List<List<Occurrence>> decided = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            HistoryImport.Outcome outcome = HistoryImport.of(rows.get(i));
            if (outcome instanceof HistoryImport.Outcome.Refused no) {
                Rejection r = no.rejection();
                refused.add(new Rejection(r.reason(), r.detail(),
                        "series[" + i + "]" + (r.field() == null ? "" : "." + r.field())));
                decided.add(null);
            } else {
                decided.add(((HistoryImport.Outcome.Imported) outcome).occurrences());
            }
        }
        LocalDate today = calendar.today(organisationId);
        return checkNoActiveTwin(organisationId, rows, 0, refused)
                .chain(() -> checkEmployed(organisationId, decided, 0, today, refused)).flatMap(ignored -> {
            if (!refused.isEmpty()) {
                refused.sort(java.util.Comparator.comparing(Rejection::field));
                return Uni.createFrom().failure(new SeriesImportRefusedException(refused));
            }
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (int i = 0; i < rows.size(); i++) {
                UUID seriesId = rows.get(i).start().seriesId();
                List<Occurrence> occurrences = decided.get(i);
                List<MeetingsEvent> events = occurrences.stream().map(Occurrence::event).toList();
                chain = chain.chain(() -> store.append(organisationId, seriesId, 0, events,
                                occurrences.stream().map(Occurrence::occurredAt).toList())
                        .call(stored -> project(stored, events))
                        .call(stored -> store.snapshotDue(NO_SNAPSHOT, events.size())
                                ? store.saveSnapshot(organisationId, seriesId, SNAPSHOT, events.size(),
                                        Series.from(events).state())
                                : Uni.createFrom().voidItem())
                        .replaceWithVoid());
            }
            return chain.replaceWith(rows.stream().map(row -> row.start().seriesId()).toList());
        });
    }

    /** Refuses rows that would give two people a second active series of one kind (in the store or in the batch). */
    private Uni<Void> checkNoActiveTwin(String organisationId, List<ImportedSeries> rows, int index,
            List<Rejection> refused) {
        if (index >= rows.size()) {
            return Uni.createFrom().voidItem();
        }
        ImportedSeries row = rows.get(index);
        if (row.end() != null) {
            return checkNoActiveTwin(organisationId, rows, index + 1, refused);
        }
        StartSeries start = row.start();
        for (int earlier = 0; earlier < index; earlier++) {
            StartSeries other = rows.get(earlier).start();
            if (rows.get(earlier).end() == null && other.relationship() == start.relationship()
                    && samePair(other.leaderId(), other.companionId(), start.leaderId(), start.companionId())) {
                refused.add(new Rejection("series-exists", "series[" + earlier + "] is already an active series of "
                        + "these two people of this kind.", "series[" + index + "]"));
                return checkNoActiveTwin(organisationId, rows, index + 1, refused);
            }
        }
        return activeSeriesOf(organisationId, start).flatMap(existing -> {
            if (existing != null) {
                Rejection exists = seriesExists(existing.seriesId);
                refused.add(new Rejection(exists.reason(), exists.detail(), "series[" + index + "]"));
            }
            return checkNoActiveTwin(organisationId, rows, index + 1, refused);
        });
    }

    /** Refuses rows with a person of the directory not employed while the series runs ({@link ParticipantsEmployed}). */
    private static Uni<Void> checkEmployed(String organisationId, List<List<Occurrence>> decided, int index,
            LocalDate today, List<Rejection> refused) {
        if (index >= decided.size()) {
            return Uni.createFrom().voidItem();
        }
        List<Occurrence> occurrences = decided.get(index);
        if (occurrences == null) {
            return checkEmployed(organisationId, decided, index + 1, today, refused);
        }
        SeriesStarted started = (SeriesStarted) occurrences.get(0).event();
        LocalDate endedOn = occurrences.stream().map(Occurrence::event).filter(SeriesEnded.class::isInstance)
                .map(e -> ((SeriesEnded) e).endedOn()).findFirst().orElse(null);
        return participantsEmployed(organisationId, started, endedOn, today, "series[" + index + "].")
                .chain(rejection -> {
                    if (rejection != null) {
                        refused.add(rejection);
                    }
                    return checkEmployed(organisationId, decided, index + 1, today, refused);
                });
    }

    private static boolean samePair(UUID a1, UUID b1, UUID a2, UUID b2) {
        return a1.equals(a2) && b1.equals(b2) || a1.equals(b2) && b1.equals(a2);
    }

    private static Uni<SeriesOverview> activeSeriesOf(String organisationId, StartSeries command) {
        return SeriesOverview.<SeriesOverview>find("organisationId = ?1 and relationship = ?2 and status <> ?3"
                        + " and ((leaderId = ?4 and companionId = ?5) or (leaderId = ?5 and companionId = ?4))",
                organisationId, command.relationship().name(), SeriesOverview.ENDED, command.leaderId(),
                command.companionId()).firstResult();
    }

    /**
     * Serialises starts of a series for the same two people and kind until the transaction ends, so two
     * concurrent starts cannot both find no active series.
     */
    private static Uni<Void> lockPair(String organisationId, StartSeries command) {
        String first = command.leaderId().compareTo(command.companionId()) < 0 ? command.leaderId().toString()
                : command.companionId().toString();
        String second = first.equals(command.leaderId().toString()) ? command.companionId().toString()
                : command.leaderId().toString();
        return Panache.getSession().chain(session -> session
                .createNativeQuery("select count(*) from (select pg_advisory_xact_lock(:space, hashtext(:pair))) locked",
                        Long.class)
                .setParameter("space", PAIR_LOCK)
                .setParameter("pair", organisationId + "|" + first + "|" + second + "|" + command.relationship())
                .getSingleResult())
                .replaceWithVoid();
    }

    private static Rejection seriesExists(UUID existing) {
        return Rejection.of("series-exists", "These two people already have an active series of this kind ("
                + existing + "); change it, or end it before starting another.");
    }

    /** A stored event of this stream as the contract's record. */
    private MeetingsEvent event(StoredEvent stored) {
        return json.read(stored, MeetingsEvent::classOf);
    }

    /** A series as loaded, with the snapshot it came from. */
    private record Loaded(Series series, StreamTail<Series.State> tail) {
    }

    private static final StreamTail<Series.State> NO_SNAPSHOT = new StreamTail<>(null, 0, List.of());

    /**
     * The series from its snapshot and the events after it, told of the meetings {@code command} is decided on
     * ({@link Series#needs}) as the meetings' read model has them: it is kept in the transaction of every append
     * (projection), so in this transaction it stands at the version loaded, or later, and then the append at the
     * version loaded fails as a conflict. Folded from its first event (no snapshot), the series knows them all.
     */
    private Uni<Loaded> load(String organisationId, UUID seriesId, SeriesCommand command) {
        return store.loadTail(organisationId, seriesId, SNAPSHOT).flatMap(tail -> {
            if (tail.isEmpty()) {
                throw new NotFoundException("No series " + seriesId);
            }
            Series series = tail.snapshot() == null ? Series.from(List.of()) : Series.restore(tail.snapshot());
            tail.events().forEach(stored -> series.apply(event(stored)));
            if (tail.snapshot() == null) {
                return Uni.createFrom().item(new Loaded(series, tail));
            }
            return meetingsNeeded(seriesId, Series.needs(command))
                    .map(known -> new Loaded(series.know(known), tail));
        });
    }

    /** The meetings of the series a command needs, as they stand (by primary key or the series' indexes on start and first start). */
    private static Uni<List<Series.MeetingState>> meetingsNeeded(UUID seriesId, Series.MeetingNeeds needs) {
        List<MeetingOverview> found = new ArrayList<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        if (needs.meetingId() != null) {
            chain = chain.chain(() -> MeetingOverview.<MeetingOverview>findById(needs.meetingId()).invoke(m -> {
                if (m != null && seriesId.equals(m.seriesId)) {
                    found.add(m);
                }
            })).replaceWithVoid();
        }
        if (needs.recent()) {
            chain = chain.chain(() -> MeetingOverview.<MeetingOverview>find("seriesId = ?1 order by scheduledFor desc",
                    seriesId).firstResult().chain(last -> last == null ? Uni.createFrom().voidItem()
                            : MeetingOverview.<MeetingOverview>list(
                                    "seriesId = ?1 and (scheduledFor >= ?2 or firstScheduledFor >= ?2)", seriesId,
                                    last.scheduledFor.minus(Series.RECENT)).invoke(found::addAll).replaceWithVoid()));
        }
        if (needs.allScheduled()) {
            chain = chain.chain(() -> MeetingOverview.<MeetingOverview>list("seriesId = ?1 and status = ?2", seriesId,
                    MeetingOverview.SCHEDULED).invoke(found::addAll)).replaceWithVoid();
        }
        return chain.map(ignored -> found.stream().map(m -> new Series.MeetingState(m.meetingId, m.scheduledFor,
                m.plannedMinutes, Series.MeetingStatus.valueOf(m.status), m.firstScheduledFor)).toList());
    }

    private Uni<Long> record(String organisationId, UUID seriesId, long version, Decision decision,
            Instant occurredAt) {
        if (decision instanceof Decision.Rejected rejected) {
            return Uni.createFrom().failure(new RejectedCommandException(rejected.rejection()));
        }
        List<MeetingsEvent> events = ((Decision.Accepted) decision).events();
        return store.append(organisationId, seriesId, version, events,
                        occurredAt)
                .call(stored -> project(stored, events))
                .map(stored -> stored.get(stored.size() - 1).version);
    }

    private Uni<Void> project(List<StoredEvent> stored, List<MeetingsEvent> events) {
        return projection.applyInTurn(stored, events);
    }
}
