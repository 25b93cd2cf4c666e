package dev.oneonone.agenda.application.retention;

import dev.oneonone.events.EventEnvelope;
import dev.oneonone.events.meetings.MeetingsEvent;
import dev.oneonone.events.meetings.PersonErased;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * What agenda-service does when meetings-service erases a person (PersonErased): deletes their private notes with
 * every revision, removes them as author of shared topics, notes, revisions and agreements (the id becomes null; the
 * side, author role, stays, so the agenda's order and the figures do not change) and deletes the stored answers of
 * their Idempotency-Key creates, which repeat their text. Runs in the consumer's transaction; applying it again
 * finds nothing left to change.
 */
@ApplicationScoped
public class PersonErasure {
    private static final String[] STATEMENTS = {
        "delete from note_revision where note_id in (select note_id from note where organisation_id = :org"
                + " and author_id = :person and visibility = 'PRIVATE')",
        "delete from note where organisation_id = :org and author_id = :person and visibility = 'PRIVATE'",
        "update note_revision set written_by = null where written_by = :person"
                + " and note_id in (select note_id from note where organisation_id = :org)",
        "update note set author_id = null where organisation_id = :org and author_id = :person",
        "update topic set author_id = null where organisation_id = :org and author_id = :person",
        "update agreement set made_by_id = null where organisation_id = :org and made_by_id = :person",
        "delete from idempotency_key where organisation_id = :org and caller = :caller",
    };

    public Uni<Void> apply(EventEnvelope envelope, MeetingsEvent event) {
        if (!(event instanceof PersonErased erased)) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().chain(session -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (String sql : STATEMENTS) {
                var query = session.createNativeQuery(sql).setParameter("org", envelope.organisationId());
                if (sql.contains(":person")) {
                    query.setParameter("person", erased.personId());
                } else {
                    query.setParameter("caller", erased.personId().toString());
                }
                chain = chain.chain(() -> query.executeUpdate().replaceWithVoid());
            }
            return chain;
        });
    }
}
