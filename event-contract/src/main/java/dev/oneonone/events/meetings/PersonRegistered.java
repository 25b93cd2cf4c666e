package dev.oneonone.events.meetings;

import dev.oneonone.events.MayBeAbsent;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A person joined the organisation's directory.
 *
 * @param team        the organisation's code of the person's team, or null
 * @param department  the organisation's code of the person's department, or null
 * @param managerId   the person they report to, or null
 * @param effectiveOn the first day of their employment, a day of the organisation's calendar (its time zone); the
 *                    event's {@code ce_time} is the start of that day. Absent in events recorded before effective
 *                    dates existed: then the day of {@code ce_time} in the organisation's time zone.
 */
public record PersonRegistered(UUID personId, @MayBeAbsent String team, @MayBeAbsent String department,
        @MayBeAbsent UUID managerId, @MayBeAbsent LocalDate effectiveOn) implements PersonEvent {
    /** A registration without an effective date (events recorded before effective dates existed). */
    public PersonRegistered(UUID personId, String team, String department, UUID managerId) {
        this(personId, team, department, managerId, null);
    }
}
