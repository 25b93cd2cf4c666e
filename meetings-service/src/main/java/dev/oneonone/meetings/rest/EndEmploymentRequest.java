package dev.oneonone.meetings.rest;

import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.constraints.NotNull;

@Schema(name = "EndEmployment", description = "A person leaves the organisation.")
public record EndEmploymentRequest(
        @Schema(description = "Their last working day.", example = "2026-12-31") @NotNull LocalDate lastDay) {
}
