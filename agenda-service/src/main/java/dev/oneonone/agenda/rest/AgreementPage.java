package dev.oneonone.agenda.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.oneonone.kit.rest.Paging;

@Schema(name = "AgreementPage", description = "One page of agreements by when they were made, then id.")
public record AgreementPage(List<AgreementView> items,
        @Schema(description = Paging.NEXT_DESCRIPTION, example = "MjAyNi0xMS0yNFQwOTozMDowMFp8M2M5ZTFi", nullable = true) String next) {

    /** The page from {@code limit + 1} rows: the next page starts after the last one's time made and id. */
    static AgreementPage of(List<AgreementView> rows, int limit) {
        Paging.Page<AgreementView> page = Paging.keyed(rows, limit, row -> row,
                row -> new Paging.InstantCursor(row.madeAt(), row.id()).encode());
        return new AgreementPage(page.items(), page.next());
    }
}
