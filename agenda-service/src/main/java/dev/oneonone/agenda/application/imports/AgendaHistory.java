package dev.oneonone.agenda.application.imports;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dev.oneonone.events.agenda.DropReason;
import dev.oneonone.events.agenda.TopicKind;

/**
 * What an agenda history import brings in and what it answers, as {@link AgendaHistoryImport} takes it
 * (the REST layer checks the body's shape and limits first). Times are the real ones; null where unknown.
 */
public final class AgendaHistory {
    private AgendaHistory() {
    }

    /** What was on one meeting's agenda and what was agreed there; the meeting must be known here already. */
    public record PastMeeting(UUID meetingId, List<PastTopic> topics, List<PastAgreement> agreements) {
    }

    /** A topic as it was: who added it when (null: the meeting's start), and whether and when it was discussed. */
    public record PastTopic(UUID authorId, String title, String details, TopicKind kind, boolean askOtherSideToPrepare,
            Instant addedAt, boolean discussed, Instant discussedAt) {
    }

    /** An agreement as it went: made (null: at the meeting's start), due date moved, completed or dropped. */
    public record PastAgreement(UUID ownerId, String wording, Instant madeAt, LocalDate dueOn,
            List<PastDueDateChange> dueDateChanges, Instant completedAt, Instant droppedAt, DropReason dropReason) {
    }

    /** One move of the due date (null: no due date from then on). */
    public record PastDueDateChange(LocalDate dueOn, Instant changedAt) {
    }

    /** The ids given to the imported topics and agreements of one meeting, in the order sent. */
    public record ImportedMeeting(UUID meetingId, List<UUID> topicIds, List<UUID> agreementIds) {
    }
}
