package dev.oneonone.insights.domain.rollup;

import java.time.LocalDate;

/** A group's figures at the end of one week; suppressed when the group was under the minimum size that day. */
public record TrendPoint(LocalDate weekEnd, boolean suppressed, RollupFigures figures) {
}
