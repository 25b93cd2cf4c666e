package dev.oneonone.agenda.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.oneonone.events.agenda.AuthorRole;
import dev.oneonone.events.agenda.TopicKind;

/**
 * Put a template's questions on the agenda, one topic each, authored by the leader's side.
 *
 * @param byRole the participant who applies it; null when agenda-service applies a first-meeting template itself
 */
public record ApplyTemplate(UUID templateId, boolean builtIn, List<Question> questions, AuthorRole byRole,
        String meetingStatus, Instant meetingStartsAt, Instant now) {
    public ApplyTemplate {
        questions = List.copyOf(questions);
    }

    /** One question of the template, with the id its topic gets; its wording is not the aggregate's business. */
    public record Question(UUID topicId, TopicKind kind, boolean askOtherSideToPrepare) {
    }
}
