package dev.oneonone.agenda.application.agreements;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dev.oneonone.agenda.application.RejectedException;
import dev.oneonone.agenda.application.topics.AgendaReplay;
import dev.oneonone.agenda.application.topics.Agendas;
import dev.oneonone.agenda.domain.Agreement;
import dev.oneonone.agenda.domain.Decision;
import dev.oneonone.agenda.domain.MakeAgreement;
import dev.oneonone.agenda.domain.Rejection;
import dev.oneonone.agenda.projection.AgreementOverview;
import dev.oneonone.agenda.projection.KnownMeeting;
import dev.oneonone.agenda.projection.KnownSeries;
import dev.oneonone.events.agenda.AgendaEvent;
import dev.oneonone.events.agenda.AgreementCompleted;
import dev.oneonone.events.agenda.AgreementDropped;
import dev.oneonone.events.agenda.AgreementDueDateChanged;
import dev.oneonone.events.agenda.AgreementEvent;
import dev.oneonone.events.agenda.AgreementMade;
import dev.oneonone.events.agenda.AuthorRole;
import dev.oneonone.events.agenda.DropReason;
import dev.oneonone.kit.eventstore.EventStore;
import dev.oneonone.kit.eventstore.StoredEvent;
import dev.oneonone.kit.problem.InvalidInputException;
import dev.oneonone.kit.problem.Problem.FieldError;
import dev.oneonone.kit.security.Caller;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import dev.oneonone.kit.problem.NotFoundException;

/**
 * The agreements of series as their two participants record and follow them: commands go through the
 * {@link Agreement} aggregate, its events into the event store and the wording into the read model, in
 * one transaction (the caller's). Only the two people of the series see or change an agreement; anyone
 * else gets 404, as for one that does not exist.
 */
@ApplicationScoped
public class Agreements {
    /** A stale If-Match: the agreement changed since the caller read it (409). */
    public static final String AGREEMENT_CHANGED = "agreement-changed";

    private final Agendas agendas;
    private final EventStore store;
    private final AgendaReplay replay;
    private final Clock clock;

    public Agreements(Agendas agendas, EventStore store, AgendaReplay replay, Clock clock) {
        this.agendas = agendas;
        this.store = store;
        this.replay = replay;
        this.clock = clock;
    }

    /** What an agreement needs besides its id: the wording for the read model, owner and due date for the event. */
    public record NewAgreement(String wording, UUID ownerId, LocalDate dueOn) {
    }

    /** An agreement the caller may see, with its series (for the owner's side and the time zone). */
    public record Visible(AgreementOverview agreement, KnownSeries series) {
    }

    /** What happened to an agreement, in order: each event with when it happened and when it was recorded. */
    public record HistoryEntry(AgreementEvent event, Instant occurredAt, Instant recordedAt) {
    }

    public Uni<Visible> make(Caller caller, UUID meetingId, NewAgreement agreement) {
        return agendas.access(caller, meetingId).chain(access -> {
            KnownSeries series = access.series();
            AuthorRole ownerRole = roleIn(series, agreement.ownerId());
            if (ownerRole == null) {
                throw new InvalidInputException(List.of(new FieldError("ownerId",
                        "must be one of the two participants of the series")));
            }
            KnownMeeting meeting = access.meeting();
            UUID agreementId = UUID.randomUUID();
            Instant now = clock.instant();
            Agreement empty = Agreement.replay(agreementId, List.of());
            Decision decision = empty.make(new MakeAgreement(agreementId, series.seriesId, meetingId, ownerRole,
                    agreement.ownerId(), agreement.dueOn(), meeting.status));
            return append(meeting.organisationId, empty, decision, now).chain(stored -> {
                AgreementOverview row = new AgreementOverview();
                row.agreementId = agreementId;
                row.organisationId = meeting.organisationId;
                row.seriesId = series.seriesId;
                row.meetingId = meetingId;
                row.ownerId = agreement.ownerId();
                row.ownerRole = ownerRole.name();
                row.madeById = caller.personId();
                row.wording = agreement.wording();
                row.dueOn = agreement.dueOn();
                row.status = AgreementOverview.OPEN;
                row.madeAt = now;
                row.version = stored.get(stored.size() - 1).version;
                return row.<AgreementOverview>persist().map(saved -> new Visible(saved, series));
            });
        });
    }

    /** The agreement when the caller is one of the two people of its series; else 404. */
    public Uni<Visible> visible(Caller caller, UUID agreementId) {
        return AgreementOverview.<AgreementOverview>find("agreementId = ?1 and organisationId = ?2", agreementId,
                        caller.organisationId()).firstResult()
                .onItem().ifNull().failWith(() -> notFound(agreementId))
                .chain(agreement -> KnownSeries.<KnownSeries>findById(agreement.seriesId).map(series -> {
                    if (series == null || !caller.takesPartIn(series.leaderId, series.companionId)) {
                        throw notFound(agreementId);
                    }
                    return new Visible(agreement, series);
                }));
    }

    /** The series when the caller is one of its two people; else 404, as for a series that does not exist. */
    public Uni<KnownSeries> series(Caller caller, UUID seriesId) {
        return KnownSeries.<KnownSeries>find("seriesId = ?1 and organisationId = ?2", seriesId, caller.organisationId())
                .firstResult()
                .map(series -> {
                    if (series == null || !caller.takesPartIn(series.leaderId, series.companionId)) {
                        throw new NotFoundException("No series " + seriesId);
                    }
                    return series;
                });
    }

    /**
     * The changes below take the agreement's version as the caller last read it (its ETag, from an If-Match), or
     * null for whatever version it is at; a stale one is refused with {@value #AGREEMENT_CHANGED} and changes nothing.
     */
    public Uni<Visible> complete(Caller caller, UUID agreementId, Long expectedVersion) {
        return change(caller, agreementId, expectedVersion, Agreement::complete);
    }

    public Uni<Visible> drop(Caller caller, UUID agreementId, DropReason reason, Long expectedVersion) {
        return change(caller, agreementId, expectedVersion, agreement -> agreement.drop(reason));
    }

    public Uni<Visible> changeDueDate(Caller caller, UUID agreementId, LocalDate dueOn, Long expectedVersion) {
        return change(caller, agreementId, expectedVersion, agreement -> agreement.changeDueDate(dueOn));
    }

    /** Its events, oldest first, each with when it happened and when it was recorded. */
    public Uni<List<HistoryEntry>> history(AgreementOverview agreement) {
        return store.load(agreement.organisationId, agreement.agreementId).map(events -> events.stream()
                .map(stored -> new HistoryEntry((AgreementEvent) replay.read(stored), stored.occurredAt, stored.recordedAt))
                .toList());
    }

    /** One page of a series' agreements by when they were made (then id), after the cursor's agreement. */
    public Uni<List<AgreementOverview>> page(KnownSeries series, AgreementFilter filter, Instant afterMadeAt,
            UUID afterId, int size) {
        StringBuilder query = new StringBuilder("seriesId = :series");
        Parameters parameters = Parameters.with("series", series.seriesId);
        if (filter == AgreementFilter.OPEN) {
            query.append(" and status = 'OPEN'");
        } else if (filter == AgreementFilter.CLOSED) {
            query.append(" and status <> 'OPEN'");
        }
        if (afterId != null) {
            query.append(" and (madeAt > :afterAt or (madeAt = :afterAt and agreementId > :afterId))");
            parameters.and("afterAt", afterMadeAt).and("afterId", afterId);
        }
        return AgreementOverview.<AgreementOverview>find(query + " order by madeAt, agreementId", parameters)
                .page(0, size).list();
    }

    /** The series' agreements still open that were made at meetings before this one: to review at it. */
    public Uni<List<AgreementOverview>> openForReview(KnownMeeting meeting) {
        return AgreementOverview.<AgreementOverview>list("seriesId = ?1 and status = 'OPEN' and meetingId in "
                        + "(select m.meetingId from KnownMeeting m where m.seriesId = ?1 and m.scheduledFor < ?2) "
                        + "order by madeAt, agreementId", meeting.seriesId, meeting.scheduledFor);
    }

    /** The agreements made at this meeting, whatever became of them. */
    public Uni<List<AgreementOverview>> madeAt(KnownMeeting meeting) {
        return AgreementOverview.<AgreementOverview>list("meetingId = ?1 order by madeAt, agreementId",
                meeting.meetingId);
    }

    /** Open, with a due date that has passed in the series' time zone. */
    public boolean overdue(AgreementOverview agreement, KnownSeries series) {
        return AgreementOverview.OPEN.equals(agreement.status) && agreement.dueOn != null
                && agreement.dueOn.isBefore(LocalDate.now(clock.withZone(series.zone())));
    }

    static AuthorRole roleIn(KnownSeries series, UUID person) {
        if (person == null) {
            return null;
        }
        if (person.equals(series.companionId)) {
            return AuthorRole.COMPANION;
        }
        return person.equals(series.leaderId) ? AuthorRole.LEADER : null;
    }

    private Uni<Visible> change(Caller caller, UUID agreementId, Long expectedVersion,
            java.util.function.Function<Agreement, Decision> decide) {
        return visible(caller, agreementId).chain(visible -> {
            AgreementOverview row = visible.agreement();
            return store.load(row.organisationId, agreementId).chain(history -> {
                Agreement agreement = Agreement.replay(agreementId,
                        history.stream().map(stored -> (AgreementEvent) replay.read(stored)).toList());
                if (expectedVersion != null && expectedVersion != agreement.version()) {
                    return Uni.createFrom().failure(new RejectedException(Rejection.of(AGREEMENT_CHANGED,
                            "The agreement is at version " + agreement.version() + ", not " + expectedVersion
                                    + ": read it again and retry.")));
                }
                Instant now = clock.instant();
                return append(row.organisationId, agreement, decide.apply(agreement), now).map(stored -> {
                    stored.forEach(event -> project(row, (AgreementEvent) replay.read(event), event));
                    return visible;
                });
            });
        });
    }

    /** The read model follows one stored event of the agreement. */
    public static void project(AgreementOverview row, AgreementEvent event, StoredEvent stored) {
        if (event instanceof AgreementDueDateChanged changed) {
            row.dueOn = changed.dueOn();
        } else if (event instanceof AgreementCompleted) {
            row.status = Agreement.Status.COMPLETED.name();
            row.closedAt = stored.occurredAt;
        } else if (event instanceof AgreementDropped dropped) {
            row.status = Agreement.Status.DROPPED.name();
            row.dropReason = dropped.reason().name();
            row.closedAt = stored.occurredAt;
        } else if (event instanceof AgreementMade made) {
            row.dueOn = made.dueOn();
        }
        row.version = stored.version;
    }

    private Uni<List<StoredEvent>> append(String organisationId, Agreement agreement, Decision decision, Instant now) {
        if (decision instanceof Decision.Rejected rejected) {
            return Uni.createFrom().failure(new RejectedException(rejected.rejection()));
        }
        List<AgendaEvent> events = ((Decision.Accepted) decision).events();
        if (events.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return store.append(organisationId, agreement.agreementId(), agreement.version(), events, now);
    }

    private static NotFoundException notFound(UUID agreementId) {
        return new NotFoundException("No agreement " + agreementId);
    }
}
