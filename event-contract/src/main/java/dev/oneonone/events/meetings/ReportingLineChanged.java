package dev.oneonone.events.meetings;

import dev.oneonone.events.MayBeAbsent;
import java.util.UUID;

/**
 * A person now reports to someone else; the time of the event is when the new line starts.
 *
 * @param previousManagerId whom they reported to until now, or null
 * @param managerId         whom they report to from now on, or null when nobody
 */
public record ReportingLineChanged(UUID personId, @MayBeAbsent UUID previousManagerId, @MayBeAbsent UUID managerId) implements PersonEvent {
}
