package dev.oneonone.events.agenda;

/** What a topic is about, as seen in practice. */
public enum TopicKind {
    /** Big picture: company direction, strategy. */
    BIG_PICTURE,
    /** Feedback, either way. */
    FEEDBACK,
    /** Career and growth. */
    CAREER,
    /** Something personal. */
    PERSONAL,
    /** A problem or blocker. */
    PROBLEM,
    /** A decision pending. */
    DECISION,
    /** Planning: vacations, coverage. */
    PLANNING,
    /** Mood and workload. */
    WELLBEING
}
