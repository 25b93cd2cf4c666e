package dev.oneonone.agenda.domain;

import java.time.Instant;
import java.util.UUID;

import dev.oneonone.events.agenda.AuthorRole;
import dev.oneonone.events.agenda.TopicKind;

/**
 * Put a topic on the agenda. The meeting's status and start (as agenda-service knows them from
 * meetings-service) and the time now come with the command, so the aggregate stays plain.
 */
public record AddTopic(UUID topicId, TopicKind kind, AuthorRole authorRole, boolean askOtherSideToPrepare,
        String meetingStatus, Instant meetingStartsAt, Instant now) {
}
