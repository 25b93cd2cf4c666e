package dev.oneonone.events.meetings;

import dev.oneonone.events.MayBeAbsent;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A person reports to someone else from {@code effectiveOn} on.
 *
 * @param previousManagerId whom they reported to until then, or null
 * @param managerId         whom they report to from then on, or null when nobody
 * @param effectiveOn       the organisation's calendar day the new line starts ({@code ce_time} is the start of it);
 *                          absent in events recorded before effective dates existed: then the day of {@code ce_time}
 */
public record ReportingLineChanged(UUID personId, @MayBeAbsent UUID previousManagerId, @MayBeAbsent UUID managerId,
        @MayBeAbsent LocalDate effectiveOn) implements PersonEvent {
    /** A change without an effective date (events recorded before effective dates existed). */
    public ReportingLineChanged(UUID personId, UUID previousManagerId, UUID managerId) {
        this(personId, previousManagerId, managerId, null);
    }
}
