package dev.oneonone.agenda.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.oneonone.agenda.domain.Agenda.AgendaTopic;

/**
 * Where undiscussed topics go when a series' meetings change (PRODUCT.md, "Domain knowledge": undiscussed
 * topics carry over to the next meeting). The rule, applied on every change meetings-service reports
 * (scheduled, rescheduled, held, cancelled, missed):
 * <ul>
 * <li>A topic stays on the meeting it is on for as long as that meeting will still take place, wherever that
 * meeting is moved to (the agenda belongs to the meeting, as in a calendar).</li>
 * <li>It leaves when its meeting will not take place (cancelled, missed: every topic) or took place without
 * discussing it (held: the undiscussed ones), and goes to the series' next meeting that will take place
 * ({@link #nextMeeting}) at the moment of that change.</li>
 * <li>With no such meeting it waits (still shown on the meeting it left) and goes, on the first later change of
 * the series, to the meeting that has become the next one: a newly scheduled meeting, or one moved into the
 * future; unless it was marked discussed while it waited: then it stays.</li>
 * <li>A meeting that ended takes no more topics ({@link Agenda#close}), so none is added behind a carry.</li>
 * </ul>
 * So each undiscussed topic is on exactly one agenda, and a topic that moves always lands on the next meeting.
 */
public final class CarryOver {
    public static final String TOPIC_CARRIED_OVER = "topic-carried-over";

    /** How a meeting ended, as far as carry-over cares. */
    public enum Outcome {
        HELD,
        CANCELLED,
        MISSED
    }

    /** A meeting of the series as carry-over sees it: when it starts and where it stands. */
    public record SeriesMeeting(UUID meetingId, Instant startsAt, MeetingStatus status) {
    }

    private static final Comparator<SeriesMeeting> EARLIEST = Comparator.comparing(SeriesMeeting::startsAt)
            .thenComparing(SeriesMeeting::meetingId);

    private CarryOver() {
    }

    /**
     * The series' next meeting that will take place as of {@code now}: the earliest {@code SCHEDULED} meeting
     * that starts strictly after {@code now} (on a tie, the smaller id). A scheduled meeting that has already
     * started is not one: topics can no longer be put on it. Empty when the series has none.
     */
    public static Optional<SeriesMeeting> nextMeeting(Collection<SeriesMeeting> meetings, Instant now) {
        return meetings.stream()
                .filter(meeting -> meeting.status() == MeetingStatus.SCHEDULED && meeting.startsAt().isAfter(now))
                .min(EARLIEST);
    }

    /** The topics of {@code source} that leave it because the meeting ended so. */
    public static List<AgendaTopic> leaving(Agenda source, Outcome outcome) {
        return source.topics().stream()
                .filter(topic -> outcome != Outcome.HELD || !topic.discussed())
                .toList();
    }

    /**
     * The topics waiting in the series that left {@code source} ({@code waiting}) and go now: those still on it and
     * not marked discussed since its meeting ended (such a topic stays where it was discussed; one discussed at a
     * meeting later cancelled or missed still goes, as every topic of such a meeting does).
     */
    public static List<AgendaTopic> waitingToGo(Agenda source, Set<UUID> waiting) {
        return source.topics().stream()
                .filter(topic -> waiting.contains(topic.topicId()) && !source.discussedAfterClose(topic.topicId()))
                .toList();
    }

    /** The events that put the leaving topics of {@code source} on {@code destination}'s agenda. */
    public static Decision carry(Agenda source, Outcome outcome, UUID seriesId, Agenda destination,
            String destinationStatus) {
        return destination.receiveCarried(source.meetingId(), seriesId, leaving(source, outcome), destinationStatus);
    }
}
