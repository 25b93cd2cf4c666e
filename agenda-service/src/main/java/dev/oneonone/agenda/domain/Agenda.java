package dev.oneonone.agenda.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.oneonone.events.agenda.AgendaEvent;
import dev.oneonone.events.agenda.TopicAdded;
import dev.oneonone.events.agenda.TopicDiscussed;

/**
 * The agenda of one meeting, rebuilt from its events: which topics it holds and which of them were
 * discussed. Decides commands; never stores anything itself.
 */
public final class Agenda {
    /** The status a meeting has until it is held, cancelled or missed. */
    public static final String SCHEDULED = "SCHEDULED";

    private final UUID meetingId;
    /** topic id to whether it was discussed, in the order added */
    private final Map<UUID, Boolean> topics = new LinkedHashMap<>();
    private long version;

    private Agenda(UUID meetingId) {
        this.meetingId = meetingId;
    }

    /** The agenda as its history left it; an empty history is an empty agenda at version 0. */
    public static Agenda replay(UUID meetingId, List<? extends AgendaEvent> history) {
        Agenda agenda = new Agenda(meetingId);
        history.forEach(agenda::apply);
        return agenda;
    }

    public long version() {
        return version;
    }

    public UUID meetingId() {
        return meetingId;
    }

    public boolean hasTopic(UUID topicId) {
        return topics.containsKey(topicId);
    }

    public Decision addTopic(AddTopic command) {
        if (!SCHEDULED.equals(command.meetingStatus())) {
            return Decision.reject(Rejection.of(Rejection.MEETING_NOT_OPEN,
                    "The meeting is " + String.valueOf(command.meetingStatus()).toLowerCase()
                            + ": topics go on the agenda of a scheduled meeting."));
        }
        if (!command.now().isBefore(command.meetingStartsAt())) {
            return Decision.reject(Rejection.of(Rejection.MEETING_NOT_OPEN,
                    "The meeting has already started: topics go on the agenda before it starts."));
        }
        if (topics.containsKey(command.topicId())) {
            throw new IllegalArgumentException("Topic " + command.topicId() + " is already on the agenda");
        }
        return Decision.accept(new TopicAdded(meetingId, command.topicId(), command.kind(), command.authorRole(),
                command.askOtherSideToPrepare()));
    }

    public Decision markDiscussed(UUID topicId) {
        Boolean discussed = topics.get(topicId);
        if (discussed == null) {
            return Decision.reject(Rejection.of(Rejection.TOPIC_NOT_FOUND, "No topic " + topicId + " on this agenda."));
        }
        if (discussed) {
            return Decision.reject(Rejection.of(Rejection.TOPIC_ALREADY_DISCUSSED,
                    "The topic was already discussed."));
        }
        return Decision.accept(new TopicDiscussed(meetingId, topicId));
    }

    private void apply(AgendaEvent event) {
        if (event instanceof TopicAdded added) {
            topics.put(added.topicId(), false);
        } else if (event instanceof TopicDiscussed discussed) {
            topics.put(discussed.topicId(), true);
        }
        version++;
    }
}
