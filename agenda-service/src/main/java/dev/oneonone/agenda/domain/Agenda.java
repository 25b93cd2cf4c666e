package dev.oneonone.agenda.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.oneonone.events.agenda.AgendaClosed;
import dev.oneonone.events.agenda.AgendaEvent;
import dev.oneonone.events.agenda.AuthorRole;
import dev.oneonone.events.agenda.MeetingOutcome;
import dev.oneonone.events.agenda.TemplateApplied;
import dev.oneonone.events.agenda.TopicAdded;
import dev.oneonone.events.agenda.TopicCarriedOver;
import dev.oneonone.events.agenda.TopicDiscussed;
import dev.oneonone.events.agenda.TopicsReordered;
import dev.oneonone.events.agenda.TopicKind;

/**
 * The agenda of one meeting, rebuilt from its events: which topics it holds and which of them were
 * discussed. Decides commands; never stores anything itself. Its history may also hold the
 * {@link TopicCarriedOver} events of other agendas that took topics away from this one: they remove
 * the topic here and do not count towards this agenda's version.
 */
public final class Agenda {
    private static final String SCHEDULED = MeetingStatus.SCHEDULED.name();

    private final UUID meetingId;
    /** topic id to whether it was discussed, in the order added */
    private final Map<UUID, Boolean> topics = new LinkedHashMap<>();
    /** template id to the topics its application put on the agenda */
    private final Map<UUID, List<UUID>> appliedTemplates = new HashMap<>();
    /** what a carry-over needs to know of each topic here: kind, author's side, carries so far */
    private final Map<UUID, AgendaTopic> topicDetails = new LinkedHashMap<>();
    /** topics that were here once and moved on to a later meeting */
    private final Set<UUID> carriedAway = new HashSet<>();
    /** how the meeting ended, once carry-over recorded it ({@link AgendaClosed}); null while it has not */
    private MeetingOutcome closed;
    /** topics marked discussed after the agenda was closed: while they waited for the series' next meeting */
    private final Set<UUID> discussedAfterClose = new HashSet<>();
    private long version;

    /** A topic on this agenda as carry-over sees it; {@code timesCarried} counts the carries that brought it here. */
    public record AgendaTopic(UUID topicId, TopicKind kind,
            AuthorRole authorRole, boolean discussed, int timesCarried) {
    }

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
        if (closed != null) {
            return Decision.reject(endedRejection("topics go on the agenda of a scheduled meeting."));
        }
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

    /** The topics on this agenda now, in the order they arrived. */
    public List<AgendaTopic> topics() {
        return topicDetails.values().stream().map(topic -> new AgendaTopic(topic.topicId(), topic.kind(),
                topic.authorRole(), topics.get(topic.topicId()), topic.timesCarried())).toList();
    }

    public Decision markDiscussed(UUID topicId) {
        Boolean discussed = topics.get(topicId);
        if (discussed == null && carriedAway.contains(topicId)) {
            return Decision.reject(Rejection.of(CarryOver.TOPIC_CARRIED_OVER,
                    "The topic was carried over to a later meeting: mark it discussed there."));
        }
        if (discussed == null) {
            return Decision.reject(Rejection.of(Rejection.TOPIC_NOT_FOUND, "No topic " + topicId + " on this agenda."));
        }
        if (discussed) {
            return Decision.reject(Rejection.of(Rejection.TOPIC_ALREADY_DISCUSSED,
                    "The topic was already discussed."));
        }
        return Decision.accept(new TopicDiscussed(meetingId, topicId));
    }

    /**
     * Puts the agenda's topics in the order given, before the meeting starts. The order names every
     * topic of the agenda exactly once; otherwise (a topic missing, unknown, or twice) it is refused.
     */
    public Decision reorderTopics(ReorderTopics command) {
        Rejection notOpen = notOpen(command.meetingStatus(), command.meetingStartsAt(), command.now(), "reordered");
        if (notOpen != null) {
            return Decision.reject(notOpen);
        }
        List<UUID> missing = new ArrayList<>(topics.keySet());
        missing.removeAll(command.topicIds());
        List<UUID> unknown = command.topicIds().stream().filter(id -> !topics.containsKey(id)).distinct().toList();
        Set<UUID> seen = new HashSet<>();
        List<UUID> twice = command.topicIds().stream().filter(id -> !seen.add(id)).distinct().toList();
        if (!missing.isEmpty() || !unknown.isEmpty() || !twice.isEmpty()) {
            StringBuilder detail = new StringBuilder("The order must name every topic of the agenda exactly once.");
            if (!missing.isEmpty()) {
                detail.append(" Missing: ").append(missing).append('.');
            }
            if (!unknown.isEmpty()) {
                detail.append(" Not on this agenda: ").append(unknown).append('.');
            }
            if (!twice.isEmpty()) {
                detail.append(" Named more than once: ").append(twice).append('.');
            }
            return Decision.reject(Rejection.of(TOPIC_ORDER_MISMATCH, detail.toString()));
        }
        return Decision.accept(new TopicsReordered(meetingId, command.topicIds(), command.byRole()));
    }

    /**
     * Puts a template's questions on the agenda as topics of the leader's side, then records which
     * template it was. Applying the same template to the same agenda again changes nothing (no events).
     */
    public Decision applyTemplate(ApplyTemplate command) {
        if (appliedTemplates.containsKey(command.templateId())) {
            return Decision.accept();
        }
        Rejection notOpen = notOpen(command.meetingStatus(), command.meetingStartsAt(), command.now(), "prepared");
        if (notOpen != null) {
            return Decision.reject(notOpen);
        }
        List<AgendaEvent> events = new ArrayList<>();
        for (ApplyTemplate.Question question : command.questions()) {
            if (topics.containsKey(question.topicId())) {
                throw new IllegalArgumentException("Topic " + question.topicId() + " is already on the agenda");
            }
            events.add(new TopicAdded(meetingId, question.topicId(), question.kind(), AuthorRole.LEADER,
                    question.askOtherSideToPrepare()));
        }
        events.add(new TemplateApplied(meetingId, command.templateId(), command.builtIn(),
                command.questions().stream().map(ApplyTemplate.Question::topicId).toList(), command.byRole()));
        return new Decision.Accepted(events);
    }

    /** The topics a template put on this agenda, when it was applied; null when it was not. */
    public List<UUID> topicsOfTemplate(UUID templateId) {
        return appliedTemplates.get(templateId);
    }

    /** True for a topic marked discussed after the meeting ended: it no longer waits to move on. */
    public boolean discussedAfterClose(UUID topicId) {
        return discussedAfterClose.contains(topicId);
    }

    /** The ids of the agenda's topics, in the order added. */
    public Set<UUID> topicIds() {
        return Collections.unmodifiableSet(topics.keySet());
    }

    /**
     * Why the agenda can no longer be changed, or null while it can: a scheduled meeting that has not started and
     * whose agenda was not closed.
     */
    private Rejection notOpen(String status, Instant startsAt, Instant now, String what) {
        if (closed != null) {
            return endedRejection("only the agenda of a scheduled meeting is " + what + ".");
        }
        if (!SCHEDULED.equals(status)) {
            return Rejection.of(Rejection.MEETING_NOT_OPEN, "The meeting is " + String.valueOf(status).toLowerCase()
                    + ": only the agenda of a scheduled meeting is " + what + ".");
        }
        if (!now.isBefore(startsAt)) {
            return Rejection.of(Rejection.MEETING_NOT_OPEN,
                    "The meeting has already started: its agenda is " + what + " before it starts.");
        }
        return null;
    }

    private Rejection endedRejection(String rule) {
        return Rejection.of(Rejection.MEETING_NOT_OPEN, "The meeting was " + closed.name().toLowerCase() + ": " + rule);
    }

    /**
     * Records that the meeting ended ({@link AgendaClosed}): from then on the agenda takes no topics, whatever the
     * caller's copy of the meeting says. Once only: an agenda already closed (a missed meeting recorded held later)
     * records nothing.
     */
    public Decision close(UUID seriesId, CarryOver.Outcome outcome) {
        if (closed != null) {
            return Decision.accept();
        }
        return Decision.accept(new AgendaClosed(meetingId, seriesId, MeetingOutcome.valueOf(outcome.name())));
    }

    /** Reason of a refused order: it does not name every topic of the agenda exactly once. */
    public static final String TOPIC_ORDER_MISMATCH = "topic-order-mismatch";

    /**
     * Takes topics carried over from {@code fromMeetingId}: one {@link TopicCarriedOver} each, counting
     * this carry; a topic already here (a retried carry) is left alone.
     */
    public Decision receiveCarried(UUID fromMeetingId, UUID seriesId, List<AgendaTopic> arriving, String meetingStatus) {
        if (closed != null || !SCHEDULED.equals(meetingStatus)) {
            return Decision.reject(Rejection.of(Rejection.MEETING_NOT_OPEN,
                    "Topics are carried over to a scheduled meeting only."));
        }
        return new Decision.Accepted(arriving.stream()
                .filter(topic -> !topics.containsKey(topic.topicId()))
                .<AgendaEvent>map(topic -> new TopicCarriedOver(meetingId, fromMeetingId, seriesId, topic.topicId(),
                        topic.kind(), topic.authorRole(), topic.timesCarried() + 1))
                .toList());
    }

    private void apply(AgendaEvent event) {
        if (event instanceof TopicCarriedOver carriedOver && !meetingId.equals(carriedOver.meetingId())) {
            // another agenda took this topic: it left here, and this agenda's own stream did not move
            topics.remove(carriedOver.topicId());
            topicDetails.remove(carriedOver.topicId());
            carriedAway.add(carriedOver.topicId());
            return;
        }
        if (event instanceof TopicCarriedOver carriedOver) {
            topics.put(carriedOver.topicId(), false);
            topicDetails.put(carriedOver.topicId(), new AgendaTopic(carriedOver.topicId(), carriedOver.kind(),
                    carriedOver.authorRole(), false, carriedOver.timesCarried()));
            carriedAway.remove(carriedOver.topicId());
        } else if (event instanceof TopicAdded added) {
            topicDetails.put(added.topicId(), new AgendaTopic(added.topicId(), added.kind(), added.authorRole(), false, 0));
            topics.put(added.topicId(), false);
        } else if (event instanceof TopicDiscussed discussed) {
            topics.put(discussed.topicId(), true);
            if (closed != null) {
                discussedAfterClose.add(discussed.topicId());
            }
        } else if (event instanceof TemplateApplied applied) {
            appliedTemplates.put(applied.templateId(), applied.topicIds());
        } else if (event instanceof AgendaClosed ended) {
            closed = ended.outcome();
        }
        version++;
    }
}
