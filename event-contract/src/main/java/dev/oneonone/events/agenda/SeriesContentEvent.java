package dev.oneonone.events.agenda;

import java.util.UUID;

/**
 * An event about the 1:1 content of one whole series (its topics, notes and agreements, held in agenda-service):
 * the aggregate is the series' content and the series id its key. Such events say what happened to the content,
 * never what it was.
 */
public sealed interface SeriesContentEvent extends AgendaEvent permits SeriesContentExpired {
    String AGGREGATE_TYPE = "series-content";

    /** The series whose content this is. */
    UUID seriesId();

    @Override
    default UUID aggregateId() {
        return seriesId();
    }

    @Override
    default String aggregateType() {
        return AGGREGATE_TYPE;
    }
}
