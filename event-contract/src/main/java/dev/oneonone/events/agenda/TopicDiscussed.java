package dev.oneonone.events.agenda;

import java.util.UUID;

/** A topic of the meeting's agenda was discussed. */
public record TopicDiscussed(UUID meetingId, UUID topicId) implements MeetingAgendaEvent {
}
