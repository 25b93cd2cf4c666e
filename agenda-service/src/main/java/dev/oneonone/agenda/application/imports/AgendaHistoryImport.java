package dev.oneonone.agenda.application.imports;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.oneonone.agenda.application.agreements.Agreements;
import dev.oneonone.agenda.application.imports.AgendaHistory.ImportedMeeting;
import dev.oneonone.agenda.application.imports.AgendaHistory.PastAgreement;
import dev.oneonone.agenda.application.imports.AgendaHistory.PastDueDateChange;
import dev.oneonone.agenda.application.imports.AgendaHistory.PastMeeting;
import dev.oneonone.agenda.application.imports.AgendaHistory.PastTopic;
import dev.oneonone.agenda.application.topics.AgendaReplay;
import dev.oneonone.agenda.domain.Agreement;
import dev.oneonone.agenda.domain.Decision;
import dev.oneonone.agenda.domain.MakeAgreement;
import dev.oneonone.agenda.projection.AgreementOverview;
import dev.oneonone.agenda.projection.KnownMeeting;
import dev.oneonone.agenda.projection.KnownSeries;
import dev.oneonone.agenda.projection.Topic;
import dev.oneonone.events.agenda.AgendaEvent;
import dev.oneonone.events.agenda.AgreementEvent;
import dev.oneonone.events.agenda.AuthorRole;
import dev.oneonone.events.agenda.TopicAdded;
import dev.oneonone.events.agenda.TopicDiscussed;
import dev.oneonone.kit.eventstore.EventStore;
import dev.oneonone.kit.eventstore.StoredEvent;
import dev.oneonone.kit.problem.Problem.FieldError;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import dev.oneonone.agenda.domain.MeetingStatus;

/**
 * Brings in the topics and agreements of past meetings from another tool, all or nothing: every row is
 * checked first and every refused one reported; only then is anything stored. Each event gets the real
 * date it happened as its time; when it was recorded is now. Imported topics stay on the meeting they
 * were on (history is not carried over again).
 */
@ApplicationScoped
public class AgendaHistoryImport {
    private final AgendaReplay replay;
    private final EventStore store;
    private final Clock clock;

    public AgendaHistoryImport(AgendaReplay replay, EventStore store, Clock clock) {
        this.replay = replay;
        this.store = store;
        this.clock = clock;
    }

    /** One event with the real time it happened. */
    private record Dated(AgendaEvent event, Instant at) {
    }

    public Uni<List<ImportedMeeting>> run(String organisationId, List<PastMeeting> rows) {
        Instant now = clock.instant();
        Set<UUID> meetingIds = rows.stream().map(PastMeeting::meetingId).collect(Collectors.toSet());
        return KnownMeeting.<KnownMeeting>list("organisationId = ?1 and meetingId in ?2", organisationId, meetingIds)
                .chain(meetings -> KnownSeries.<KnownSeries>list("organisationId = ?1 and seriesId in ?2", organisationId,
                                meetings.stream().map(m -> m.seriesId).collect(Collectors.toSet()))
                        .chain(series -> {
                            Map<UUID, KnownMeeting> meetingById = meetings.stream()
                                    .collect(Collectors.toMap(m -> m.meetingId, Function.identity()));
                            Map<UUID, KnownSeries> seriesById = series.stream()
                                    .collect(Collectors.toMap(s -> s.seriesId, Function.identity()));
                            List<FieldError> errors = check(rows, meetingById, seriesById, now);
                            if (!errors.isEmpty()) {
                                return Uni.createFrom().failure(new ImportRefusedException(errors));
                            }
                            return store(rows, meetingById, seriesById, now);
                        }));
    }

    private static List<FieldError> check(List<PastMeeting> rows, Map<UUID, KnownMeeting> meetings,
            Map<UUID, KnownSeries> series, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            PastMeeting row = rows.get(i);
            String at = "meetings[" + i + "]";
            KnownMeeting meeting = meetings.get(row.meetingId());
            if (meeting == null) {
                errors.add(new FieldError(at + ".meetingId", "no such meeting here (yet): import it into "
                        + "meetings-service first and wait for its events to arrive"));
                continue;
            }
            if (!seen.add(row.meetingId())) {
                errors.add(new FieldError(at + ".meetingId", "appears twice in the import"));
                continue;
            }
            KnownSeries ofMeeting = series.get(meeting.seriesId);
            List<PastTopic> topics = orEmpty(row.topics());
            for (int t = 0; t < topics.size(); t++) {
                checkTopic(topics.get(t), meeting, ofMeeting, now, at + ".topics[" + t + "]", errors);
            }
            List<PastAgreement> agreements = orEmpty(row.agreements());
            for (int a = 0; a < agreements.size(); a++) {
                checkAgreement(agreements.get(a), meeting, ofMeeting, now, at + ".agreements[" + a + "]", errors);
            }
        }
        return errors;
    }

    private static void checkTopic(PastTopic topic, KnownMeeting meeting, KnownSeries series, Instant now,
            String at, List<FieldError> errors) {
        if (roleOf(series, topic.authorId()) == null) {
            errors.add(new FieldError(at + ".authorId", "must be one of the two participants of the series"));
        }
        Instant added = addedAt(topic, meeting);
        notInTheFuture(added, now, at + ".addedAt", errors);
        if (topic.discussedAt() != null && !topic.discussed()) {
            errors.add(new FieldError(at + ".discussedAt", "is only given for a topic that was discussed"));
        } else if (topic.discussed() && topic.discussedAt() != null) {
            notInTheFuture(topic.discussedAt(), now, at + ".discussedAt", errors);
            if (topic.discussedAt().isBefore(added)) {
                errors.add(new FieldError(at + ".discussedAt", "is before the topic was added"));
            }
        }
    }

    private static void checkAgreement(PastAgreement agreement, KnownMeeting meeting, KnownSeries series,
            Instant now, String at, List<FieldError> errors) {
        if (roleOf(series, agreement.ownerId()) == null) {
            errors.add(new FieldError(at + ".ownerId", "must be one of the two participants of the series"));
        }
        if (MeetingStatus.CANCELLED.name().equals(meeting.status) || MeetingStatus.MISSED.name().equals(meeting.status)) {
            errors.add(new FieldError(at, "the meeting is " + meeting.status.toLowerCase()
                    + ": agreements are made at meetings that take place"));
        }
        Instant made = madeAt(agreement, meeting);
        notInTheFuture(made, now, at + ".madeAt", errors);
        Instant previous = made;
        List<PastDueDateChange> changes = orEmpty(agreement.dueDateChanges());
        for (int c = 0; c < changes.size(); c++) {
            Instant changedAt = changes.get(c).changedAt();
            String field = at + ".dueDateChanges[" + c + "].changedAt";
            notInTheFuture(changedAt, now, field, errors);
            if (changedAt.isBefore(previous)) {
                errors.add(new FieldError(field, "is before the agreement was made or its previous change"));
            }
            previous = changedAt;
        }
        if (agreement.completedAt() != null && agreement.droppedAt() != null) {
            errors.add(new FieldError(at + ".droppedAt", "an agreement is completed or dropped, not both"));
        }
        if (agreement.droppedAt() != null && agreement.dropReason() == null) {
            errors.add(new FieldError(at + ".dropReason", "is required for a dropped agreement"));
        }
        if (agreement.dropReason() != null && agreement.droppedAt() == null) {
            errors.add(new FieldError(at + ".droppedAt", "is required with a dropReason"));
        }
        Instant closed = agreement.completedAt() != null ? agreement.completedAt() : agreement.droppedAt();
        String closedField = at + (agreement.completedAt() != null ? ".completedAt" : ".droppedAt");
        if (closed != null) {
            notInTheFuture(closed, now, closedField, errors);
            if (closed.isBefore(previous)) {
                errors.add(new FieldError(closedField, "is before the agreement was made or its last due date change"));
            }
        }
    }

    private Uni<List<ImportedMeeting>> store(List<PastMeeting> rows, Map<UUID, KnownMeeting> meetings,
            Map<UUID, KnownSeries> series, Instant now) {
        List<ImportedMeeting> results = new ArrayList<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (PastMeeting row : rows) {
            KnownMeeting meeting = meetings.get(row.meetingId());
            KnownSeries ofMeeting = series.get(meeting.seriesId);
            List<UUID> topicIds = new ArrayList<>();
            List<UUID> agreementIds = new ArrayList<>();
            results.add(new ImportedMeeting(meeting.meetingId, topicIds, agreementIds));
            chain = chain.chain(() -> storeTopics(meeting, ofMeeting, orEmpty(row.topics()), topicIds, now));
            for (PastAgreement agreement : orEmpty(row.agreements())) {
                chain = chain.chain(() -> storeAgreement(meeting, ofMeeting, agreement, now)
                        .invoke(agreementIds::add).replaceWithVoid());
            }
        }
        return chain.replaceWith(results);
    }

    private Uni<Void> storeTopics(KnownMeeting meeting, KnownSeries series, List<PastTopic> topics,
            List<UUID> topicIds, Instant now) {
        if (topics.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Dated> events = new ArrayList<>();
        List<Topic> rows = new ArrayList<>();
        for (PastTopic imported : topics) {
            UUID topicId = UUID.randomUUID();
            topicIds.add(topicId);
            AuthorRole role = roleOf(series, imported.authorId());
            Instant added = addedAt(imported, meeting);
            events.add(new Dated(new TopicAdded(meeting.meetingId, topicId, imported.kind(), role,
                    imported.askOtherSideToPrepare()), added));
            if (imported.discussed()) {
                Instant discussed = imported.discussedAt() != null ? imported.discussedAt()
                        : (meeting.scheduledFor.isAfter(added) ? meeting.scheduledFor : added);
                events.add(new Dated(new TopicDiscussed(meeting.meetingId, topicId), discussed));
            }
            Topic row = new Topic();
            row.topicId = topicId;
            row.meetingId = meeting.meetingId;
            row.organisationId = meeting.organisationId;
            row.authorId = imported.authorId();
            row.authorRole = role.name();
            row.kind = imported.kind().name();
            row.title = imported.title().strip();
            row.details = imported.details() == null || imported.details().isBlank() ? null : imported.details();
            row.askToPrepare = imported.askOtherSideToPrepare();
            row.discussed = imported.discussed();
            row.addedAt = added;
            rows.add(row);
        }
        // the agenda's stream in the order things happened (a topic's discussion never before its adding)
        events.sort(Comparator.comparing(Dated::at));
        return replay.agenda(meeting.organisationId, meeting.meetingId)
                .chain(agenda -> store.append(meeting.organisationId, meeting.meetingId, agenda.version(),
                        events.stream().map(Dated::event).toList(), events.stream().map(Dated::at).toList()))
                .chain(stored -> {
                    Map<UUID, Topic> byId = rows.stream().collect(Collectors.toMap(r -> r.topicId, Function.identity()));
                    for (int i = 0; i < stored.size(); i++) {
                        if (events.get(i).event() instanceof TopicAdded added) {
                            byId.get(added.topicId()).position = (int) stored.get(i).version;
                        }
                    }
                    return Topic.persist(rows);
                });
    }

    private Uni<UUID> storeAgreement(KnownMeeting meeting, KnownSeries series, PastAgreement imported,
            Instant now) {
        UUID agreementId = UUID.randomUUID();
        AuthorRole role = roleOf(series, imported.ownerId());
        List<AgendaEvent> events = new ArrayList<>();
        List<Instant> times = new ArrayList<>();
        Instant made = madeAt(imported, meeting);
        decide(agreementId, events, times, made, a -> a.make(new MakeAgreement(agreementId, series.seriesId,
                meeting.meetingId, role, imported.ownerId(), imported.dueOn(), meeting.status)));
        for (PastDueDateChange change : orEmpty(imported.dueDateChanges())) {
            decide(agreementId, events, times, change.changedAt(), a -> a.changeDueDate(change.dueOn()));
        }
        if (imported.completedAt() != null) {
            decide(agreementId, events, times, imported.completedAt(), Agreement::complete);
        } else if (imported.droppedAt() != null) {
            decide(agreementId, events, times, imported.droppedAt(), a -> a.drop(imported.dropReason()));
        }
        return store.append(meeting.organisationId, agreementId, 0, events, times).chain(stored -> {
            AgreementOverview row = new AgreementOverview();
            row.agreementId = agreementId;
            row.organisationId = meeting.organisationId;
            row.seriesId = series.seriesId;
            row.meetingId = meeting.meetingId;
            row.ownerId = imported.ownerId();
            row.ownerRole = role.name();
            row.wording = imported.wording().strip();
            row.status = Agreement.Status.OPEN.name();
            row.madeAt = made;
            for (int i = 0; i < stored.size(); i++) {
                Agreements.project(row, (AgreementEvent) events.get(i), stored.get(i));
            }
            return row.persist().replaceWith(agreementId);
        });
    }

    /** Runs one command against the agreement as the events so far left it; the checks above made it acceptable. */
    private static void decide(UUID agreementId, List<AgendaEvent> events, List<Instant> times, Instant at,
            Function<Agreement, Decision> command) {
        Agreement agreement = Agreement.replay(agreementId, events.stream().map(AgreementEvent.class::cast).toList());
        Decision decision = command.apply(agreement);
        if (decision instanceof Decision.Rejected rejected) {
            throw new IllegalStateException("An import row passed its checks but was refused: " + rejected.rejection());
        }
        for (AgendaEvent event : ((Decision.Accepted) decision).events()) {
            events.add(event);
            times.add(at);
        }
    }

    private static AuthorRole roleOf(KnownSeries series, UUID person) {
        if (series == null || person == null) {
            return null;
        }
        if (person.equals(series.companionId)) {
            return AuthorRole.COMPANION;
        }
        return person.equals(series.leaderId) ? AuthorRole.LEADER : null;
    }

    private static Instant addedAt(PastTopic topic, KnownMeeting meeting) {
        return topic.addedAt() != null ? topic.addedAt() : meeting.scheduledFor;
    }

    private static Instant madeAt(PastAgreement agreement, KnownMeeting meeting) {
        return agreement.madeAt() != null ? agreement.madeAt() : meeting.scheduledFor;
    }

    private static void notInTheFuture(Instant at, Instant now, String field, List<FieldError> errors) {
        if (at != null && at.isAfter(now)) {
            errors.add(new FieldError(field, "is in the future: only history is imported"));
        }
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
