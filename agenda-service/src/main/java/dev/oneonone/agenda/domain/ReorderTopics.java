package dev.oneonone.agenda.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.oneonone.events.agenda.AuthorRole;

/**
 * Put the agenda's topics in a new order: {@code topicIds} names every topic of the agenda exactly once.
 * The meeting's status and start come with the command, as for {@link AddTopic}.
 */
public record ReorderTopics(List<UUID> topicIds, AuthorRole byRole, String meetingStatus, Instant meetingStartsAt,
        Instant now) {
    public ReorderTopics {
        topicIds = List.copyOf(topicIds);
    }
}
