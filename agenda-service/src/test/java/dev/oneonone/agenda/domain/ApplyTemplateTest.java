package dev.oneonone.agenda.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.oneonone.events.agenda.AgendaEvent;
import dev.oneonone.events.agenda.AuthorRole;
import dev.oneonone.events.agenda.TemplateApplied;
import dev.oneonone.events.agenda.TopicAdded;
import dev.oneonone.events.agenda.TopicKind;

/** Applying a template: given the agenda's events, when ApplyTemplate, then TopicAdded per question and TemplateApplied. */
class ApplyTemplateTest {
    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
    private static final Instant STARTS = Instant.parse("2026-11-24T09:00:00Z");
    private static final UUID MEETING = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final UUID TEMPLATE = UUID.fromString("00000000-0000-0000-0000-0000000000f1");
    private static final UUID Q1 = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    private static final UUID Q2 = UUID.fromString("00000000-0000-0000-0000-0000000000a2");
    private static final List<ApplyTemplate.Question> QUESTIONS = List.of(
            new ApplyTemplate.Question(Q1, TopicKind.PERSONAL, true),
            new ApplyTemplate.Question(Q2, TopicKind.PLANNING, false));

    @Test
    void each_question_becomes_a_topic_of_the_leaders_side_then_the_application_is_recorded() {
        Decision decision = given().applyTemplate(apply(null, "SCHEDULED", NOW));

        assertEquals(new Decision.Accepted(List.of(
                new TopicAdded(MEETING, Q1, TopicKind.PERSONAL, AuthorRole.LEADER, true),
                new TopicAdded(MEETING, Q2, TopicKind.PLANNING, AuthorRole.LEADER, false),
                new TemplateApplied(MEETING, TEMPLATE, true, List.of(Q1, Q2), null))), decision);
    }

    @Test
    void a_participant_applying_it_is_named_by_side() {
        Decision decision = given().applyTemplate(apply(AuthorRole.COMPANION, "SCHEDULED", NOW));

        List<AgendaEvent> events = assertInstanceOf(Decision.Accepted.class, decision).events();
        assertEquals(new TemplateApplied(MEETING, TEMPLATE, true, List.of(Q1, Q2), AuthorRole.COMPANION),
                events.get(events.size() - 1));
    }

    @Test
    void the_same_template_applied_again_adds_nothing() {
        Agenda agenda = given(new TopicAdded(MEETING, Q1, TopicKind.PERSONAL, AuthorRole.LEADER, true),
                new TopicAdded(MEETING, Q2, TopicKind.PLANNING, AuthorRole.LEADER, false),
                new TemplateApplied(MEETING, TEMPLATE, true, List.of(Q1, Q2), null));

        ApplyTemplate again = new ApplyTemplate(TEMPLATE, true, List.of(
                new ApplyTemplate.Question(UUID.randomUUID(), TopicKind.PERSONAL, true)), AuthorRole.LEADER,
                "SCHEDULED", STARTS, NOW);
        assertEquals(Decision.accept(), agenda.applyTemplate(again));
        assertEquals(List.of(Q1, Q2), agenda.topicsOfTemplate(TEMPLATE));
        assertNull(agenda.topicsOfTemplate(UUID.randomUUID()));
    }

    @Test
    void no_template_on_a_meeting_that_started_or_is_not_scheduled() {
        assertEquals(Rejection.MEETING_NOT_OPEN, assertInstanceOf(Decision.Rejected.class,
                given().applyTemplate(apply(null, "SCHEDULED", STARTS))).rejection().reason());
        assertEquals(Rejection.MEETING_NOT_OPEN, assertInstanceOf(Decision.Rejected.class,
                given().applyTemplate(apply(null, "CANCELLED", NOW))).rejection().reason());
    }

    private static Agenda given(AgendaEvent... history) {
        return Agenda.replay(MEETING, List.of(history));
    }

    private static ApplyTemplate apply(AuthorRole by, String status, Instant now) {
        return new ApplyTemplate(TEMPLATE, true, QUESTIONS, by, status, STARTS, now);
    }
}
