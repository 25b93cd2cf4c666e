package dev.oneonone.insights.rest;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.oneonone.events.insights.Health;
import dev.oneonone.events.insights.Recommendation;
import dev.oneonone.insights.domain.rollup.AttentionItem;
import dev.oneonone.insights.domain.rollup.AttentionItem.Reason;

/** An item of an attention list ({@link AttentionItem}): ids, health and figures only. */
@Schema(name = "AttentionItem", requiredProperties = { "reasons", "leaderId", "companionId" }) // NON_NULL: the rest may be left out
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AttentionItemView(
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

    static AttentionItemView of(AttentionItem item) {
        return new AttentionItemView(item.reasons(), item.seriesId(), item.leaderId(), item.companionId(),
                item.relationship(), item.cadence(), item.health(), item.gapDays(), item.followThroughRate(),
                item.agreementsDue(), item.recommendations());
    }

    static List<AttentionItemView> of(List<AttentionItem> items) {
        return items == null ? null : items.stream().map(AttentionItemView::of).toList();
    }
}
