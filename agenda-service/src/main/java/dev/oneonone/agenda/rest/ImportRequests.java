package dev.oneonone.agenda.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.oneonone.agenda.application.imports.AgendaHistory;
import dev.oneonone.events.agenda.DropReason;
import dev.oneonone.events.agenda.TopicKind;
import dev.oneonone.kit.input.MultilineText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The body of an agenda history import: topics and agreements of past meetings, with their real dates. */
public final class ImportRequests {
    public static final int MAX_MEETINGS = 1000;
    public static final int MAX_PER_MEETING = 200;
    public static final int MAX_DUE_DATE_CHANGES = 50;

    public static final String EXAMPLE = """
            {"meetings": [{"meetingId": "5d0c7a3e-1f2b-4e6a-9c8d-7b3a2f1e0d99",
              "topics": [
                {"authorId": "2b8e4a90-6c1d-4f3e-8b27-5a9d0c7e3f12", "title": "Promotion path to senior", "kind": "CAREER",
                 "addedAt": "2025-01-03T16:20:00Z", "discussed": true, "discussedAt": "2025-01-07T09:10:00Z"},
                {"authorId": "7f1c2f5e-3b7a-4d8e-9a51-0d6f2b9e1a01", "title": "Team reshuffle", "kind": "BIG_PICTURE",
                 "addedAt": "2025-01-06T08:00:00Z", "discussed": false}],
              "agreements": [
                {"ownerId": "2b8e4a90-6c1d-4f3e-8b27-5a9d0c7e3f12", "wording": "Draft the growth plan",
                 "madeAt": "2025-01-07T09:25:00Z", "dueOn": "2025-01-14",
                 "dueDateChanges": [{"dueOn": "2025-01-21", "changedAt": "2025-01-13T10:00:00Z"}],
                 "completedAt": "2025-01-20T15:00:00Z"},
                {"ownerId": "7f1c2f5e-3b7a-4d8e-9a51-0d6f2b9e1a01", "wording": "Ask finance about the budget",
                 "madeAt": "2025-01-07T09:28:00Z", "droppedAt": "2025-02-01T12:00:00Z", "dropReason": "NO_LONGER_NEEDED"}]}]}""";

    private ImportRequests() {
    }

    /** The import as the use case takes it, after the body passed its checks. */
    static List<AgendaHistory.PastMeeting> history(ImportAgendaHistoryRequest request) {
        return request.meetings().stream().map(meeting -> new AgendaHistory.PastMeeting(meeting.meetingId(),
                mapped(meeting.topics(), topic -> new AgendaHistory.PastTopic(topic.authorId(), topic.title(),
                        topic.details(), topic.kind(), topic.askOtherSideToPrepare(), topic.addedAt(), topic.discussed(),
                        topic.discussedAt())),
                mapped(meeting.agreements(), agreement -> new AgendaHistory.PastAgreement(agreement.ownerId(),
                        agreement.wording(), agreement.madeAt(), agreement.dueOn(),
                        mapped(agreement.dueDateChanges(),
                                change -> new AgendaHistory.PastDueDateChange(change.dueOn(), change.changedAt())),
                        agreement.completedAt(), agreement.droppedAt(), agreement.dropReason()))))
                .toList();
    }

    /** The answer: one entry per imported meeting, in the order sent. */
    static ImportResult result(List<AgendaHistory.ImportedMeeting> meetings) {
        return new ImportResult(meetings.stream()
                .map(m -> new ImportedMeetingResult(m.meetingId(), m.topicIds(), m.agreementIds())).toList());
    }

    /** A list mapped element by element; null (left out of the body) stays null. */
    private static <T, R> List<R> mapped(List<T> list, Function<T, R> map) {
        return list == null ? null : list.stream().map(map).toList();
    }

    @Schema(name = "ImportAgendaHistory", description = "Topics and agreements of past meetings, all or nothing.")
    public record ImportAgendaHistoryRequest(
            @NotEmpty @Size(max = MAX_MEETINGS) List<@Valid @NotNull ImportedMeetingRow> meetings) {
    }

    @Schema(name = "ImportedAgenda", description = "What was on one meeting's agenda and what was agreed there. The meeting "
            + "must be known here already (imported into meetings-service, whose events reach agenda-service).")
    public record ImportedMeetingRow(
            @NotNull UUID meetingId,
            @Size(max = MAX_PER_MEETING) List<@Valid @NotNull ImportedTopicRow> topics,
            @Size(max = MAX_PER_MEETING) List<@Valid @NotNull ImportedAgreementRow> agreements) {
    }

    @Schema(name = "ImportedTopic", description = "A topic as it was: who added it when, and whether it was discussed.")
    public record ImportedTopicRow(
            @Schema(description = "One of the two participants.") @NotNull UUID authorId,
            @NotBlank @Size(max = 200) @Schema(maxLength = 200, example = "Promotion path to senior") String title,
            @MultilineText @Size(max = 2000) @Schema(maxLength = 2000, nullable = true, description = "May span lines.") String details,
            @NotNull @Schema(example = "CAREER") TopicKind kind,
            boolean askOtherSideToPrepare,
            @Schema(description = "When it was added; the meeting's start when unknown.") Instant addedAt,
            boolean discussed,
            @Schema(description = "When it was discussed; the meeting's start when unknown.") Instant discussedAt) {
    }

    @Schema(name = "ImportedAgreement", description = "An agreement as it went: made, due date moved, completed or dropped.")
    public record ImportedAgreementRow(
            @Schema(description = "One of the two participants.") @NotNull UUID ownerId,
            @NotBlank @Size(max = 1000) @Schema(maxLength = 1000, example = "Draft the growth plan") String wording,
            @Schema(description = "When it was made; the meeting's start when unknown.") Instant madeAt,
            @Schema(example = "2025-01-14") LocalDate dueOn,
            @Size(max = MAX_DUE_DATE_CHANGES) List<@Valid @NotNull ImportedDueDateChangeRow> dueDateChanges,
            @Schema(description = "When it was completed; leave out unless it was.") Instant completedAt,
            @Schema(description = "When it was dropped; leave out unless it was (then dropReason is required).") Instant droppedAt,
            @Schema(example = "NO_LONGER_NEEDED") DropReason dropReason) {
    }

    @Schema(name = "ImportedDueDateChange", description = "One move of the due date (null: no due date from then on).")
    public record ImportedDueDateChangeRow(
            @Schema(example = "2025-01-21") LocalDate dueOn,
            @NotNull Instant changedAt) {
    }

    @Schema(name = "ImportedAgendaResult", description = "The ids given to the imported topics and agreements of one meeting, in the order sent.")
    public record ImportedMeetingResult(UUID meetingId, List<UUID> topicIds, List<UUID> agreementIds) {
    }

    @Schema(name = "AgendaImportResult", description = "One entry per imported meeting, in the order sent.")
    public record ImportResult(List<ImportedMeetingResult> meetings) {
    }
}
