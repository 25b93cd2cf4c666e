package dev.oneonone.events.meetings;

import java.time.LocalDate;
import java.util.UUID;

/** A person left the organisation; {@code lastDay} is their last working day. */
public record EmploymentEnded(UUID personId, LocalDate lastDay) implements PersonEvent {
}
