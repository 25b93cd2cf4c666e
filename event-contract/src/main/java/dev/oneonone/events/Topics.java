package dev.oneonone.events;

/** The Kafka topics of the suite; each is written by exactly one service and keyed by aggregate id. */
public final class Topics {
    /** Everything meetings-service records: people, series and meetings. */
    public static final String MEETINGS = "oneonone.meetings.v1";
    /** Everything agenda-service records: topics and agreements, without their text. */
    public static final String AGENDA = "oneonone.agenda.v1";
    /** What insights-service derives, such as a series' health changing. */
    public static final String INSIGHTS = "oneonone.insights.v1";

    private Topics() {
    }
}
