package dev.oneonone.meetings.rest.webhooks;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The request bodies of {@link WebhooksResource}. */
public final class WebhookRequests {
    static final String TYPES_DESCRIPTION = "CloudEvents types of the public contract (the AsyncAPI documents of the "
            + "three services) to receive; left out: every type.";

    private WebhookRequests() {
    }

    /** Registers an endpoint. */
    @Schema(name = "CreateWebhookEndpoint", description = "Where to POST the organisation's events, and which.")
    public record CreateEndpoint(
            @Schema(description = "An absolute https URL (http only where the service allows it: local runs)",
                    example = "https://hooks.example.com/oneonone", maxLength = 2000)
            @NotBlank @Size(max = 2000) String url,
            @Schema(example = "HR platform sync", maxLength = 200, nullable = true) @Size(max = 200) String description,
            @Schema(description = TYPES_DESCRIPTION, nullable = true, maxItems = 100,
                    example = "[\"oneonone.meetings.SeriesStarted\", \"oneonone.meetings.MeetingScheduled\"]")
            @Size(min = 1, max = 100) List<@Size(max = 100) String> eventTypes) {
    }

    /** Changes an endpoint: the fields given, the others stay. */
    @Schema(name = "ChangeWebhookEndpoint", description = "The fields to change; those left out stay as they are.")
    public record ChangeEndpoint(
            @Schema(example = "https://hooks.example.com/oneonone/v2", maxLength = 2000, nullable = true)
            @Size(min = 1, max = 2000) String url,
            @Schema(example = "HR platform sync", maxLength = 200, nullable = true) @Size(max = 200) String description,
            @Schema(description = TYPES_DESCRIPTION, nullable = true, maxItems = 100,
                    example = "[\"oneonone.meetings.SeriesStarted\"]")
            @Size(min = 1, max = 100) List<@Size(max = 100) String> eventTypes,
            @Schema(description = "false stops sending (recorded deliveries wait; none is recorded meanwhile); true "
                    + "resumes, also after the service disabled the endpoint", example = "true", nullable = true)
            Boolean enabled) {
    }
}
