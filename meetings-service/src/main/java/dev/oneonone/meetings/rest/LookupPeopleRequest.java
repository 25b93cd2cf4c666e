package dev.oneonone.meetings.rest;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

@Schema(name = "LookupPeople", description = "The people and groups whose names the caller wants, by id and by kind:code.")
public record LookupPeopleRequest(
        @Schema(description = "Person ids, 1 to " + LookupPeopleRequest.MAX_IDS + ".", minItems = 1, maxItems = LookupPeopleRequest.MAX_IDS,
                example = "[\"2b8e4a90-6c1d-4f3e-8b27-5a9d0c7e3f12\"]")
        @NotNull @Size(min = 1, max = MAX_IDS) List<@NotNull UUID> ids,
        @Schema(description = "Teams and departments as kind:code, up to " + LookupPeopleRequest.MAX_GROUPS + ".",
                maxItems = LookupPeopleRequest.MAX_GROUPS, example = "[\"team:platform\",\"department:ENG\"]")
        @Size(max = MAX_GROUPS) List<@NotNull @Pattern(regexp = GROUP_PATTERN, message = GROUP_MESSAGE) String> groups) {

    static final int MAX_IDS = 500;
    static final int MAX_GROUPS = 100;
    static final String GROUP_PATTERN = "(team|department):" + OrganisationCodes.PATTERN;
    static final String GROUP_MESSAGE = "must be team:<code> or department:<code>";
}
