package dev.oneonone.agenda.application.topics;

import java.util.ArrayList;
import java.util.List;

import dev.oneonone.agenda.projection.Topic;
import dev.oneonone.events.agenda.AuthorRole;

/**
 * The topics of an agenda in the order the meeting should run them: the companion's own first, then
 * those carried over from earlier meetings (whoever wrote them), then the leader's. The series' open
 * agreements are reviewed between the carried-over topics and the leader's (see the agenda view).
 * Within each group the agenda's own order holds: {@link #WITHIN_GROUP} is the one place that says what it is.
 */
public record RunOrder(List<Topic> companions, List<Topic> carriedOver, List<Topic> leaders) {
    /** The agenda's own order of topics, as a query's order clause over {@link Topic}: the order they arrived in. */
    public static final String WITHIN_GROUP = "position, addedAt, topicId";

    /** Splits topics, given in the agenda's own order, into the groups of the run order. */
    public static RunOrder of(List<Topic> inAgendaOrder) {
        List<Topic> companions = new ArrayList<>();
        List<Topic> carriedOver = new ArrayList<>();
        List<Topic> leaders = new ArrayList<>();
        for (Topic topic : inAgendaOrder) {
            if (topic.timesCarried > 0) {
                carriedOver.add(topic);
            } else if (AuthorRole.COMPANION.name().equals(topic.authorRole)) {
                companions.add(topic);
            } else {
                leaders.add(topic);
            }
        }
        return new RunOrder(List.copyOf(companions), List.copyOf(carriedOver), List.copyOf(leaders));
    }

    /** Every topic in run order. */
    public List<Topic> topics() {
        List<Topic> all = new ArrayList<>(companions);
        all.addAll(carriedOver);
        all.addAll(leaders);
        return all;
    }
}
