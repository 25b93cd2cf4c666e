package dev.oneonone.events.meetings;

import dev.oneonone.events.MayBeAbsent;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A person who had left joins the organisation again: a new employment period for the same person id from
 * {@code effectiveOn} (after their last day), with their history kept.
 *
 * @param effectiveOn the first day of the new employment, a day of the organisation's calendar ({@code ce_time} is
 *                    the start of it)
 * @param team        the team's code from then on, or null
 * @param department  the department's code from then on, or null
 * @param managerId   whom they report to from then on, or null
 */
public record PersonRehired(UUID personId, LocalDate effectiveOn, @MayBeAbsent String team,
        @MayBeAbsent String department, @MayBeAbsent UUID managerId) implements PersonEvent {
}
