package dev.oneonone.meetings.application.series;

import java.time.LocalDate;
import java.util.UUID;

import dev.oneonone.meetings.domain.Rejection;
import dev.oneonone.meetings.projection.PersonOverview;
import io.smallrye.mutiny.Uni;

/**
 * The directory's rule for a series' people: someone the directory knows must be employed on the day the series
 * starts, not be past their last day while it still runs, and the series ends at the latest on the day after their
 * last day. People unknown to the directory are not checked (series may precede the directory).
 */
final class ParticipantsEmployed {
    static final String REASON = "participant-not-employed";

    private ParticipantsEmployed() {
    }

    /**
     * Why {@code personId} (named by {@code field}) cannot take part in a series running from {@code startsOn} until
     * {@code endedOn} (exclusive; null while it runs), as of {@code today}; null when they can.
     */
    static Uni<Rejection> check(String organisationId, UUID personId, String field, LocalDate startsOn,
            LocalDate endedOn, LocalDate today) {
        return PersonOverview.<PersonOverview>find("personId = ?1 and organisationId = ?2", personId, organisationId)
                .firstResult().map(person -> person == null ? null : refusal(person, field, startsOn, endedOn, today));
    }

    private static Rejection refusal(PersonOverview person, String field, LocalDate startsOn, LocalDate endedOn,
            LocalDate today) {
        if (endedOn != null && person.employedSince != null && !endedOn.isAfter(person.employedSince)) {
            return null; // a series of an earlier employment: the directory keeps only the current period's days
        }
        LocalDate lastDay = person.lastDay;
        if (endedOn == null && lastDay != null && lastDay.isBefore(today)) {
            return refuse(field, "Person " + person.personId + " left after their last day, " + lastDay
                    + "; a series with them cannot run any more.");
        }
        if (!person.employedOn(startsOn)) {
            return refuse(field, "Person " + person.personId + " is not employed on " + startsOn
                    + ", the day the series starts (employed from " + person.employedSince
                    + (lastDay == null ? "" : " to " + lastDay) + ").");
        }
        if (endedOn != null && lastDay != null && endedOn.isAfter(lastDay.plusDays(1))) {
            return refuse(field, "Person " + person.personId + "'s last day is " + lastDay
                    + "; a series with them ends on " + lastDay.plusDays(1) + " at the latest, not " + endedOn + ".");
        }
        return null;
    }

    private static Rejection refuse(String field, String detail) {
        return Rejection.ofField(field, REASON, detail);
    }
}
