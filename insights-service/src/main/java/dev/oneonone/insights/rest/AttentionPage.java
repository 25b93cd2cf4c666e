package dev.oneonone.insights.rest;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

@Schema(name = "AttentionPage", description = "One page of a group's attention list, most urgent first.")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AttentionPage(
        ScopeView scope,
        @Schema(example = "2026-11-23") LocalDate asOf,
        @Schema(description = "True for a team or department under the minimum group size: no items then.") boolean suppressed,
        @Schema(example = "11") Integer total,
        List<AttentionItemView> items,
        @Schema(description = "Pass as cursor to get the next page; absent on the last page.") String nextCursor) {
}
