package dev.oneonone.agenda.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.oneonone.agenda.projection.KnownMeeting;
import dev.oneonone.agenda.projection.KnownSeries;

@Schema(name = "Agenda", description = "The agenda of one meeting, as its two participants see it.")
public record AgendaView(
        @Schema(example = "5d0c7a3e-1f2b-4e6a-9c8d-7b3a2f1e0d99") UUID meetingId,
        UUID seriesId,
        @Schema(example = "2026-11-24T09:00:00Z") Instant scheduledFor,
        @Schema(description = "The first meeting of its series.") boolean firstOfSeries,
        @Schema(example = "SCHEDULED") String status,
        UUID leaderId,
        UUID companionId,
        @Schema(description = "Every topic in the order the meeting should run them: the companion's first, then those "
                + "carried over from earlier meetings, then the leader's, each group in the agenda's order.") List<TopicView> topics,
        @Schema(description = "The agenda as the meeting runs it: the companion's topics, the topics carried over, the "
                + "series' open agreements to review, the leader's topics.") List<AgendaSection> sections,
        @Schema(description = "The agreements made at this meeting, whatever became of them.") List<AgreementView> agreementsMade) {

    static AgendaView of(KnownMeeting meeting, KnownSeries series, List<TopicView> topics) {
        return of(meeting, series, topics, List.of(), List.of());
    }

    static AgendaView of(KnownMeeting meeting, KnownSeries series, List<TopicView> topics, List<AgendaSection> sections,
            List<AgreementView> agreementsMade) {
        return new AgendaView(meeting.meetingId, meeting.seriesId, meeting.scheduledFor, meeting.firstOfSeries,
                meeting.status, series.leaderId, series.companionId, topics, sections, agreementsMade);
    }
}
