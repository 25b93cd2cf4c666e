package dev.oneonone.meetings.application.directory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import dev.oneonone.kit.security.Caller;
import dev.oneonone.meetings.config.OrganisationCalendar;
import dev.oneonone.meetings.projection.PersonOverview;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Names of people and groups for a caller, in one query each (POST /people/lookup). Who sees whom
 * (docs/security.md, "Looking up names"): integration and HR the whole organisation, leavers included; a director
 * themselves and everyone in their reporting subtree today; a person themselves, their manager, their direct reports
 * and the people they share a series with (ended series included). A director or person sees employed people only,
 * besides themselves. A caller with several roles sees the union. People the caller may not see are left out, exactly
 * like ids that do not exist.
 */
@ApplicationScoped
public class DirectoryLookup {
    /** Stands in for a caller without a person id (an integration's client id): matches nobody. */
    private static final UUID NOBODY = new UUID(0, 0);

    private final OrganisationCalendar calendar;

    public DirectoryLookup(OrganisationCalendar calendar) {
        this.calendar = calendar;
    }

    /** The people of {@code ids} the caller may see, in no particular order. */
    public Uni<List<PersonOverview>> people(Caller caller, Collection<UUID> ids) {
        String organisation = caller.organisationId();
        if (caller.is(Caller.INTEGRATION) || caller.is(Caller.HR)) {
            return PersonOverview.list("organisationId = :org and personId in :ids",
                    Parameters.with("org", organisation).and("ids", List.copyOf(ids)));
        }
        List<String> visible = new ArrayList<>();
        if (caller.is(Caller.DIRECTOR)) {
            visible.add("p.person_id in (select person_id from subtree)");
        }
        if (caller.is(Caller.PERSON)) {
            visible.add("p.manager_id = :me");
            visible.add("p.person_id = (select manager_id from person_overview where organisation_id = :org and person_id = :me)");
            visible.add("p.person_id in (select leader_id from series_overview where organisation_id = :org and companion_id = :me)");
            visible.add("p.person_id in (select companion_id from series_overview where organisation_id = :org and leader_id = :me)");
        }
        if (visible.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        // union (not union all) also ends the walk should the reporting lines ever go round in a circle
        String subtree = caller.is(Caller.DIRECTOR) ? """
                with recursive subtree(person_id) as (
                    select person_id from person_overview where organisation_id = :org and person_id = :me
                    union
                    select p.person_id from person_overview p join subtree s on p.manager_id = s.person_id
                    where p.organisation_id = :org)
                """ : "";
        String sql = subtree + "select p.* from person_overview p where p.organisation_id = :org and p.person_id in (:ids)"
                + " and (p.person_id = :me or ((p.last_day is null or p.last_day >= :today) and (" + String.join(" or ", visible) + ")))";
        UUID me = personOf(caller);
        return Panache.getSession().chain(session -> session.createNativeQuery(sql, PersonOverview.class)
                .setParameter("org", organisation)
                .setParameter("me", me)
                .setParameter("today", calendar.today(organisation))
                .setParameter("ids", List.copyOf(ids))
                .getResultList());
    }

    /** The token's subject as a person id: a director's token names them (docs/security.md) with or without role person. */
    private static UUID personOf(Caller caller) {
        try {
            return caller.subject() == null ? NOBODY : UUID.fromString(caller.subject());
        } catch (IllegalArgumentException notAPersonId) {
            return NOBODY;
        }
    }

    /** The names given to the groups asked ({@code kind:code}); groups without a name are left out. */
    public Uni<List<GroupName>> groups(String organisation, Collection<GroupRef> groups) {
        List<String> teams = codes(groups, GroupRef.TEAM);
        List<String> departments = codes(groups, GroupRef.DEPARTMENT);
        List<String> kinds = new ArrayList<>();
        Parameters parameters = Parameters.with("org", organisation);
        if (!teams.isEmpty()) {
            kinds.add("(kind = 'team' and code in :teams)");
            parameters.and("teams", teams);
        }
        if (!departments.isEmpty()) {
            kinds.add("(kind = 'department' and code in :departments)");
            parameters.and("departments", departments);
        }
        if (kinds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return GroupName.list("organisationId = :org and (" + String.join(" or ", kinds) + ")", parameters);
    }

    private static List<String> codes(Collection<GroupRef> groups, String kind) {
        return groups.stream().filter(group -> group.kind().equals(kind)).map(GroupRef::code).distinct().toList();
    }
}
