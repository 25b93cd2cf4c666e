package dev.oneonone.events.agenda;

import java.util.UUID;

/**
 * A topic left undiscussed at a held meeting (or any topic of a cancelled one) moved onto the agenda
 * of the series' next meeting. The event belongs to the agenda it arrives on ({@code meetingId});
 * {@code fromMeetingId} is the meeting it came from. {@code timesCarried} counts the carries so far,
 * this one included. When the series has no next meeting yet, the topic waits and this event is
 * recorded once that meeting is scheduled.
 */
public record TopicCarriedOver(
        UUID meetingId,
        UUID fromMeetingId,
        UUID seriesId,
        UUID topicId,
        TopicKind kind,
        AuthorRole authorRole,
        int timesCarried) implements MeetingAgendaEvent {
}
