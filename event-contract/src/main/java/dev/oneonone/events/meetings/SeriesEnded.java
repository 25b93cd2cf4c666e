package dev.oneonone.events.meetings;

import java.util.UUID;

/** The two people stopped meeting; the series accepts no more changes and stays in the history. */
public record SeriesEnded(UUID seriesId) implements SeriesEvent {
}
