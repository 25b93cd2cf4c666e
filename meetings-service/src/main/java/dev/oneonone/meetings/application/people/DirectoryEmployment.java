package dev.oneonone.meetings.application.people;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import dev.oneonone.kit.security.Employment;
import dev.oneonone.meetings.config.OrganisationCalendar;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * When people's employments end, from the directory's last days ({@code person_overview}), for the kit's refusal of
 * leavers' requests and the calendar feeds: the start of the day after the last day in the organisation's calendar
 * ({@link OrganisationCalendar}), the instant EmploymentEnded is recorded at. One indexed read by primary key,
 * outside any Hibernate session (the kit asks before the resource opens its own).
 */
@ApplicationScoped
public class DirectoryEmployment implements Employment {
    private final Pool pool;
    private final OrganisationCalendar calendar;

    public DirectoryEmployment(Pool pool, OrganisationCalendar calendar) {
        this.pool = pool;
        this.calendar = calendar;
    }

    @Override
    public Uni<Optional<Instant>> leftAt(String organisationId, UUID personId) {
        return pool.preparedQuery("select last_day from person_overview where person_id = $1 and organisation_id = $2")
                .execute(Tuple.of(personId, organisationId))
                .map(rows -> rows.size() == 0 ? Optional.<LocalDate>empty()
                        : Optional.ofNullable(rows.iterator().next().getLocalDate(0)))
                .map(lastDay -> lastDay.map(day -> calendar.startOf(organisationId, day.plusDays(1))));
    }
}
