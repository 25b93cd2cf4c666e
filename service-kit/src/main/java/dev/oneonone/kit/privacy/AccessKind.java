package dev.oneonone.kit.privacy;

/**
 * What a recorded read was about: a kind of resource, never its content. The resource id of an access record is
 * the series' id for the series kinds, absent for lists and exports.
 */
public enum AccessKind {
    /** meetings-service {@code GET /series/{seriesId}}. */
    SERIES,
    /** meetings-service {@code GET /series/{seriesId}/meetings}. */
    SERIES_MEETINGS,
    /** meetings-service {@code GET /series/{seriesId}/meetings/{meetingId}}: one meeting of the series. */
    MEETING,
    /** meetings-service {@code GET /series} or {@code GET /meetings}: the person's series or meetings in a list. */
    SERIES_LIST,
    /** insights-service {@code GET /series/{seriesId}}: a series' figures. */
    SERIES_FIGURES,
    /** insights-service {@code GET /series/{seriesId}/trend}. */
    SERIES_TREND,
    /** insights-service {@code GET /series}: the person's series in the list of figures. */
    SERIES_FIGURES_LIST,
    /**
     * insights-service {@code GET /rollups/managers/{personId}}, or the manager in a page of {@code GET /rollups/managers}:
     * the figures of the series the person leads, recorded for them (the manager).
     */
    MANAGER_FIGURES,
    /** insights-service {@code GET /trends?scope=manager:{personId}}: the weekly figures of the series the person leads. */
    MANAGER_TREND,
    /** insights-service {@code GET /attention}, or a rollup's attention list: an attention item naming the person's series. */
    ATTENTION_ITEM,
    /**
     * meetings-service {@code GET /people/{personId}/export}: the person's export for the organisation (this kind:
     * meetings-service's part, their directory entry, series and meetings; the other parts record their own kinds).
     */
    EXPORT,
    /** agenda-service {@code GET /exports/{personId}} by the integration: the topics, shared notes and agreements part. */
    AGENDA_EXPORT,
    /** insights-service {@code GET /exports/{personId}} by the integration: the figures part. */
    FIGURES_EXPORT
}
