package dev.oneonone.agenda.projection;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import dev.oneonone.events.EventEnvelope;
import dev.oneonone.events.meetings.EmploymentEnded;
import dev.oneonone.events.meetings.MeetingsEvent;
import dev.oneonone.events.meetings.PersonRehired;
import dev.oneonone.kit.security.Employment;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The people agenda-service must refuse from the day after their last day (table {@code leaver}): an
 * EmploymentEnded records the last day, a PersonRehired removes it. It answers the kit's {@link Employment} question
 * with one read by primary key; the organisation's calendar is UTC ({@link Employment#zoneOf}) until organisations'
 * zones are a setting of this service.
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
                            insert into leaver (organisation_id, person_id, last_day) values (:org, :person, :lastDay)
                            on conflict (organisation_id, person_id) do update set last_day = excluded.last_day""")
                    .setParameter("org", envelope.organisationId())
                    .setParameter("person", ended.personId())
                    .setParameter("lastDay", ended.lastDay())
                    .executeUpdate()).replaceWithVoid();
        }
        if (event instanceof PersonRehired rehired) {
            return Panache.getSession().chain(session -> session
                    .createNativeQuery("delete from leaver where organisation_id = :org and person_id = :person")
                    .setParameter("org", envelope.organisationId())
                    .setParameter("person", rehired.personId())
                    .executeUpdate()).replaceWithVoid();
        }
        return Uni.createFrom().voidItem();
    }

    @Override
    public Uni<Optional<LocalDate>> lastDay(String organisationId, UUID personId) {
        return pool.preparedQuery("select last_day from leaver where organisation_id = $1 and person_id = $2")
                .execute(Tuple.of(organisationId, personId))
                .map(rows -> rows.size() == 0 ? Optional.<LocalDate>empty()
                        : Optional.of(rows.iterator().next().getLocalDate(0)));
    }
}
