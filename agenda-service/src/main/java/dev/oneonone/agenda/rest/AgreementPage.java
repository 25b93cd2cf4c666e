package dev.oneonone.agenda.rest;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.oneonone.kit.problem.InvalidInputException;
import dev.oneonone.kit.problem.Problem.FieldError;

@Schema(name = "AgreementPage", description = "One page of agreements by when they were made; 'next' is the cursor of the following page, null on the last.")
public record AgreementPage(List<AgreementView> items, @Schema(nullable = true, example = "MjAyNi0xMS0yNFQwOTozMDowMFp8M2M5ZTFi") String next) {

    /** Where a page starts: after this agreement, made at this time. */
    record Cursor(Instant madeAt, UUID agreementId) {
        static Cursor parse(String value) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8).split("\\|", 2);
                return new Cursor(Instant.parse(parts[0]), UUID.fromString(parts[1]));
            } catch (RuntimeException e) {
                throw new InvalidInputException(List.of(new FieldError("after", "is not a cursor this API gave out")));
            }
        }

        String encode() {
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((madeAt + "|" + agreementId).getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The page from {@code limit + 1} rows: the extra row only says there is a next page. */
    static AgreementPage of(List<AgreementView> rows, int limit) {
        List<AgreementView> items = rows.stream().limit(limit).toList();
        String next = null;
        if (rows.size() > limit) {
            AgreementView last = items.get(items.size() - 1);
            next = new Cursor(last.madeAt(), last.id()).encode();
        }
        return new AgreementPage(items, next);
    }
}
