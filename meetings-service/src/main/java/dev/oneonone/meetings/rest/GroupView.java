package dev.oneonone.meetings.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.oneonone.meetings.application.directory.GroupName;

@Schema(name = "Group", description = "A team or department with its display name (kept in meetings-service, never in events).")
public record GroupView(
        @Schema(enumeration = { "team", "department" }, example = "team") String kind,
        @Schema(description = "The code events carry.", example = "platform") String code,
        @Schema(example = "Platform Engineering") String name) {

    static GroupView of(GroupName group) {
        return new GroupView(group.kind, group.code, group.name);
    }
}
