package dev.oneonone.meetings.projection;

import java.time.Instant;
import java.util.UUID;

import dev.oneonone.events.meetings.EmploymentEndWithdrawn;
import dev.oneonone.events.meetings.EmploymentEnded;
import dev.oneonone.events.meetings.PersonDetailsChanged;
import dev.oneonone.events.meetings.PersonEvent;
import dev.oneonone.events.meetings.PersonRegistered;
import dev.oneonone.events.meetings.PersonErased;
import dev.oneonone.events.meetings.PersonRehired;
import dev.oneonone.events.meetings.ReportingLineChanged;
import dev.oneonone.kit.eventstore.StoredEvent;
import dev.oneonone.meetings.config.OrganisationCalendar;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Folds person events into the directory ({@code person_overview}) and the history of reporting
 * lines, in the transaction that stored them. The contact details come with the command, not the
 * event; on a replay they are null and the stored ones stay. Reporting lines open and close at the events'
 * {@code occurredAt}, the start of their effective day.
 */
@ApplicationScoped
public class PersonProjection {
    private final OrganisationCalendar calendar;

    public PersonProjection(OrganisationCalendar calendar) {
        this.calendar = calendar;
    }

    public Uni<Void> apply(StoredEvent stored, PersonEvent event, PersonContact contact) {
        if (event instanceof PersonRegistered registered) {
            PersonOverview person = new PersonOverview();
            person.personId = registered.personId();
            person.organisationId = stored.organisationId;
            person.name = contact.name();
            person.email = contact.email();
            person.team = registered.team();
            person.department = registered.department();
            person.managerId = registered.managerId();
            person.employedSince = registered.effectiveOn() != null ? registered.effectiveOn()
                    : calendar.dayOf(stored.organisationId, stored.occurredAt);
            person.version = stored.version;
            Uni<Void> line = registered.managerId() == null ? Uni.createFrom().voidItem()
                    : openLine(stored, registered.personId(), registered.managerId());
            return person.persist().chain(() -> line);
        }
        return PersonOverview.<PersonOverview>findById(event.personId()).chain(person -> {
            person.version = stored.version;
            if (event instanceof PersonDetailsChanged changed) {
                person.team = changed.team();
                person.department = changed.department();
                if (contact != null) {
                    person.name = contact.name();
                    person.email = contact.email();
                }
                return Uni.createFrom().voidItem();
            }
            if (event instanceof ReportingLineChanged changed) {
                person.managerId = changed.managerId();
                return closeLine(changed.personId(), stored.occurredAt).chain(() -> changed.managerId() == null
                        ? Uni.createFrom().voidItem()
                        : openLine(stored, changed.personId(), changed.managerId()));
            }
            if (event instanceof EmploymentEnded ended) {
                person.lastDay = ended.lastDay();
                return closeLine(ended.personId(), stored.occurredAt)
                        .chain(() -> moveNotifiedEnd(ended.personId(), stored.recordedAt, stored.occurredAt));
            }
            if (event instanceof EmploymentEndWithdrawn withdrawn) {
                person.lastDay = null;
                return moveNotifiedEnd(withdrawn.personId(), stored.recordedAt, null);
            }
            if (event instanceof PersonErased) {
                person.name = PersonOverview.ERASED_NAME;
                person.email = PersonOverview.erasedEmail(person.personId);
                person.erasedAt = stored.occurredAt;
                return Uni.createFrom().voidItem();
            }
            if (event instanceof PersonRehired rehired) {
                person.team = rehired.team();
                person.department = rehired.department();
                person.managerId = rehired.managerId();
                person.employedSince = rehired.effectiveOn();
                person.lastDay = null;
                if (contact != null) {
                    person.name = contact.name();
                    person.email = contact.email();
                }
                return rehired.managerId() == null ? Uni.createFrom().voidItem()
                        : openLine(stored, rehired.personId(), rehired.managerId());
            }
            return Uni.createFrom().voidItem();
        });
    }

    private static Uni<Void> openLine(StoredEvent stored, UUID personId, UUID managerId) {
        ReportingLine line = new ReportingLine();
        line.personId = personId;
        line.organisationId = stored.organisationId;
        line.managerId = managerId;
        line.fromTime = stored.occurredAt;
        return line.persist().replaceWithVoid();
    }

    /**
     * Moves the end of the line a notified last day closed in the future (after {@code recordedAt}) to {@code to}: a
     * corrected last day, or null when the end is withdrawn.
     */
    private static Uni<Void> moveNotifiedEnd(UUID personId, Instant recordedAt, Instant to) {
        return ReportingLine.update("toTime = ?1 where personId = ?2 and toTime > ?3", to, personId, recordedAt)
                .replaceWithVoid();
    }

    private static Uni<Void> closeLine(UUID personId, Instant at) {
        return ReportingLine.update("toTime = ?1 where personId = ?2 and toTime is null", at, personId)
                .replaceWithVoid();
    }
}
