package dev.oneonone.events.agenda;

import java.util.UUID;

/**
 * A topic was put on a meeting's agenda by one of its two participants. Its title and details are
 * not part of the event: they stay in agenda-service.
 */
public record TopicAdded(
        UUID meetingId,
        UUID topicId,
        TopicKind kind,
        AuthorRole authorRole,
        boolean askOtherSideToPrepare) implements MeetingAgendaEvent {
}
