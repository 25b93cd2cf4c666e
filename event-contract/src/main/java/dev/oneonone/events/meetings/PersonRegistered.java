package dev.oneonone.events.meetings;

import java.util.UUID;

/**
 * A person joined the organisation's directory.
 *
 * @param team       the organisation's code of the person's team, or null
 * @param department the organisation's code of the person's department, or null
 * @param managerId  the person they report to, or null
 */
public record PersonRegistered(UUID personId, String team, String department, UUID managerId)
        implements PersonEvent {
}
