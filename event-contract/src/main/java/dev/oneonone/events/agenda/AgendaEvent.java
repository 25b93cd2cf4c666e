package dev.oneonone.events.agenda;

import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Payload of an event agenda-service publishes on {@link dev.oneonone.events.Topics#AGENDA}.
 * The CloudEvents type is {@code oneonone.agenda.<record name>}; the aggregate is a meeting's agenda,
 * so the aggregate id (and Kafka key) is the meeting id. Payloads carry ids and kinds only: never a
 * topic's title or details, which stay in agenda-service.
 */
public sealed interface AgendaEvent permits TopicAdded, TopicDiscussed {
    String TYPE_PREFIX = "oneonone.agenda.";
    String AGGREGATE_TYPE = "agenda";

    /** The meeting whose agenda this is. */
    UUID meetingId();

    /** The aggregate (stream) the event belongs to: the meeting's agenda; also the Kafka key. */
    default UUID aggregateId() {
        return meetingId();
    }

    /** Always {@code agenda}. */
    default String aggregateType() {
        return AGGREGATE_TYPE;
    }

    default String type() {
        return typeOf(getClass());
    }

    static String typeOf(Class<? extends AgendaEvent> payloadClass) {
        return TYPE_PREFIX + payloadClass.getSimpleName();
    }

    /** The payload class for a CloudEvents type, or null when this version of the contract does not know it. */
    static Class<? extends AgendaEvent> classOf(String type) {
        return Registry.BY_TYPE.get(type);
    }

    /** Every payload record of the contract. */
    static Iterable<Class<? extends AgendaEvent>> payloadClasses() {
        return Registry.BY_TYPE.values();
    }

    final class Registry {
        private static final Map<String, Class<? extends AgendaEvent>> BY_TYPE = records(AgendaEvent.class)
                .collect(Collectors.toUnmodifiableMap(AgendaEvent::typeOf, Function.identity()));

        private Registry() {
        }

        @SuppressWarnings("unchecked")
        private static Stream<Class<? extends AgendaEvent>> records(Class<?> sealedType) {
            return Stream.of(sealedType.getPermittedSubclasses()).flatMap(permitted -> permitted.isRecord()
                    ? Stream.of((Class<? extends AgendaEvent>) permitted)
                    : records(permitted));
        }
    }
}
