package dev.oneonone.insights.rest;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.oneonone.insights.domain.rollup.TrendPoint;
import dev.oneonone.kit.rest.Paging;

/** One page of departments, and on every page the people without a department: together they are the organisation. */
@Schema(name = "DepartmentRollupPage", description = "One page of departments with their figures (no attention items: see GET /attention), "
        + "and the people without a department: the organisation's figures are the sum of all departments and withoutDepartment.")
public record DepartmentRollupPage(
        @Schema(example = "2026-11-23") LocalDate asOf,
        List<RollupView> items,
        @Schema(description = "How many departments the list has in all.", example = "14") int total,
        @Schema(description = Paging.NEXT_DESCRIPTION, example = "b2Zmc2V0OjUw", nullable = true) String next,
        @Schema(description = "The people the caller sees without a department on the date and the series whose companion is one of them "
                + "(the same on every page); suppressed under the minimum group size like a department; null when there is nobody.",
                nullable = true) UngroupedView withoutDepartment) {

    static DepartmentRollupPage of(RollupPage page, TrendPoint withoutDepartment) {
        return new DepartmentRollupPage(page.asOf(), page.items(), page.total(), page.next(),
                withoutDepartment == null ? null
                        : new UngroupedView(withoutDepartment.suppressed(), RollupFiguresView.of(withoutDepartment.figures())));
    }

    /** The figures of people in no group of the kind listed; no figures when suppressed. */
    @Schema(name = "UngroupedFigures", requiredProperties = "suppressed")
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record UngroupedView(
            @Schema(description = "True when they are fewer than insights.privacy.min-group-size: no figures then.") boolean suppressed,
            RollupFiguresView figures) {
    }
}
