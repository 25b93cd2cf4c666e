package dev.oneonone.meetings.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.oneonone.kit.rest.Paging;
import dev.oneonone.meetings.projection.MeetingOverview;

@Schema(name = "MeetingPage", description = "One page of meetings by start, then id.")
public record MeetingPage(List<MeetingView> items,
        @Schema(description = Paging.NEXT_DESCRIPTION, example = "MjAyNi0xMS0yNFQwOTowMDowMFp8NWQwYzdh", nullable = true) String next) {

    /** From up to limit + 1 rows ordered by start, then id: the next page starts after the last one's start and id. */
    static MeetingPage of(List<MeetingOverview> rows, int limit) {
        Paging.Page<MeetingView> page = Paging.keyed(rows, limit, MeetingView::of,
                row -> new Paging.InstantCursor(row.scheduledFor, row.meetingId).encode());
        return new MeetingPage(page.items(), page.next());
    }
}
