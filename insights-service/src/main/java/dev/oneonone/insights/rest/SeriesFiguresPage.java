package dev.oneonone.insights.rest;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SeriesFiguresPage", description = "One page of series figures, by series id; 'next' is the cursor of the "
        + "following page, null on the last.")
public record SeriesFiguresPage(@Schema(example = "2026-03-02") LocalDate asOf, List<SeriesFiguresView> items,
        @Schema(nullable = true) UUID next) {
}
