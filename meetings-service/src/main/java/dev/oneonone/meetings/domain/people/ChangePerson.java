package dev.oneonone.meetings.domain.people;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Replace a person's directory entry.
 *
 * @param contactChanged whether the name or email (kept outside the events) changed
 * @param effectiveOn    the day the change takes effect, a day of the organisation's calendar; null: {@code today}
 * @param today          today in the organisation's time zone
 */
public record ChangePerson(String team, String department, UUID managerId, boolean contactChanged, LocalDate effectiveOn,
        LocalDate today) {
}
