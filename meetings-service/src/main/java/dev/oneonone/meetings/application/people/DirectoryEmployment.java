package dev.oneonone.meetings.application.people;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

import dev.oneonone.kit.security.Employment;
import dev.oneonone.meetings.config.OrganisationCalendar;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * People's last days as the directory ({@code person_overview}) has them, for the kit's refusal of leavers'
 * requests, the leaver sweep and the calendar feeds. One indexed read by primary key, outside any Hibernate session
 * (the kit asks before the resource opens its own). Days are the organisation's ({@link OrganisationCalendar}).
 */
@ApplicationScoped
public class DirectoryEmployment implements Employment {
    private final Pool pool;
    private final OrganisationCalendar calendar;

    public DirectoryEmployment(Pool pool, OrganisationCalendar calendar) {
        this.pool = pool;
        this.calendar = calendar;
    }

    /** The organisation's zone (meetings.time-zones.<org>, else meetings.default-time-zone): its last day ends there. */
    @Override
    public ZoneId zoneOf(String organisationId) {
        return calendar.zone(organisationId);
    }

    @Override
    public Uni<Optional<LocalDate>> lastDay(String organisationId, UUID personId) {
        return pool.preparedQuery("select last_day from person_overview where person_id = $1 and organisation_id = $2")
                .execute(Tuple.of(personId, organisationId))
                .map(rows -> rows.size() == 0 ? Optional.<LocalDate>empty()
                        : Optional.ofNullable(rows.iterator().next().getLocalDate(0)));
    }
}
