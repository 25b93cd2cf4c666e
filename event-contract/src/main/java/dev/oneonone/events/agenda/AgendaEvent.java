package dev.oneonone.events.agenda;

import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Payload of an event agenda-service publishes on {@link dev.oneonone.events.Topics#AGENDA}.
 * The CloudEvents type is {@code oneonone.agenda.<record name>}. There are three kinds of aggregate:
 * a meeting's agenda ({@link MeetingAgendaEvent}, keyed by the meeting id), an agreement
 * ({@link AgreementEvent}, keyed by the agreement id) and a series' content ({@link SeriesContentEvent}, keyed by
 * the series id: its retention). Payloads carry ids, kinds, roles, dates and
 * counts only: never a topic's title or details, a note or an agreement's wording, which stay in
 * agenda-service.
 */
public sealed interface AgendaEvent extends dev.oneonone.events.SuiteEvent
        permits MeetingAgendaEvent, AgreementEvent, SeriesContentEvent {
    String TYPE_PREFIX = "oneonone.agenda.";

    /** The aggregate (stream) the event belongs to; also the Kafka key. */
    UUID aggregateId();

    /** {@code agenda} or {@code agreement}. */
    String aggregateType();

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
