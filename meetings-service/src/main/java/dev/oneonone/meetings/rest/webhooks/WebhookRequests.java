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
     * Changes an endpoint: the fields given, the others stay. A field given as null differs from one left out
     * ({@code eventTypes}: back to every type; {@code description}: cleared; {@code url}, {@code enabled}: refused),
     * so it is a class with setters that note which fields the body had.
     */
    @Schema(name = "ChangeWebhookEndpoint", description = "The fields to change; those left out stay as they are.")
    public static final class ChangeEndpoint {
        @Schema(example = "https://hooks.example.com/oneonone/v2", maxLength = 2000)
        @Size(min = 1, max = 2000)
        private String url;
        @JsonIgnore
        private boolean urlGiven;
        @Schema(description = "null: no description", example = "HR platform sync", maxLength = 200, nullable = true)
        @Size(max = 200)
        private String description;
        @JsonIgnore
        private boolean descriptionGiven;
        @Schema(description = CHANGE_TYPES_DESCRIPTION, nullable = true, maxItems = 100,
                example = "[\"oneonone.meetings.SeriesStarted\"]")
        @Size(min = 1, max = 100)
        private List<@Size(max = 100) String> eventTypes;
        @JsonIgnore
        private boolean eventTypesGiven;
        @Schema(description = "false stops sending (recorded deliveries wait; none is recorded meanwhile); true "
                + "resumes, also after the service disabled the endpoint", example = "true")
        private Boolean enabled;
        @JsonIgnore
        private boolean enabledGiven;

        public ChangeEndpoint() {
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

        /** Whether description was in the body, null included (null clears it). */
        public boolean descriptionGiven() {
            return descriptionGiven;
        }

        /** The fields given as null that cannot be null (url, enabled); empty when none. */
        public List<String> nullsRefused() {
            List<String> fields = new java.util.ArrayList<>();
            if (urlGiven && url == null) {
                fields.add("url");
            }
            if (enabledGiven && enabled == null) {
                fields.add("enabled");
            }
            return fields;
        }

        public void setUrl(String url) {
            this.url = url;
            this.urlGiven = true;
        }

        public void setDescription(String description) {
            this.description = description;
            this.descriptionGiven = true;
        }

        public void setEventTypes(List<String> eventTypes) {
            this.eventTypes = eventTypes;
            this.eventTypesGiven = true;
        }

        public void setEnabled(Boolean enabled) {
            this.enabled = enabled;
            this.enabledGiven = true;
        }
    }
}
