package dev.oneonone.events.agenda;

import java.util.List;
import java.util.UUID;

/** A participant put the agenda's topics in a new order; {@code topicIds} is that order, every topic once. */
public record TopicsReordered(UUID meetingId, List<UUID> topicIds, AuthorRole byRole) implements MeetingAgendaEvent {
}
