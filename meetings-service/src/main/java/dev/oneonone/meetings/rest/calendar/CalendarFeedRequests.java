package dev.oneonone.meetings.rest.calendar;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and answer of creating a calendar feed. */
public final class CalendarFeedRequests {
    private CalendarFeedRequests() {
    }

    @Schema(description = "Empty for the caller's own feed (all their series); seriesId for one series they take part in; "
            + "personId (integration only, or a person naming themselves) for all series of that person.")
    public record CreateFeedRequest(
            @Schema(description = "One series the feed covers", nullable = true) UUID seriesId,
            @Schema(description = "The person whose series the feed covers", nullable = true) UUID personId) {
    }

    @Schema(description = "The new feed. The url carries its secret and is shown only this once: keep it like a password.")
    public record FeedCreated(
            @Schema(description = "The feed's id, to revoke it") UUID id,
            @Schema(description = "Where calendars subscribe: an absolute URL, from the service's configured public base URL "
                    + "(meetings.calendar.public-base-url), else from the base URL of this request",
                    example = "https://meetings.example.com/calendar/feeds/q3V0m1bX2s8d9kPz7YhL0cWnR4tJ6uAaE5fGiK-_Nyo.ics")
            String url) {
    }
}
