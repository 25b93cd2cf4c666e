package dev.oneonone.meetings.application.directory;

import java.time.Instant;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Gives a team or department its display name. Writes the {@code group_name} table only: no event is recorded. */
@ApplicationScoped
public class GroupNaming {

    /** Sets (or replaces) the name; answers the row as stored. */
    @WithTransaction
    public Uni<GroupName> name(String organisation, GroupRef group, String name, Instant now) {
        // one statement, so that two concurrent namings of a new group do not collide on the key
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        insert into group_name (organisation_id, kind, code, name, changed_at)
                        values (:org, :kind, :code, :name, :now)
                        on conflict (organisation_id, kind, code) do update set name = excluded.name, changed_at = excluded.changed_at""")
                        .setParameter("org", organisation).setParameter("kind", group.kind())
                        .setParameter("code", group.code()).setParameter("name", name).setParameter("now", now)
                        .executeUpdate())
                .replaceWith(() -> {
                    GroupName row = new GroupName();
                    row.organisationId = organisation;
                    row.kind = group.kind();
                    row.code = group.code();
                    row.name = name;
                    row.changedAt = now;
                    return row;
                });
    }
}
