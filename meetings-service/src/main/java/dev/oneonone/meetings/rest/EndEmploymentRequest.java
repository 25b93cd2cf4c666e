package dev.oneonone.meetings.rest;

import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.constraints.NotNull;

@Schema(name = "EndEmployment", description = "A person leaves the organisation.")
public record EndEmploymentRequest(
        @Schema(description = "Their last working day, a calendar day in the organisation's time zone; may be in the "
                + "future (a notified leave). They stay employed up to and including it.", example = "2026-12-31", format = "date") @NotNull LocalDate lastDay) {
}
