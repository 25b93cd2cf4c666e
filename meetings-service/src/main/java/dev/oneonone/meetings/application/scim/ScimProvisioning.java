package dev.oneonone.meetings.application.scim;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.oneonone.kit.problem.NotFoundException;
import dev.oneonone.meetings.application.people.PeopleCommands;
import dev.oneonone.meetings.application.people.PersonVersionConflictException;
import dev.oneonone.meetings.config.OrganisationCalendar;
import dev.oneonone.meetings.projection.PersonOverview;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * SCIM provisioning on the directory. Every change goes through {@link PeopleCommands}, so an identity provider's
 * changes are the same events as the REST API's, and the SCIM identity is written in the same transaction. SCIM has no
 * effective dates: every change takes effect today in the organisation's calendar. {@code active: false} ends the
 * employment with today as the last day; {@code active: true} on a leaver rehires them from today (or withdraws an end
 * recorded for today); a delete ends the employment today and the resource is gone for SCIM.
 */
@ApplicationScoped
public class ScimProvisioning {
    private final PeopleCommands commands;
    private final OrganisationCalendar calendar;

    public ScimProvisioning(PeopleCommands commands, OrganisationCalendar calendar) {
        this.commands = commands;
        this.calendar = calendar;
    }

    /** A provisioned person: the directory's entry and the identity provider's identifiers. */
    public record ProvisionedUser(PersonOverview person, ScimIdentity identity, Instant lastModified) {
        /** The resource's version: the person's event count plus the identity's revisions. */
        public long version() {
            return person.version + identity.revision;
        }
    }

    /** userName is taken by another resource of the organisation. */
    public static class UserNameTaken extends RuntimeException {
        public UserNameTaken(String userName) {
            super("Another user of this organisation has the userName '" + userName + "' (compared case-insensitively).",
                    null, false, false);
        }
    }

    /** The resource is no longer at the version of If-Match. */
    public static class StaleVersion extends RuntimeException {
        public StaleVersion(UUID personId, long expected) {
            super("User " + personId + " is no longer at version W/\"" + expected + "\"; read it again and retry.", null,
                    false, false);
        }
    }

    /**
     * Registers the person (and ends the employment today when not active); answers the resource. A user deleted
     * through SCIM today whose userName or externalId this one has (an identity provider unassigning and assigning
     * again, as Okta does) comes back instead: the end of employment the delete recorded is withdrawn, the entry takes
     * the new values and the resource keeps its id.
     */
    @WithTransaction
    public Uni<ProvisionedUser> create(String organisationId, UUID personId, DesiredUser desired, Instant now) {
        LocalDate today = calendar.dayOf(organisationId, now);
        return deletedToday(organisationId, desired, today).chain(deleted -> deleted == null
                ? register(organisationId, personId, desired, now, today)
                : provisionAgain(organisationId, deleted, desired, now));
    }

    private Uni<ProvisionedUser> register(String organisationId, UUID personId, DesiredUser desired, Instant now,
            LocalDate today) {
        return ensureUserNameFree(organisationId, desired.userName(), null)
                .chain(() -> commands.register(organisationId, personId, desired.entry(), now))
                .chain(version -> Boolean.FALSE.equals(desired.active())
                        ? commands.endEmployment(organisationId, personId, null, today, now).replaceWithVoid()
                        : Uni.createFrom().voidItem())
                .chain(() -> {
                    ScimIdentity identity = new ScimIdentity();
                    identity.personId = personId;
                    identity.organisationId = organisationId;
                    identity.userName = desired.userName();
                    identity.externalId = desired.externalId();
                    identity.createdAt = now;
                    identity.modifiedAt = now;
                    return identity.persist();
                })
                .chain(() -> Panache.getSession().chain(session -> session.flush()))
                .chain(() -> find(organisationId, personId));
    }

    /** The user deleted through SCIM whose employment end (today) has not passed, with userName or externalId of desired. */
    private static Uni<ScimIdentity> deletedToday(String organisationId, DesiredUser desired, LocalDate today) {
        String sameUser = desired.externalId() == null ? "lower(userName) = lower(:userName)"
                : "(lower(userName) = lower(:userName) or externalId = :externalId)";
        Parameters parameters = Parameters.with("org", organisationId).and("userName", desired.userName());
        if (desired.externalId() != null) {
            parameters.and("externalId", desired.externalId());
        }
        return ScimIdentity.<ScimIdentity>list("organisationId = :org and deleted = true and " + sameUser
                + " order by modifiedAt desc", parameters)
                .chain(identities -> identities.isEmpty() ? Uni.createFrom().nullItem()
                        : PersonOverview.<PersonOverview>list("organisationId = ?1 and personId in ?2 and lastDay >= ?3",
                                organisationId, identities.stream().map(identity -> identity.personId).toList(), today)
                                .map(people -> identities.stream()
                                        .filter(identity -> people.stream().anyMatch(p -> p.personId.equals(identity.personId)))
                                        .findFirst().orElse(null)));
    }

    /** A user deleted today comes back: the delete's end of employment withdrawn, the entry as desired, the same id. */
    private Uni<ProvisionedUser> provisionAgain(String organisationId, ScimIdentity identity, DesiredUser desired, Instant now) {
        UUID personId = identity.personId;
        return ensureUserNameFree(organisationId, desired.userName(), personId)
                .chain(() -> PersonOverview.<PersonOverview>find("personId = ?1 and organisationId = ?2", personId,
                        organisationId).<PersonOverview>firstResult())
                .chain(person -> converge(organisationId, person, desired, now))
                .chain(() -> {
                    identity.deleted = false;
                    return takeIdentifiers(identity, desired, now);
                })
                .chain(() -> find(organisationId, personId));
    }

    /**
     * Makes the person what the identity provider wants (a SCIM replace, and a PATCH once applied to the resource).
     * A leaver's entry no longer changes (the directory's rule): for a leaver who stays inactive only userName and
     * externalId are taken.
     *
     * @param expectedVersion the version of If-Match, or null
     */
    @WithTransaction
    public Uni<ProvisionedUser> replace(String organisationId, UUID personId, Long expectedVersion, DesiredUser desired,
            Instant now) {
        return find(organisationId, personId).chain(current -> {
            checkVersion(current, expectedVersion);
            ScimIdentity identity = current.identity();
            Uni<Void> userNameFree = identity.userName.equalsIgnoreCase(desired.userName()) ? Uni.createFrom().voidItem()
                    : ensureUserNameFree(organisationId, desired.userName(), personId);
            return userNameFree
                    .chain(() -> converge(organisationId, current.person(), desired, now)
                            .onFailure(PersonVersionConflictException.class).transform(e -> expectedVersion == null ? e
                                    : new StaleVersion(personId, expectedVersion)))
                    .chain(() -> takeIdentifiers(identity, desired, now))
                    .chain(() -> find(organisationId, personId));
        });
    }

    /** Takes the identity provider's userName and externalId (a new revision when they change) and writes the identity. */
    private static Uni<Void> takeIdentifiers(ScimIdentity identity, DesiredUser desired, Instant now) {
        boolean renamed = !identity.userName.equals(desired.userName())
                || !java.util.Objects.equals(identity.externalId, desired.externalId());
        if (renamed) {
            identity.userName = desired.userName();
            identity.externalId = desired.externalId();
            identity.revision++;
        }
        identity.modifiedAt = now;
        return Panache.getSession().chain(session -> session.flush());
    }

    /**
     * Ends the employment today (unless it has already ended by today) and deletes the resource for SCIM: the person
     * stays in the directory as a leaver, and their history stays.
     */
    @WithTransaction
    public Uni<Void> delete(String organisationId, UUID personId, Long expectedVersion, Instant now) {
        LocalDate today = calendar.dayOf(organisationId, now);
        return find(organisationId, personId).chain(current -> {
            checkVersion(current, expectedVersion);
            LocalDate lastDay = current.person().lastDay;
            Uni<Void> end = lastDay != null && !lastDay.isAfter(today) ? Uni.createFrom().voidItem()
                    : commands.endEmployment(organisationId, personId, current.person().version, today, now)
                            .onFailure(PersonVersionConflictException.class)
                            .transform(e -> new StaleVersion(personId, current.version()))
                            .replaceWithVoid();
            return end.chain(() -> {
                current.identity().deleted = true;
                current.identity().modifiedAt = now;
                return Panache.getSession().chain(session -> session.flush());
            });
        });
    }

    /** The resource, or {@link NotFoundException} for an id the organisation has no (undeleted) SCIM user of. */
    public Uni<ProvisionedUser> find(String organisationId, UUID personId) {
        return ScimIdentity.<ScimIdentity>find("personId = ?1 and organisationId = ?2 and deleted = false", personId,
                organisationId).firstResult()
                .onItem().ifNull().failWith(() -> new NotFoundException("No user " + personId))
                .chain(identity -> PersonOverview.<PersonOverview>find("personId = ?1 and organisationId = ?2", personId,
                        organisationId).firstResult()
                        .onItem().ifNull().failWith(() -> new NotFoundException("No user " + personId))
                        .chain(person -> lastChanges(List.of(personId)).map(changes -> new ProvisionedUser(person,
                                identity, latest(identity.modifiedAt, changes.get(personId))))));
    }

    /** A page of the organisation's users: those whose {@code attribute} equals {@code value} when one is given. */
    public Uni<Page> list(String organisationId, ScimAttribute attribute, String value, int offset, int count) {
        StringBuilder query = new StringBuilder("organisationId = :org and deleted = false");
        Parameters parameters = Parameters.with("org", organisationId);
        if (attribute == ScimAttribute.ID) {
            UUID id;
            try {
                id = UUID.fromString(value);
            } catch (IllegalArgumentException notAnId) {
                return Uni.createFrom().item(new Page(0, List.of())); // no user has it
            }
            query.append(" and personId = :value");
            parameters.and("value", id);
        } else if (attribute != null) {
            query.append(attribute == ScimAttribute.USER_NAME ? " and lower(userName) = lower(:value)" : " and externalId = :value");
            parameters.and("value", value);
        }
        return ScimIdentity.count(query.toString(), parameters).chain(total -> {
            if (count == 0 || offset >= total) {
                return Uni.createFrom().item(new Page(total, List.of()));
            }
            return ScimIdentity.<ScimIdentity>find(query + " order by createdAt, personId", parameters)
                    .range(offset, offset + count - 1).list()
                    .chain(identities -> {
                        List<UUID> ids = identities.stream().map(identity -> identity.personId).toList();
                        return PersonOverview.<PersonOverview>list("personId in ?1 and organisationId = ?2", ids, organisationId)
                                .chain(people -> lastChanges(ids).map(changes -> {
                                    Map<UUID, PersonOverview> byId = new HashMap<>();
                                    people.forEach(person -> byId.put(person.personId, person));
                                    List<ProvisionedUser> users = identities.stream()
                                            .filter(identity -> byId.containsKey(identity.personId))
                                            .map(identity -> new ProvisionedUser(byId.get(identity.personId), identity,
                                                    latest(identity.modifiedAt, changes.get(identity.personId))))
                                            .toList();
                                    return new Page(total, users);
                                }));
                    });
        });
    }

    /** The attributes a list may be filtered by (equality only). */
    public enum ScimAttribute {
        USER_NAME, EXTERNAL_ID, ID
    }

    /** One page of users and how many match in all. */
    public record Page(long total, List<ProvisionedUser> users) {
    }

    /**
     * Moves the person to the desired state with the directory's use cases, each taking effect today. The first
     * command states the version read, so a concurrent change of the entry loses.
     */
    private Uni<Void> converge(String organisationId, PersonOverview person, DesiredUser desired, Instant now) {
        LocalDate today = calendar.dayOf(organisationId, now);
        LocalDate lastDay = person.lastDay;
        boolean left = lastDay != null && lastDay.isBefore(today);
        boolean active = desired.active() != null ? desired.active() : !(lastDay != null && !lastDay.isAfter(today));
        UUID personId = person.personId;
        if (left) {
            return active ? commands.rehire(organisationId, personId, person.version, desired.entry(), now).replaceWithVoid()
                    : Uni.createFrom().voidItem(); // a leaver's entry no longer changes
        }
        Uni<Long> steps = Uni.createFrom().item(person.version);
        if (active && today.equals(lastDay)) {
            steps = steps.chain(version -> commands.withdrawEmploymentEnd(organisationId, personId, version, now));
        }
        steps = steps.chain(version -> commands.change(organisationId, personId, version, desired.entry(), now));
        if (!active && (lastDay == null || lastDay.isAfter(today))) {
            steps = steps.chain(version -> commands.endEmployment(organisationId, personId, version, today, now));
        }
        return steps.replaceWithVoid();
    }

    private static void checkVersion(ProvisionedUser current, Long expectedVersion) {
        if (expectedVersion != null && expectedVersion != current.version()) {
            throw new StaleVersion(current.person().personId, expectedVersion);
        }
    }

    private static Uni<Void> ensureUserNameFree(String organisationId, String userName, UUID personId) {
        return ScimIdentity.count("organisationId = ?1 and lower(userName) = lower(?2) and deleted = false and personId <> ?3",
                organisationId, userName, personId == null ? new UUID(0, 0) : personId)
                .invoke(count -> {
                    if (count > 0) {
                        throw new UserNameTaken(userName);
                    }
                }).replaceWithVoid();
    }

    /** When each person's stream last recorded an event (a REST change counts too). */
    private static Uni<Map<UUID, Instant>> lastChanges(Collection<UUID> personIds) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("select stream_id, max(recorded_at) from event where stream_id in (:ids) group by stream_id",
                        Object[].class)
                .setParameter("ids", personIds)
                .getResultList())
                .map(rows -> {
                    Map<UUID, Instant> changes = new HashMap<>();
                    for (Object[] row : rows) {
                        changes.put((UUID) row[0], toInstant(row[1]));
                    }
                    return changes;
                });
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime time) {
            return time.toInstant();
        }
        if (value instanceof java.sql.Timestamp time) {
            return time.toInstant();
        }
        return null;
    }

    private static Instant latest(Instant a, Instant b) {
        return b == null || a.isAfter(b) ? a : b;
    }
}
