package dev.oneonone.events.meetings;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A person leaves (or left) the organisation; {@code lastDay} is their last working day, a day of the
 * organisation's calendar. They are in the directory up to and including it; the event's {@code ce_time} is the
 * start of the day after, when the leave takes effect (its {@code ce_recordedtime} may be earlier: a notified leave).
 * Until it takes effect a later EmploymentEnded corrects the last day (the latest one counts) and
 * {@link EmploymentEndWithdrawn} withdraws it.
 */
public record EmploymentEnded(UUID personId, LocalDate lastDay) implements PersonEvent {
}
