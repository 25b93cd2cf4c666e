package dev.oneonone.meetings.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

@Schema(name = "NameGroup", description = "A team's or department's display name.")
public record NameGroupRequest(
        @Schema(example = "Platform Engineering", maxLength = 200) @NotBlank @Size(max = 200) String name) {
}
