package dev.oneonone.meetings.domain.people;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Bring a leaver back: a new employment period for the same person.
 *
 * @param effectiveOn the first day of the new employment (after their last day); null: {@code today}
 * @param today       today in the organisation's time zone
 */
public record RehirePerson(String team, String department, UUID managerId, LocalDate effectiveOn, LocalDate today) {
}
