package dev.oneonone.meetings.rest;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.oneonone.kit.problem.InvalidInputException;
import dev.oneonone.meetings.projection.MeetingOverview;

@Schema(name = "MeetingPage", description = "One page of meetings by start; 'next' is the cursor of the following page, null on the last.")
public record MeetingPage(List<MeetingView> items, @Schema(nullable = true, example = "MjAyNi0xMS0yNFQwOTowMDowMFp8NWQwYzdh") String next) {

    /** Where a page starts: after this start and meeting id. */
    record Cursor(Instant scheduledFor, UUID meetingId) {
        static Cursor parse(String value) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8).split("\\|", 2);
                return new Cursor(Instant.parse(parts[0]), UUID.fromString(parts[1]));
            } catch (RuntimeException e) {
                throw new InvalidInputException("after", "is not a cursor this API gave out");
            }
        }

        String encode() {
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((scheduledFor + "|" + meetingId).getBytes(StandardCharsets.UTF_8));
        }
    }

    static MeetingPage of(List<MeetingOverview> rows, int limit) {
        List<MeetingView> items = rows.stream().limit(limit).map(MeetingView::of).toList();
        String next = null;
        if (rows.size() > limit) {
            MeetingView last = items.get(items.size() - 1);
            next = new Cursor(last.scheduledFor(), last.id()).encode();
        }
        return new MeetingPage(items, next);
    }
}
