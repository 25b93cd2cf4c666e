package dev.oneonone.agenda.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.oneonone.events.agenda.TopicKind;
import dev.oneonone.kit.input.MultilineText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@Schema(name = "AddTopic", description = "A topic to put on the meeting's agenda. Its title and details stay in "
        + "agenda-service: no event carries them.")
public record AddTopicRequest(
        @NotBlank @Size(min = 1, max = 200) @Schema(required = true, minLength = 1, maxLength = 200,
                example = "Moving to the platform team?") String title,
        @MultilineText @Size(max = 2000) @Schema(maxLength = 2000, nullable = true, description = "May span lines.",
                example = "What would the next six months look like there?") String details,
        @NotNull @Schema(required = true, example = "CAREER") TopicKind kind,
        @Schema(description = "Ask the other side to prepare for it.", defaultValue = "false") boolean askOtherSideToPrepare) {
}
