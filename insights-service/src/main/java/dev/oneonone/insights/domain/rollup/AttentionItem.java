package dev.oneonone.insights.domain.rollup;

import java.util.List;
import java.util.UUID;

import dev.oneonone.events.insights.Health;
import dev.oneonone.events.insights.Recommendation;

/**
 * A series or a person that needs attention, and why: ids, health and figures only. A series item
 * names the series and its two people; a {@code NO_ONE_ON_ONE} item names the report and their manager.
 *
 * @param leaderId      the leader of the series, or the manager of a report with no 1:1
 * @param companionId   the companion of the series, or the report with no 1:1
 * @param agreementsDue agreements of the series whose due date has passed
 */
public record AttentionItem(
        List<Reason> reasons,
        UUID seriesId,
        UUID leaderId,
        UUID companionId,
        String relationship,
        String cadence,
        Health health,
        Integer gapDays,
        Double followThroughRate,
        Integer agreementsDue,
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
