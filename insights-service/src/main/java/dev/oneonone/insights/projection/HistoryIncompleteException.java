package dev.oneonone.insights.projection;

import java.util.Map;

/**
 * A replay refused because Kafka no longer holds the whole history: a partition's earliest offset is above 0, so
 * retention (or a deleteRecords) removed its first records and a replay would silently lose them. The service
 * answers it 409 {@code history-incomplete}, naming each partition and where it now starts.
 */
public class HistoryIncompleteException extends RuntimeException {
    private final Map<String, Long> earliestOffsets;

    /** @param earliestOffsets each incomplete partition ({@code topic-partition}) and its earliest offset */
    public HistoryIncompleteException(Map<String, Long> earliestOffsets) {
        super("Kafka no longer holds the whole history: " + earliestOffsets);
        this.earliestOffsets = Map.copyOf(earliestOffsets);
    }

    public Map<String, Long> earliestOffsets() {
        return earliestOffsets;
    }
}
