package dev.oneonone.events.meetings;

import dev.oneonone.events.MayBeAbsent;
import java.util.UUID;

/**
 * A person joined the organisation's directory.
 *
 * @param team       the organisation's code of the person's team, or null
 * @param department the organisation's code of the person's department, or null
 * @param managerId  the person they report to, or null
 */
public record PersonRegistered(UUID personId, @MayBeAbsent String team, @MayBeAbsent String department, @MayBeAbsent UUID managerId)
        implements PersonEvent {
}
