package dev.oneonone.insights.rollup;

import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A group's figures at the end of one week; suppressed when the group was under the minimum size that day. */
@Schema(name = "TrendPoint")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TrendPoint(@Schema(example = "2026-11-16") LocalDate weekEnd, boolean suppressed, RollupFigures figures) {
}
