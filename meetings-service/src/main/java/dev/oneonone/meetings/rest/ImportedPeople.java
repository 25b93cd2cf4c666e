package dev.oneonone.meetings.rest;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ImportedPeople", description = "The ids of the registered people, in the order of the import's rows.")
public record ImportedPeople(@Schema(example = "2000") int created, List<UUID> ids) {
}
