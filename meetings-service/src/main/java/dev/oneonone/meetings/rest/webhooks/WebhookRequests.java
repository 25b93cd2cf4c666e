package dev.oneonone.meetings.rest.webhooks;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonIgnore;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The request bodies of {@link WebhooksResource}. */
public final class WebhookRequests {
    static final String TYPES_DESCRIPTION = "CloudEvents types of the public contract (the AsyncAPI documents of the "
            + "three services) to receive; left out: every type.";
    static final String CHANGE_TYPES_DESCRIPTION = "CloudEvents types of the public contract to receive from now on; "
            + "null: every type (as on registration without eventTypes); left out: as they are.";

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

    /**
     * Changes an endpoint: the fields given, the others stay. {@code eventTypes} alone tells a field given as null (back
     * to every type, as on registration without it) from one left out (kept), so it is a class with setters.
     */
    @Schema(name = "ChangeWebhookEndpoint", description = "The fields to change; those left out stay as they are.")
    public static final class ChangeEndpoint {
        @Schema(example = "https://hooks.example.com/oneonone/v2", maxLength = 2000, nullable = true)
        @Size(min = 1, max = 2000)
        private String url;
        @Schema(example = "HR platform sync", maxLength = 200, nullable = true)
        @Size(max = 200)
        private String description;
        @Schema(description = CHANGE_TYPES_DESCRIPTION, nullable = true, maxItems = 100,
                example = "[\"oneonone.meetings.SeriesStarted\"]")
        @Size(min = 1, max = 100)
        private List<@Size(max = 100) String> eventTypes;
        @JsonIgnore
        private boolean eventTypesGiven;
        @Schema(description = "false stops sending (recorded deliveries wait; none is recorded meanwhile); true "
                + "resumes, also after the service disabled the endpoint", example = "true", nullable = true)
        private Boolean enabled;

        public ChangeEndpoint() {
        }

        public ChangeEndpoint(String url, String description, List<String> eventTypes, Boolean enabled) {
            this.url = url;
            this.description = description;
            setEventTypes(eventTypes);
            this.enabled = enabled;
        }

        public String url() {
            return url;
        }

        public String description() {
            return description;
        }

        public List<String> eventTypes() {
            return eventTypes;
        }

        /** Whether eventTypes was in the body, null included. */
        public boolean eventTypesGiven() {
            return eventTypesGiven;
        }

        public Boolean enabled() {
            return enabled;
        }

        public void setUrl(String url) {
            this.url = url;
        }

        public void setDescription(String description) {
            this.description = description;
        }

        public void setEventTypes(List<String> eventTypes) {
            this.eventTypes = eventTypes;
            this.eventTypesGiven = true;
        }

        public void setEnabled(Boolean enabled) {
            this.enabled = enabled;
        }
    }
}
