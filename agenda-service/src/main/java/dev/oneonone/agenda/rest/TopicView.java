package dev.oneonone.agenda.rest;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.oneonone.agenda.projection.Topic;
import dev.oneonone.events.agenda.AuthorRole;
import dev.oneonone.events.agenda.TopicKind;

@Schema(name = "Topic", description = "One topic of a meeting's agenda.")
public record TopicView(
        @Schema(example = "8a1f0c3e-5b2d-4c7e-9f60-1d2e3f4a5b6c") UUID id,
        @Schema(nullable = true, description = "Null once deleted (contentDeleted).", example = "Moving to the platform team?") String title,
        @Schema(nullable = true, description = "Optional.", example = "What would the next six months look like there?") String details,
        @Schema(example = "CAREER") TopicKind kind,
        @Schema(description = "Which side added it; the companion's topics run first.", example = "COMPANION") AuthorRole authorRole,
        @Schema(description = "The author asks the other side to prepare.") boolean askOtherSideToPrepare,
        boolean discussed,
        @Schema(description = "How many times it moved on from a meeting that ended before it was discussed; 0 for a topic "
                + "on the agenda it was added to.", example = "0") int timesCarried,
        @Schema(nullable = true, description = "The meeting it was carried over from last, or null.") UUID carriedFromMeetingId,
        @Schema(description = "The title and details were deleted: the organisation's retention period for 1:1 content "
                + "ran out after the series ended (docs/privacy.md).") boolean contentDeleted) {

    public static TopicView of(Topic topic) {
        return new TopicView(topic.topicId, topic.title, topic.details, TopicKind.valueOf(topic.kind),
                AuthorRole.valueOf(topic.authorRole), topic.askToPrepare, topic.discussed, topic.timesCarried,
                topic.carriedFromMeetingId, topic.contentDeletedAt != null);
    }
}
