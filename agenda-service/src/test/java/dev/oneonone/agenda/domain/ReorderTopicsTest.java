package dev.oneonone.agenda.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.oneonone.events.agenda.AgendaEvent;
import dev.oneonone.events.agenda.AuthorRole;
import dev.oneonone.events.agenda.TopicAdded;
import dev.oneonone.events.agenda.TopicDiscussed;
import dev.oneonone.events.agenda.TopicKind;
import dev.oneonone.events.agenda.TopicsReordered;

/** Reordering an agenda's topics: given past events, when ReorderTopics, then TopicsReordered or a rejection. */
class ReorderTopicsTest {
    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
    private static final Instant STARTS = Instant.parse("2026-11-24T09:00:00Z");
    private static final UUID MEETING = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final UUID A = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    private static final UUID B = UUID.fromString("00000000-0000-0000-0000-0000000000b2");
    private static final UUID C = UUID.fromString("00000000-0000-0000-0000-0000000000c3");

    private static TopicAdded added(UUID topic, AuthorRole role) {
        return new TopicAdded(MEETING, topic, TopicKind.PLANNING, role, false);
    }

    @Test
    void every_topic_once_in_a_new_order_is_recorded() {
        Decision decision = given(added(A, AuthorRole.COMPANION), added(B, AuthorRole.LEADER), added(C, AuthorRole.COMPANION))
                .reorderTopics(reorder(List.of(C, A, B), AuthorRole.LEADER, "SCHEDULED", NOW));

        assertEquals(Decision.accept(new TopicsReordered(MEETING, List.of(C, A, B), AuthorRole.LEADER)), decision);
    }

    @Test
    void discussed_topics_are_part_of_the_order_too() {
        Decision decision = given(added(A, AuthorRole.COMPANION), added(B, AuthorRole.COMPANION),
                new TopicDiscussed(MEETING, A)).reorderTopics(reorder(List.of(B, A), AuthorRole.COMPANION, "SCHEDULED", NOW));

        assertEquals(Decision.accept(new TopicsReordered(MEETING, List.of(B, A), AuthorRole.COMPANION)), decision);
    }

    @Test
    void an_order_that_leaves_a_topic_out_is_refused_and_names_it() {
        Decision decision = given(added(A, AuthorRole.COMPANION), added(B, AuthorRole.LEADER))
                .reorderTopics(reorder(List.of(B), AuthorRole.LEADER, "SCHEDULED", NOW));

        Rejection rejection = assertRejected(decision, Agenda.TOPIC_ORDER_MISMATCH);
        assertTrue(rejection.detail().contains("Missing: [" + A + "]"), rejection.detail());
    }

    @Test
    void an_order_with_a_topic_of_another_agenda_is_refused() {
        UUID stranger = UUID.randomUUID();
        Decision decision = given(added(A, AuthorRole.COMPANION))
                .reorderTopics(reorder(List.of(A, stranger), AuthorRole.LEADER, "SCHEDULED", NOW));

        assertTrue(assertRejected(decision, Agenda.TOPIC_ORDER_MISMATCH).detail().contains(stranger.toString()));
    }

    @Test
    void an_order_naming_a_topic_twice_is_refused() {
        Decision decision = given(added(A, AuthorRole.COMPANION), added(B, AuthorRole.LEADER))
                .reorderTopics(reorder(List.of(A, B, A), AuthorRole.LEADER, "SCHEDULED", NOW));

        assertTrue(assertRejected(decision, Agenda.TOPIC_ORDER_MISMATCH).detail().contains("more than once"));
    }

    @Test
    void no_reordering_once_the_meeting_started_or_when_it_is_no_longer_scheduled() {
        Agenda agenda = given(added(A, AuthorRole.COMPANION), added(B, AuthorRole.LEADER));

        assertRejected(agenda.reorderTopics(reorder(List.of(B, A), AuthorRole.LEADER, "SCHEDULED", STARTS)),
                Rejection.MEETING_NOT_OPEN);
        for (String status : List.of("HELD", "CANCELLED", "MISSED")) {
            assertRejected(agenda.reorderTopics(reorder(List.of(B, A), AuthorRole.LEADER, status, NOW)),
                    Rejection.MEETING_NOT_OPEN);
        }
    }

    @Test
    void a_reorder_counts_in_the_agendas_version_and_changes_no_topic() {
        Agenda agenda = given(added(A, AuthorRole.COMPANION), added(B, AuthorRole.LEADER),
                new TopicsReordered(MEETING, List.of(B, A), AuthorRole.LEADER));

        assertEquals(3, agenda.version());
        assertEquals(java.util.Set.of(A, B), agenda.topicIds());
        assertEquals(Decision.accept(new TopicDiscussed(MEETING, A)), agenda.markDiscussed(A));
    }

    private static Agenda given(AgendaEvent... history) {
        return Agenda.replay(MEETING, List.of(history));
    }

    private static ReorderTopics reorder(List<UUID> order, AuthorRole by, String status, Instant now) {
        return new ReorderTopics(order, by, status, STARTS, now);
    }

    private static Rejection assertRejected(Decision decision, String reason) {
        Rejection rejection = assertInstanceOf(Decision.Rejected.class, decision).rejection();
        assertEquals(reason, rejection.reason());
        return rejection;
    }
}
