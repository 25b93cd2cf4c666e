package dev.oneonone.meetings.application.people;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import dev.oneonone.events.meetings.EmploymentEnded;
import dev.oneonone.events.meetings.MeetingsEvent;
import dev.oneonone.events.meetings.PersonDetailsChanged;
import dev.oneonone.events.meetings.PersonEvent;
import dev.oneonone.events.meetings.PersonRegistered;
import dev.oneonone.events.meetings.PersonRehired;
import dev.oneonone.events.meetings.ReportingLineChanged;
import dev.oneonone.kit.eventstore.ConcurrentAppendException;
import dev.oneonone.kit.eventstore.EventJson;
import dev.oneonone.kit.eventstore.EventStore;
import dev.oneonone.kit.eventstore.StoredEvent;
import dev.oneonone.meetings.application.RejectedCommandException;
import dev.oneonone.meetings.application.people.ImportRefusedException.RowError;
import dev.oneonone.meetings.domain.Decision;
import dev.oneonone.meetings.domain.Rejection;
import dev.oneonone.meetings.domain.people.ChangePerson;
import dev.oneonone.meetings.domain.people.Directory;
import dev.oneonone.meetings.domain.people.EndEmployment;
import dev.oneonone.meetings.domain.people.Person;
import dev.oneonone.meetings.domain.people.RegisterPerson;
import dev.oneonone.meetings.domain.people.RehirePerson;
import dev.oneonone.meetings.domain.people.ReportingLines;
import dev.oneonone.meetings.config.OrganisationCalendar;
import dev.oneonone.meetings.projection.PersonContact;
import dev.oneonone.meetings.projection.PersonOverview;
import dev.oneonone.meetings.projection.PersonProjection;
import dev.oneonone.meetings.projection.ReportingLine;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import dev.oneonone.kit.problem.NotFoundException;

/**
 * The use cases on the directory. Each runs in one transaction that first takes the
 * organisation's directory lock, so that two concurrent reporting-line changes cannot together
 * close a circle that each alone would not, and an email address stays unique among the people employed
 * today. Each event is stored as happening at the start of its effective day in the organisation's time
 * zone (now, when that day is today; an employment end at the start of the day after the last day).
 */
@ApplicationScoped
public class PeopleCommands {
    /** Namespace of the directory locks among PostgreSQL's two-key advisory locks. */
    private static final int DIRECTORY_LOCK = 0x0101;
    /** No real reporting line is this deep; a bound keeps a walk finite whatever the data. */
    private static final int MAX_CHAIN = 10_000;

    private final EventStore store;
    private final EventJson json;
    private final PersonProjection projection;
    private final OrganisationCalendar calendar;

    public PeopleCommands(EventStore store, EventJson json, PersonProjection projection, OrganisationCalendar calendar) {
        this.store = store;
        this.json = json;
        this.projection = projection;
        this.calendar = calendar;
    }

    /** Registers a person; answers their version after the change. */
    @WithTransaction
    public Uni<Long> register(String organisationId, UUID personId, PersonEntry entry, Instant now) {
        LocalDate today = calendar.dayOf(organisationId, now);
        RegisterPerson command = new RegisterPerson(personId, entry.team(), entry.department(), entry.managerId(),
                entry.effectiveOn(), today);
        return lockDirectory(organisationId)
                .chain(() -> store.load(organisationId, personId))
                .invoke(history -> {
                    if (!history.isEmpty()) {
                        Person existing = replay(organisationId, history);
                        throw new RejectedCommandException(Rejection.of("person-exists", existing.lastDay() == null
                                ? "The directory already has a person " + personId + "; change them with PUT."
                                : "The directory already has a person " + personId + ", whose employment ends on "
                                        + existing.lastDay() + "; bring them back with POST /people/" + personId
                                        + "/rehire."));
                    }
                })
                .chain(() -> ensureEmailFree(organisationId, entry.email(), personId, today))
                .chain(() -> chainAbove(organisationId, entry.managerId()))
                .chain(directory -> record(organisationId, personId, 0, Person.register(command, directory), now,
                        contactOf(entry)));
    }

    /**
     * Brings a leaver back from {@code entry.effectiveOn()} (after their last day) with a new entry; their history
     * stays. {@code expectedVersion} as for {@link #change}.
     */
    @WithTransaction
    public Uni<Long> rehire(String organisationId, UUID personId, Long expectedVersion, PersonEntry entry, Instant now) {
        LocalDate today = calendar.dayOf(organisationId, now);
        RehirePerson command = new RehirePerson(entry.team(), entry.department(), entry.managerId(), entry.effectiveOn(),
                today);
        return lockDirectory(organisationId)
                .chain(() -> load(organisationId, personId, expectedVersion))
                .chain(person -> {
                    Rejection stillEmployed = person.stillEmployed(today);
                    if (stillEmployed != null) {
                        return Uni.createFrom().failure(new RejectedCommandException(stillEmployed));
                    }
                    return ensureEmailFree(organisationId, entry.email(), personId, today)
                            .chain(() -> chainAbove(organisationId, entry.managerId()))
                            .map(directory -> person.rehire(command, directory))
                            .call(decision -> noCircleSince(organisationId, decision, now))
                            .chain(decision -> record(organisationId, personId, person.version(), decision, now,
                                    contactOf(entry)));
                });
    }

    /** Replaces a person's entry; {@code expectedVersion} is the If-Match version, or null for the version just read. */
    @WithTransaction
    public Uni<Long> change(String organisationId, UUID personId, Long expectedVersion, PersonEntry entry, Instant now) {
        return lockDirectory(organisationId)
                .chain(() -> load(organisationId, personId, expectedVersion))
                .chain(person -> PersonOverview.<PersonOverview>findById(personId).chain(current -> {
                    boolean contactChanged = !current.name.equals(entry.name()) || !current.email.equals(entry.email());
                    LocalDate today = calendar.dayOf(organisationId, now);
                    Uni<Void> emailFree = current.email.equalsIgnoreCase(entry.email()) ? Uni.createFrom().voidItem()
                            : ensureEmailFree(organisationId, entry.email(), personId, today);
                    ChangePerson command = new ChangePerson(entry.team(), entry.department(), entry.managerId(),
                            contactChanged, entry.effectiveOn(), today);
                    return emailFree
                            .chain(() -> chainAbove(organisationId, entry.managerId()))
                            .map(directory -> person.change(command, directory))
                            .call(decision -> noCircleSince(organisationId, decision, now))
                            .chain(decision -> record(organisationId, personId, person.version(), decision, now,
                                    contactOf(entry)));
                }));
    }

    /**
     * Records the last day, which may be in the future: the person stays employed up to and including it. Until then
     * a new last day corrects it.
     */
    @WithTransaction
    public Uni<Long> endEmployment(String organisationId, UUID personId, Long expectedVersion, LocalDate lastDay,
            Instant now) {
        EndEmployment command = new EndEmployment(lastDay, calendar.dayOf(organisationId, now));
        return lockDirectory(organisationId)
                .chain(() -> load(organisationId, personId, expectedVersion))
                .chain(person -> record(organisationId, personId, person.version(), person.endEmployment(command), now,
                        null));
    }

    /**
     * Erases a leaver's personal data (docs/privacy.md#retention-and-erasure): records PersonErased, whose projection
     * replaces name and email with placeholders; their SCIM identity loses userName and externalId; the stored answers
     * of Idempotency-Key creates that name them (which repeat their name and email) are deleted. Ids, dates and
     * reporting lines stay. A person already erased records nothing and answers the same version.
     */
    @WithTransaction
    public Uni<Long> erase(String organisationId, UUID personId, Instant now) {
        LocalDate today = calendar.dayOf(organisationId, now);
        return lockDirectory(organisationId)
                .chain(() -> load(organisationId, personId, null))
                .chain(person -> record(organisationId, personId, person.version(), person.erase(today), now, null))
                .call(version -> Panache.getSession().chain(session -> session.createNativeQuery("""
                                update scim_identity set user_name = person_id::text, external_id = null, deleted = true,
                                  modified_at = :now
                                where person_id = :person and organisation_id = :org and user_name <> person_id::text""")
                        .setParameter("person", personId).setParameter("org", organisationId).setParameter("now", now)
                        .executeUpdate()
                        .chain(() -> session.createNativeQuery("""
                                        delete from idempotency_key where organisation_id = :org
                                        and strpos(body, :person) > 0""")
                                .setParameter("org", organisationId).setParameter("person", personId.toString())
                                .executeUpdate())));
    }

    /** Withdraws a notified end of employment that has not taken effect yet. */
    @WithTransaction
    public Uni<Long> withdrawEmploymentEnd(String organisationId, UUID personId, Long expectedVersion, Instant now) {
        LocalDate today = calendar.dayOf(organisationId, now);
        return lockDirectory(organisationId)
                .chain(() -> load(organisationId, personId, expectedVersion))
                .chain(person -> record(organisationId, personId, person.version(), person.withdrawEmploymentEnd(today),
                        now, null));
    }

    /**
     * Registers every row, or none: each row is checked (ids, emails, managers within the batch and
     * in the directory, circles) and all refusals are reported together. Answers the ids in row order.
     */
    @WithTransaction
    public Uni<List<UUID>> importPeople(String organisationId, List<UUID> ids, List<PersonEntry> rows,
            List<RowError> inputErrors, Instant now) {
        LocalDate today = calendar.dayOf(organisationId, now);
        return lockDirectory(organisationId)
                .chain(() -> PersonOverview.<PersonOverview>list("organisationId", organisationId))
                .chain(existing -> {
                    List<RowError> errors = new ArrayList<>(inputErrors);
                    Map<UUID, Directory.Entry> entries = new HashMap<>();
                    Map<String, UUID> employedEmails = new HashMap<>();
                    for (PersonOverview person : existing) {
                        entries.put(person.personId, entryOf(person));
                        if (person.employedOn(today)) {
                            employedEmails.put(person.email.toLowerCase(Locale.ROOT), person.personId);
                        }
                    }
                    Map<UUID, Integer> rowOfId = new HashMap<>();
                    Map<String, Integer> rowOfEmail = new HashMap<>();
                    for (int i = 0; i < rows.size(); i++) {
                        UUID id = ids.get(i);
                        PersonEntry row = rows.get(i);
                        if (entries.containsKey(id)) {
                            errors.add(new RowError(i, "id", "The directory already has a person with this id."));
                        } else if (rowOfId.putIfAbsent(id, i) != null) {
                            errors.add(new RowError(i, "id", "Row " + rowOfId.get(id) + " has the same id."));
                        }
                        if (row.email() != null) {
                            String email = row.email().toLowerCase(Locale.ROOT);
                            if (employedEmails.containsKey(email)) {
                                errors.add(new RowError(i, "email", "An employed person of the directory has this email."));
                            } else if (rowOfEmail.putIfAbsent(email, i) != null) {
                                errors.add(new RowError(i, "email", "Row " + rowOfEmail.get(email) + " has the same email."));
                            }
                        }
                    }
                    for (int i = 0; i < rows.size(); i++) {
                        LocalDate from = rows.get(i).effectiveOn() != null ? rows.get(i).effectiveOn() : today;
                        entries.putIfAbsent(ids.get(i), new Directory.Entry(ids.get(i), rows.get(i).managerId(), from, null));
                    }
                    Directory directory = Directory.of(entries);
                    List<PersonRegistered> events = new ArrayList<>(rows.size());
                    for (int i = 0; i < rows.size(); i++) {
                        PersonEntry row = rows.get(i);
                        Decision decision = Person.register(new RegisterPerson(ids.get(i), row.team(), row.department(),
                                row.managerId(), row.effectiveOn(), today), directory);
                        if (decision instanceof Decision.Rejected rejected) {
                            Rejection why = rejected.rejection();
                            errors.add(new RowError(i, why.field() == null ? "id" : why.field(), why.detail()));
                        } else {
                            events.add((PersonRegistered) ((Decision.Accepted) decision).events().get(0));
                        }
                    }
                    if (!errors.isEmpty()) {
                        errors.sort(Comparator.comparingInt(RowError::row).thenComparing(RowError::field));
                        return Uni.createFrom().failure(new ImportRefusedException(errors));
                    }
                    Map<UUID, PersonContact> contacts = new HashMap<>();
                    for (int i = 0; i < rows.size(); i++) {
                        contacts.put(ids.get(i), contactOf(rows.get(i)));
                    }
                    return storeImport(organisationId, managersFirst(events, rowOfId), contacts, now)
                            .replaceWith(ids);
                });
    }

    private Uni<Void> storeImport(String organisationId, List<PersonRegistered> events,
            Map<UUID, PersonContact> contacts, Instant now) {
        List<Instant> occurredAt = events.stream().map(event -> occurredAt(organisationId, event, now)).toList();
        return store.startStreams(organisationId, events, occurredAt)
                .onFailure(ConcurrentAppendException.class)
                .transform(e -> new PersonVersionConflictException((ConcurrentAppendException) e))
                .chain(stored -> Multi.createFrom().range(0, stored.size())
                        .onItem().transformToUniAndConcatenate(i -> projection.apply(stored.get(i), events.get(i),
                                contacts.get(events.get(i).personId())))
                        .collect().last())
                .chain(() -> Panache.getSession().chain(session -> session.flush()));
    }

    /** Orders the batch so that each person's manager from the batch is registered before them. */
    private static List<PersonRegistered> managersFirst(List<PersonRegistered> events, Map<UUID, Integer> rowOfId) {
        Map<UUID, PersonRegistered> byId = new HashMap<>();
        events.forEach(event -> byId.put(event.personId(), event));
        Map<UUID, Integer> depth = new HashMap<>();
        for (PersonRegistered event : events) {
            int d = 0;
            for (PersonRegistered above = byId.get(event.managerId()); above != null && d < MAX_CHAIN;
                    above = byId.get(above.managerId())) {
                d++;
            }
            depth.put(event.personId(), d);
        }
        return events.stream().sorted(Comparator.<PersonRegistered>comparingInt(e -> depth.get(e.personId()))
                .thenComparingInt(e -> rowOfId.get(e.personId()))).toList();
    }

    private static PersonContact contactOf(PersonEntry entry) {
        return new PersonContact(entry.name(), entry.email());
    }

    private static Uni<Void> lockDirectory(String organisationId) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("select count(*) from (select pg_advisory_xact_lock(:space, hashtext(:org))) locked",
                        Long.class)
                .setParameter("space", DIRECTORY_LOCK)
                .setParameter("org", organisationId)
                .getSingleResult())
                .replaceWithVoid();
    }

    /** A leaver keeps their email up to and including their last day; from the day after it is free. */
    private static Uni<Void> ensureEmailFree(String organisationId, String email, UUID personId, LocalDate today) {
        return PersonOverview.count("organisationId = :org and lower(email) = lower(:email) and personId <> :id and "
                + PersonOverview.EMPLOYED_ON_TODAY, Parameters.with("org", organisationId)
                        .and("email", email).and("id", personId).and("today", today))
                .invoke(count -> {
                    if (count > 0) {
                        throw new RejectedCommandException(Rejection.ofField("email", "email-taken",
                                "An employed person of the directory already has this email."));
                    }
                })
                .replaceWithVoid();
    }

    /**
     * Refuses an accepted new line (a manager change or a rehire) that closes a circle on a past day: the domain checked
     * today's lines; from its effective day on, the lines were also as of each later line change (reporting_line
     * periods), each taken as at the end of its day. Fails with {@code reporting-cycle}.
     */
    private Uni<Void> noCircleSince(String organisationId, Decision decision, Instant now) {
        if (!(decision instanceof Decision.Accepted accepted)) {
            return Uni.createFrom().voidItem();
        }
        UUID personId = null;
        UUID managerId = null;
        LocalDate on = null;
        for (MeetingsEvent event : accepted.events()) {
            if (event instanceof ReportingLineChanged changed) {
                personId = changed.personId();
                managerId = changed.managerId();
                on = changed.effectiveOn();
            } else if (event instanceof PersonRehired rehired) {
                personId = rehired.personId();
                managerId = rehired.managerId();
                on = rehired.effectiveOn();
            }
        }
        LocalDate today = calendar.dayOf(organisationId, now);
        if (managerId == null || on == null || !on.isBefore(today)) {
            return Uni.createFrom().voidItem(); // today's lines were checked by the domain
        }
        UUID person = personId;
        UUID manager = managerId;
        LocalDate from = on;
        return ReportingLine.<ReportingLine>list("organisationId = ?1 and (toTime is null or toTime > ?2)", organisationId,
                calendar.startOf(organisationId, from)).invoke(lines -> {
                    java.util.TreeSet<LocalDate> days = new java.util.TreeSet<>(List.of(from));
                    for (ReportingLine line : lines) {
                        LocalDate day = calendar.dayOf(organisationId, line.fromTime);
                        if (day.isAfter(from) && day.isBefore(today)) {
                            days.add(day);
                        }
                    }
                    for (LocalDate day : days) {
                        Instant endOfDay = calendar.startOf(organisationId, day.plusDays(1));
                        Map<UUID, UUID> managers = new HashMap<>();
                        for (ReportingLine line : lines) {
                            if (line.fromTime.isBefore(endOfDay) && (line.toTime == null || !line.toTime.isBefore(endOfDay))) {
                                managers.put(line.personId, line.managerId);
                            }
                        }
                        if (ReportingLines.closesCircle(person, manager, managers::get)) {
                            throw new RejectedCommandException(ReportingLines.cycle(manager, day));
                        }
                    }
                }).replaceWithVoid();
    }

    /** The proposed manager and everyone above them: all a reporting-line check needs. */
    private static Uni<Directory> chainAbove(String organisationId, UUID managerId) {
        return walkUp(organisationId, managerId, new HashMap<>()).map(Directory::of);
    }

    private static Uni<Map<UUID, Directory.Entry>> walkUp(String organisationId, UUID personId,
            Map<UUID, Directory.Entry> found) {
        if (personId == null || found.containsKey(personId) || found.size() >= MAX_CHAIN) {
            return Uni.createFrom().item(found);
        }
        return PersonOverview.<PersonOverview>find("personId = ?1 and organisationId = ?2", personId, organisationId)
                .firstResult()
                .chain(person -> {
                    if (person == null) {
                        return Uni.createFrom().item(found);
                    }
                    found.put(person.personId, entryOf(person));
                    return walkUp(organisationId, person.managerId, found);
                });
    }

    private static Directory.Entry entryOf(PersonOverview person) {
        return new Directory.Entry(person.personId, person.managerId, person.employedSince, person.lastDay);
    }

    /** When an event happened in the domain: the start of its effective day (now when that is today). */
    private Instant occurredAt(String organisationId, MeetingsEvent event, Instant now) {
        if (event instanceof EmploymentEnded ended) {
            return calendar.startOf(organisationId, ended.lastDay().plusDays(1));
        }
        LocalDate on = event instanceof PersonRegistered registered ? registered.effectiveOn()
                : event instanceof PersonDetailsChanged changed ? changed.effectiveOn()
                : event instanceof ReportingLineChanged line ? line.effectiveOn()
                : event instanceof PersonRehired rehired ? rehired.effectiveOn() : null;
        return on == null ? now : calendar.occurredAt(organisationId, on, now);
    }

    private Person replay(String organisationId, List<StoredEvent> history) {
        return Person.replay(history.stream()
                .map(stored -> new Person.Recorded(event(stored), calendar.dayOf(organisationId, stored.occurredAt)))
                .toList());
    }

    /** A stored event of this stream as the contract's record. */
    private MeetingsEvent event(StoredEvent stored) {
        return json.read(stored, MeetingsEvent::classOf);
    }

    private Uni<Person> load(String organisationId, UUID personId, Long expectedVersion) {
        return store.load(organisationId, personId).map(history -> {
            if (history.isEmpty()) {
                throw new NotFoundException("No person " + personId);
            }
            Person person = replay(organisationId, history);
            if (expectedVersion != null && expectedVersion != person.version()) {
                throw new PersonVersionConflictException(new ConcurrentAppendException(personId, expectedVersion, null));
            }
            return person;
        });
    }

    private Uni<Long> record(String organisationId, UUID personId, long version, Decision decision, Instant now,
            PersonContact contact) {
        if (decision instanceof Decision.Rejected rejected) {
            return Uni.createFrom().failure(new RejectedCommandException(rejected.rejection()));
        }
        List<MeetingsEvent> events = ((Decision.Accepted) decision).events();
        if (events.isEmpty()) {
            return Uni.createFrom().item(version);
        }
        List<Instant> occurredAt = events.stream().map(event -> occurredAt(organisationId, event, now)).toList();
        return store.append(organisationId, personId, version, events, occurredAt)
                .onFailure(ConcurrentAppendException.class)
                .transform(e -> new PersonVersionConflictException((ConcurrentAppendException) e))
                .call(stored -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (int i = 0; i < stored.size(); i++) {
                        StoredEvent row = stored.get(i);
                        PersonEvent event = (PersonEvent) events.get(i);
                        chain = chain.chain(() -> projection.apply(row, event, contact));
                    }
                    return chain;
                })
                .map(stored -> stored.get(stored.size() - 1).version);
    }
}
