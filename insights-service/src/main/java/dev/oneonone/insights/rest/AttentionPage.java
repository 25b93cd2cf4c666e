package dev.oneonone.insights.rest;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.oneonone.kit.rest.Paging;

@Schema(name = "AttentionPage", description = "One page of a group's attention list, most urgent first.")
public record AttentionPage(
        ScopeView scope,
        @Schema(example = "2026-11-23") LocalDate asOf,
        @Schema(description = "True for a team or department under the minimum group size: no items then.") boolean suppressed,
        @Schema(description = "How many items the list has in all; null when suppressed.", example = "11", nullable = true) Integer total,
        List<AttentionItemView> items,
        @Schema(description = Paging.NEXT_DESCRIPTION, example = "b2Zmc2V0OjUw", nullable = true) String next) {
}
