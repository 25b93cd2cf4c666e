package dev.oneonone.insights.rest;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.oneonone.kit.rest.Paging;

@Schema(name = "SeriesFiguresPage", description = "One page of series figures, by series id.")
public record SeriesFiguresPage(@Schema(example = "2026-03-02") LocalDate asOf, List<SeriesFiguresView> items,
        @Schema(description = Paging.NEXT_DESCRIPTION, example = "0b5e6a4c-3f0e-4a59-9a57-2d1f7c3e9b10", nullable = true) String next) {
}
