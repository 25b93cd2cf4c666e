package dev.oneonone.events.agenda;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The organisation's retention period for 1:1 content ran out for an ended series, and agenda-service deleted that
 * content: every topic's title and details, every note (shared and private) with all its revisions, and every
 * agreement's wording. What stays: ids, kinds, sides, dates, statuses and counts, so the series' figures do not
 * change. {@code ce_time} is when the content was deleted; {@code ce_organisation} the organisation. A tool that
 * copied any of this content should delete its copy too.
 *
 * @param endedOn              the day the series ended (UTC), from which the retention period counts
 * @param contentRetentionDays the organisation's retention period (days after the end) that ran out
 */
public record SeriesContentExpired(UUID seriesId, LocalDate endedOn, int contentRetentionDays)
        implements SeriesContentEvent {
}
