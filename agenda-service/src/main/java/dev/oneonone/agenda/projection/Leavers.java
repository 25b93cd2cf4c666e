package dev.oneonone.agenda.projection;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import dev.oneonone.events.EventEnvelope;
import dev.oneonone.events.meetings.EmploymentEnded;
import dev.oneonone.events.meetings.MeetingsEvent;
import dev.oneonone.events.meetings.EmploymentEndWithdrawn;
import dev.oneonone.events.meetings.PersonRehired;
import dev.oneonone.kit.security.Employment;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The people agenda-service must refuse from the day after their last day (table {@code leaver}): an
 * EmploymentEnded records the last day and its {@code occurredAt}, the start of the day after in the organisation's
 * zone as meetings-service records it, so this service needs no zone of its own; a PersonRehired or an
 * EmploymentEndWithdrawn removes the row. It
 * answers the kit's {@link Employment} question with one read by primary key.
 */
@ApplicationScoped
public class Leavers implements Employment {
    private final Pool pool;

    public Leavers(Pool pool) {
        this.pool = pool;
    }

    /** Folds a person event into {@code leaver}, in the consumer's transaction; other events change nothing. */
    public Uni<Void> apply(EventEnvelope envelope, MeetingsEvent event) {
        if (event instanceof EmploymentEnded ended) {
            return Panache.getSession().chain(session -> session.createNativeQuery("""
                            insert into leaver (organisation_id, person_id, last_day, left_at)
                            values (:org, :person, :lastDay, :leftAt)
                            on conflict (organisation_id, person_id)
                            do update set last_day = excluded.last_day, left_at = excluded.left_at""")
                    .setParameter("org", envelope.organisationId())
                    .setParameter("person", ended.personId())
                    .setParameter("lastDay", ended.lastDay())
                    .setParameter("leftAt", leftAt(ended.lastDay(), envelope.occurredAt()))
                    .executeUpdate()).replaceWithVoid();
        }
        UUID back = event instanceof PersonRehired rehired ? rehired.personId()
                : event instanceof EmploymentEndWithdrawn withdrawn ? withdrawn.personId() : null;
        if (back != null) {
            return Panache.getSession().chain(session -> session
                    .createNativeQuery("delete from leaver where organisation_id = :org and person_id = :person")
                    .setParameter("org", envelope.organisationId())
                    .setParameter("person", back)
                    .executeUpdate()).replaceWithVoid();
        }
        return Uni.createFrom().voidItem();
    }

    /**
     * When an employment ends: the event's {@code occurredAt}, which is the start of {@code lastDay + 1} in some zone
     * (UTC-12 to UTC+14). An occurredAt outside that range (an event recorded before the organisations' calendars, at
     * the moment it was recorded) is not such a start: then the day after begins at midnight UTC.
     */
    static Instant leftAt(LocalDate lastDay, Instant occurredAt) {
        Instant utcStart = lastDay.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        boolean aStartOfThatDay = !occurredAt.isBefore(utcStart.minus(Duration.ofHours(14)))
                && !occurredAt.isAfter(utcStart.plus(Duration.ofHours(12)));
        return aStartOfThatDay ? occurredAt : utcStart;
    }

    @Override
    public Uni<Optional<Instant>> leftAt(String organisationId, UUID personId) {
        return pool.preparedQuery("select left_at from leaver where organisation_id = $1 and person_id = $2")
                .execute(Tuple.of(organisationId, personId))
                .map(rows -> rows.size() == 0 ? Optional.<Instant>empty()
                        : Optional.of(rows.iterator().next().getOffsetDateTime(0).toInstant()));
    }
}
