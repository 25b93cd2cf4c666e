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
    /** meetings-service {@code GET /series} or {@code GET /meetings}: the person's series or meetings in a list. */
    SERIES_LIST,
    /** insights-service {@code GET /series/{seriesId}}: a series' figures. */
    SERIES_FIGURES,
    /** insights-service {@code GET /series/{seriesId}/trend}. */
    SERIES_TREND,
    /** insights-service {@code GET /series}: the person's series in the list of figures. */
    SERIES_FIGURES_LIST,
    /** insights-service {@code GET /attention}: an attention item naming the person's series. */
    ATTENTION_ITEM,
    /** meetings-service {@code GET /people/{personId}/export}: everything about the person, for the organisation. */
    EXPORT
}
