package dev.oneonone.events.agenda;

import java.util.List;
import java.util.UUID;

import dev.oneonone.events.MayBeAbsent;

/**
 * A template's questions were put on a meeting's agenda as the topics {@code topicIds} (each recorded
 * by its own TopicAdded just before). {@code builtIn} tells agenda-service's own first-meeting template
 * from an organisation's; {@code byRole} is the participant who applied it, absent when agenda-service
 * applied a first-meeting template itself. The questions' wording stays in agenda-service.
 */
public record TemplateApplied(
        UUID meetingId,
        UUID templateId,
        boolean builtIn,
        List<UUID> topicIds,
        @MayBeAbsent AuthorRole byRole) implements MeetingAgendaEvent {
}
