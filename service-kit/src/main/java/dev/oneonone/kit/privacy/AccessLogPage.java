package dev.oneonone.kit.privacy;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.oneonone.kit.rest.Paging;

/** One page of a person's access log, newest first (by {@code accessedAt}, then id). */
@Schema(name = "AccessLogPage", description = "One page of the caller's access log, newest first.")
public record AccessLogPage(@Schema(required = true) List<AccessRecordView> items,
        @Schema(description = Paging.NEXT_DESCRIPTION, nullable = true, example = "MjAyNi0xMS0zMFQwOToxNTowMi4xMTdafDNm") String next) {

    /** From up to limit + 1 records newest first: the next page starts after the last one shown. */
    public static AccessLogPage of(List<AccessRecordView> records, int limit) {
        Paging.Page<AccessRecordView> page = Paging.keyed(records, limit, view -> view,
                view -> new Paging.InstantCursor(view.accessedAt(), view.id()).encode());
        return new AccessLogPage(page.items(), page.next());
    }
}
