package dev.oneonone.agenda.application.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.oneonone.agenda.projection.Topic;

/** The run order of an agenda: the companion's topics, then the carried-over ones, then the leader's. */
class RunOrderTest {

    @Test
    void companions_topics_then_carried_over_then_leaders_each_in_the_agendas_order() {
        List<Topic> inAgendaOrder = List.of(
                topic("leader first", "LEADER", 0),
                topic("carried, by the leader", "LEADER", 1),
                topic("companion first", "COMPANION", 0),
                topic("carried twice, by the companion", "COMPANION", 2),
                topic("leader second", "LEADER", 0),
                topic("companion second", "COMPANION", 0));

        RunOrder order = RunOrder.of(inAgendaOrder);

        assertEquals(List.of("companion first", "companion second"), titles(order.companions()));
        assertEquals(List.of("carried, by the leader", "carried twice, by the companion"), titles(order.carriedOver()));
        assertEquals(List.of("leader first", "leader second"), titles(order.leaders()));
        assertEquals(List.of("companion first", "companion second", "carried, by the leader",
                "carried twice, by the companion", "leader first", "leader second"), titles(order.topics()));
    }

    @Test
    void an_empty_agenda_has_empty_groups() {
        RunOrder order = RunOrder.of(List.of());

        assertEquals(List.of(), order.topics());
        assertEquals(List.of(), order.carriedOver());
    }

    private static Topic topic(String title, String role, int timesCarried) {
        Topic topic = new Topic();
        topic.topicId = UUID.randomUUID();
        topic.title = title;
        topic.authorRole = role;
        topic.timesCarried = timesCarried;
        return topic;
    }

    private static List<String> titles(List<Topic> topics) {
        return topics.stream().map(t -> t.title).toList();
    }
}
