package dev.oneonone.events.meetings;

import dev.oneonone.events.MayBeAbsent;

import java.util.UUID;

/**
 * A person's directory entry changed: team, department, or contact details that the event does
 * not carry (read them from the API). Carries the team and department as they are now.
 */
public record PersonDetailsChanged(UUID personId, @MayBeAbsent String team, @MayBeAbsent String department) implements PersonEvent {
}
