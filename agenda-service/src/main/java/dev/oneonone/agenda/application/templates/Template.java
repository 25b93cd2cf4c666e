package dev.oneonone.agenda.application.templates;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An agenda template as the API and the agendas use it: an organisation's own (stored) or agenda-service's
 * built-in first-meeting template.
 *
 * @param firstMeeting applied to the first meeting of the organisation's new series
 */
public record Template(UUID id, String name, boolean firstMeeting, boolean builtIn, int version,
        List<TemplateQuestion> questions, Instant createdAt, Instant updatedAt) {
    public Template {
        questions = List.copyOf(questions);
    }
}
