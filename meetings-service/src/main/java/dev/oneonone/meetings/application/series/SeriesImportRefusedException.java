package dev.oneonone.meetings.application.series;

import java.util.List;

import dev.oneonone.meetings.domain.Rejection;

/** A history import refused as a whole: every row at fault, its field as a path such as {@code series[3].meetings[2].heldAt}. */
public class SeriesImportRefusedException extends RuntimeException {
    private final transient List<Rejection> rejections;

    public SeriesImportRefusedException(List<Rejection> rejections) {
        super(rejections.size() + " imported rows were refused; nothing was stored", null, false, false);
        this.rejections = List.copyOf(rejections);
    }

    public List<Rejection> rejections() {
        return rejections;
    }
}
