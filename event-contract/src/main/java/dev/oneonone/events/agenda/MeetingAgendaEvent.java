package dev.oneonone.events.agenda;

import java.util.UUID;

/** An event of one meeting's agenda; the agenda is the aggregate and the meeting id its key. */
public sealed interface MeetingAgendaEvent extends AgendaEvent
        permits TopicAdded, TopicDiscussed, TopicCarriedOver, TopicsReordered, NoteWritten, TemplateApplied,
        AgendaClosed {
    String AGGREGATE_TYPE = "agenda";

    /** The meeting whose agenda this is. */
    UUID meetingId();

    @Override
    default UUID aggregateId() {
        return meetingId();
    }

    @Override
    default String aggregateType() {
        return AGGREGATE_TYPE;
    }
}
