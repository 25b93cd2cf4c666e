package dev.oneonone.insights.rollup;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.oneonone.events.insights.Health;
import dev.oneonone.events.insights.Recommendation;

/**
 * A series or a person that needs attention, and why: ids, health and figures only. A series item
 * names the series and its two people; a {@code NO_ONE_ON_ONE} item names the report and their manager.
 */
@Schema(name = "AttentionItem")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AttentionItem(
        @Schema(example = "[\"OVERDUE\"]") List<Reason> reasons,
        UUID seriesId,
        @Schema(description = "The leader of the series, or the manager of a report with no 1:1.") UUID leaderId,
        @Schema(description = "The companion of the series, or the report with no 1:1.") UUID companionId,
        @Schema(example = "MANAGER_REPORT") String relationship,
        @Schema(example = "WEEKLY") String cadence,
        Health health,
        @Schema(example = "19") Integer gapDays,
        @Schema(example = "0.33") Double followThroughRate,
        @Schema(description = "Agreements of the series whose due date has passed.", example = "6") Integer agreementsDue,
        List<Recommendation> recommendations) {

    /** Why an item is on the list, most urgent first. */
    public enum Reason {
        /** The series' health is OVERDUE. */
        OVERDUE,
        /** The series' health is AT_RISK. */
        AT_RISK,
        /** Follow-through below the threshold with enough agreements due. */
        LOW_FOLLOW_THROUGH,
        /** A report with a manager and no active manager–report series with them. */
        NO_ONE_ON_ONE
    }

    Reason first() {
        return reasons.get(0);
    }
}
