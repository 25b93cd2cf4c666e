package dev.oneonone.events.meetings;

import java.util.UUID;

/**
 * A notified end of employment is withdrawn before it took effect (before the day after its last day): the person
 * stays employed with no end recorded, as if no {@link EmploymentEnded} had been recorded for this period.
 */
public record EmploymentEndWithdrawn(UUID personId) implements PersonEvent {
}
