package dev.oneonone.agenda.rest;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.oneonone.agenda.application.retention.RetentionPolicies;
import dev.oneonone.agenda.projection.ContentRetention;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** The bodies of GET and PUT /organisation/retention. */
public final class RetentionBodies {
    static final String REQUEST_EXAMPLE = """
            {"contentRetentionDays": 365}""";
    static final String VIEW_EXAMPLE = """
            {"contentRetentionDays": 365, "changedAt": "2026-11-30T06:00:00Z"}""";

    private RetentionBodies() {
    }

    @Schema(name = "ContentRetentionChange", description = "How long the organisation keeps 1:1 content (topics, notes, "
            + "agreements' wording) after a series ends. Null or left out: kept as long as the series.")
    public record RetentionRequest(
            @Min(1) @Max(RetentionPolicies.MAX_DAYS) @Schema(nullable = true, minimum = "1", maximum = "36500",
                    description = "Days after the series' end; its content is deleted within the hour after they have passed.",
                    example = "365") Integer contentRetentionDays) {
    }

    @Schema(name = "ContentRetention", description = "The organisation's retention period for 1:1 content; both fields "
            + "are always written, null when unset.")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record RetentionView(
            @JsonInclude(JsonInclude.Include.ALWAYS) @Schema(required = true, nullable = true, description = "Days after a series ends that its 1:1 content is kept; null: kept "
                    + "as long as the series.", example = "365") Integer contentRetentionDays,
            @Schema(required = true, nullable = true, description = "When it was last set; null while it was never set.",
                    example = "2026-11-30T06:00:00Z") Instant changedAt) {

        static RetentionView of(ContentRetention setting) {
            return new RetentionView(setting.contentRetentionDays, setting.changedAt);
        }
    }
}
