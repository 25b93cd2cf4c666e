package dev.oneonone.insights.domain.figures;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import dev.oneonone.events.agenda.AuthorRole;
import dev.oneonone.events.meetings.Cadence;
import dev.oneonone.events.meetings.Relationship;

/**
 * Everything that ever happened to one series, as the projections keep it: each fact with when it
 * happened ({@code occurredAt} of its event), so that figures can be computed as of any date from
 * what was known by then. Lists need no particular order.
 *
 * @param endedAt when the series ended (the start of its {@code endedOn} day when SeriesEnded gives one), or null
 */
public record SeriesTimeline(
        UUID seriesId,
        String organisationId,
        UUID leaderId,
        UUID companionId,
        Relationship relationship,
        Cadence initialCadence,
        ZoneId zone,
        LocalDate startsOn,
        Instant endedAt,
        List<SeriesChange> changes,
        List<MeetingRecord> meetings,
        List<AgreementRecord> agreements) {

    public SeriesTimeline {
        changes = List.copyOf(changes);
        meetings = List.copyOf(meetings);
        agreements = List.copyOf(agreements);
    }

    /** A change of the series' rhythm; {@code version} orders changes recorded at the same instant. */
    public record SeriesChange(Kind kind, Instant occurredAt, long version, Cadence cadence, LocalDate from,
            LocalDate until) {
        public enum Kind {
            /** The cadence became {@code cadence} on the day it occurred. */
            CADENCE,
            /** Paused from {@code from} to {@code until}, both included. */
            PAUSE,
            /** A pause covering {@code from} ended early: active again from {@code from}. */
            RESUME
        }

        public static SeriesChange cadence(Instant at, long version, Cadence to) {
            return new SeriesChange(Kind.CADENCE, at, version, to, null, null);
        }

        public static SeriesChange pause(Instant at, long version, LocalDate from, LocalDate until) {
            return new SeriesChange(Kind.PAUSE, at, version, null, from, until);
        }

        public static SeriesChange resume(Instant at, long version, LocalDate resumedOn) {
            return new SeriesChange(Kind.RESUME, at, version, null, resumedOn, null);
        }
    }

    /**
     * One meeting. {@code scheduledAt} is when it was put on the calendar (null when its scheduling
     * has not arrived, e.g. only its agenda is known); {@code heldAt} when it took place (the time the
     * meeting reported, not when that was recorded); {@code firstCompanionTopicAt} when the first topic
     * of the companion arrived on its agenda (added or carried over), or null.
     */
    public record MeetingRecord(UUID meetingId, Instant scheduledFor, Instant scheduledAt, List<Move> moves,
            Instant heldAt, Integer actualMinutes, Instant cancelledAt, Instant missedAt,
            Instant firstCompanionTopicAt) {
        public MeetingRecord {
            moves = moves == null ? List.of() : List.copyOf(moves);
        }
    }

    /** A reschedule: the meeting moved to {@code to}, decided at {@code occurredAt}. */
    public record Move(Instant to, Instant occurredAt) {
    }

    /** One agreement, its due-date history and how it closed. {@code dueOn} is the due date it was made with. */
    public record AgreementRecord(UUID agreementId, AuthorRole ownerRole, Instant madeAt, LocalDate dueOn,
            List<DueChange> dueChanges, Instant completedAt, Instant droppedAt) {
        public AgreementRecord {
            dueChanges = dueChanges == null ? List.of() : List.copyOf(dueChanges);
        }
    }

    /** The due date became {@code dueOn} (null: no due date any more) at {@code occurredAt}. */
    public record DueChange(LocalDate dueOn, Instant occurredAt) {
    }
}
