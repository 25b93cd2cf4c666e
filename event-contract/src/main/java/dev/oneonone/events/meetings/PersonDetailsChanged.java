package dev.oneonone.events.meetings;

import dev.oneonone.events.MayBeAbsent;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A person's directory entry changed: team, department, or contact details that the event does
 * not carry (read them from the API). Carries the team and department as they are from {@code effectiveOn}.
 *
 * @param effectiveOn the organisation's calendar day the change takes effect ({@code ce_time} is the start of it);
 *                    absent in events recorded before effective dates existed: then the day of {@code ce_time}
 */
public record PersonDetailsChanged(UUID personId, @MayBeAbsent String team, @MayBeAbsent String department,
        @MayBeAbsent LocalDate effectiveOn) implements PersonEvent {
    /** A change without an effective date (events recorded before effective dates existed). */
    public PersonDetailsChanged(UUID personId, String team, String department) {
        this(personId, team, department, null);
    }
}
