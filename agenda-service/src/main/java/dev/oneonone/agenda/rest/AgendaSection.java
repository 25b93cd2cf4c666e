package dev.oneonone.agenda.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

@Schema(name = "AgendaSection", requiredProperties = "kind", description = "One part of the agenda, in the order the meeting runs them: "
        + "COMPANION_TOPICS, CARRIED_OVER, AGREEMENTS_TO_REVIEW, LEADER_TOPICS. A topic section has 'topics', "
        + "the review section 'agreements'.")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AgendaSection(
        @Schema(enumeration = { "COMPANION_TOPICS", "CARRIED_OVER", "AGREEMENTS_TO_REVIEW", "LEADER_TOPICS" },
                example = "COMPANION_TOPICS") String kind,
        List<TopicView> topics,
        @Schema(description = "The series' agreements still open, made at earlier meetings.") List<AgreementView> agreements) {

    public static final String COMPANION_TOPICS = "COMPANION_TOPICS";
    public static final String CARRIED_OVER = "CARRIED_OVER";
    public static final String AGREEMENTS_TO_REVIEW = "AGREEMENTS_TO_REVIEW";
    public static final String LEADER_TOPICS = "LEADER_TOPICS";

    static AgendaSection topics(String kind, List<TopicView> topics) {
        return new AgendaSection(kind, topics, null);
    }

    static AgendaSection agreements(List<AgreementView> agreements) {
        return new AgendaSection(AGREEMENTS_TO_REVIEW, null, agreements);
    }
}
