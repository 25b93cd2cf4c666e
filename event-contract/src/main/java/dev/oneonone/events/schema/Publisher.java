package dev.oneonone.events.schema;

import java.util.ArrayList;
import java.util.List;

import dev.oneonone.events.Topics;
import dev.oneonone.events.agenda.AgendaEvent;
import dev.oneonone.events.insights.InsightsEvent;
import dev.oneonone.events.meetings.MeetingsEvent;

/**
 * The services that publish on Kafka, each with the one topic it writes, its CloudEvents type prefix and the payload
 * records of its events: what {@link AsyncApiDocument} needs to describe that topic.
 */
public enum Publisher {
    MEETINGS("meetings-service", Topics.MEETINGS, MeetingsEvent.TYPE_PREFIX, records(MeetingsEvent.payloadClasses()),
            "Everything meetings-service records, as CloudEvents in Kafka binary mode: people, series and meetings. "
                    + "Payloads carry ids, kinds, times and counts, never the free text of a 1:1."),
    AGENDA("agenda-service", Topics.AGENDA, AgendaEvent.TYPE_PREFIX, records(AgendaEvent.payloadClasses()),
            "What agenda-service records, as CloudEvents in Kafka binary mode: the topics of each meeting's agenda, "
                    + "their order, notes and templates applied (aggregate agenda, keyed by the meeting id) and agreements "
                    + "(aggregate agreement, keyed by its id), and the deletion of a series' content when its retention period "
                    + "ran out (aggregate series-content, keyed by the series id). "
                    + "Payloads carry ids, kinds, times and counts, never the free text of a 1:1."),
    INSIGHTS("insights-service", Topics.INSIGHTS, InsightsEvent.TYPE_PREFIX, records(InsightsEvent.payloadClasses()),
            "What insights-service derives from the suite's events, as CloudEvents in Kafka binary mode: a series' "
                    + "health or recommendations changing. Payloads carry ids, health levels, day counts and "
                    + "recommendation codes, never the content of a 1:1.");

    private final String service;
    private final String topic;
    private final String typePrefix;
    private final List<Class<? extends Record>> payloads;
    private final String description;

    Publisher(String service, String topic, String typePrefix, List<Class<? extends Record>> payloads,
            String description) {
        this.service = service;
        this.topic = topic;
        this.typePrefix = typePrefix;
        this.payloads = payloads;
        this.description = description;
    }

    /** The service's name, e.g. {@code meetings-service}; its events' CloudEvents source is {@code /<service>}. */
    public String service() {
        return service;
    }

    /** The Kafka topic the service writes, e.g. {@code oneonone.meetings.v1}. */
    public String topic() {
        return topic;
    }

    /** The CloudEvents type prefix, e.g. {@code oneonone.meetings.}; a type is the prefix plus the record name. */
    public String typePrefix() {
        return typePrefix;
    }

    /** The payload records of the service's events, sorted by name. */
    public List<Class<? extends Record>> payloads() {
        return payloads;
    }

    /** What the topic carries, for the document's readers. */
    public String description() {
        return description;
    }

    private static List<Class<? extends Record>> records(Iterable<? extends Class<?>> payloadClasses) {
        List<Class<? extends Record>> records = new ArrayList<>();
        payloadClasses.forEach(payload -> records.add(payload.asSubclass(Record.class)));
        records.sort((a, b) -> a.getSimpleName().compareTo(b.getSimpleName()));
        return List.copyOf(records);
    }
}
