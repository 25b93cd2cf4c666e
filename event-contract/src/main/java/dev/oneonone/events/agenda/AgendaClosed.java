package dev.oneonone.events.agenda;

import java.util.UUID;

/**
 * The meeting ended ({@code outcome}): its agenda takes no more topics. Recorded once on the meeting's own agenda
 * by carry-over, at the version it read, before the topics that leave it move on: a topic added at the same time is
 * either carried with them or refused, never left behind.
 */
public record AgendaClosed(UUID meetingId, UUID seriesId, MeetingOutcome outcome) implements MeetingAgendaEvent {
}
