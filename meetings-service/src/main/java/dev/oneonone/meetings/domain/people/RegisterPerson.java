package dev.oneonone.meetings.domain.people;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Add a person to the organisation's directory. Name and email are not the aggregate's business: they never enter an event.
 *
 * @param effectiveOn their first day, a day of the organisation's calendar; null: {@code today}
 * @param today       today in the organisation's time zone
 */
public record RegisterPerson(UUID personId, String team, String department, UUID managerId, LocalDate effectiveOn,
        LocalDate today) {
}
