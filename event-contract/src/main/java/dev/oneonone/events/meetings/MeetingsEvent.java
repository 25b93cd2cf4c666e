package dev.oneonone.events.meetings;

import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Payload of an event meetings-service publishes on {@link dev.oneonone.events.Topics#MEETINGS}.
 * The CloudEvents type is {@code oneonone.meetings.<record name>}; the subject is the aggregate id.
 * Payloads carry ids, kinds, times and counts only, never free text.
 */
public sealed interface MeetingsEvent extends dev.oneonone.events.SuiteEvent
        permits SeriesEvent, PersonEvent, WebhookEndpointEvent {
    String TYPE_PREFIX = "oneonone.meetings.";

    /** The aggregate (stream) the event belongs to; also the Kafka key. */
    UUID aggregateId();

    /** The kind of aggregate, e.g. {@code series}. */
    String aggregateType();

    default String type() {
        return typeOf(getClass());
    }

    static String typeOf(Class<? extends MeetingsEvent> payloadClass) {
        return TYPE_PREFIX + payloadClass.getSimpleName();
    }

    /** The payload class for a CloudEvents type, or null when this version of the contract does not know it. */
    static Class<? extends MeetingsEvent> classOf(String type) {
        return Registry.BY_TYPE.get(type);
    }

    /** Every payload record of the contract. */
    static Iterable<Class<? extends MeetingsEvent>> payloadClasses() {
        return Registry.BY_TYPE.values();
    }

    final class Registry {
        private static final Map<String, Class<? extends MeetingsEvent>> BY_TYPE = records(MeetingsEvent.class)
                .collect(Collectors.toUnmodifiableMap(MeetingsEvent::typeOf, Function.identity()));

        private Registry() {
        }

        /** The records under a sealed interface, however deep. */
        @SuppressWarnings("unchecked")
        private static Stream<Class<? extends MeetingsEvent>> records(Class<?> sealedType) {
            return Stream.of(sealedType.getPermittedSubclasses()).flatMap(permitted -> permitted.isRecord()
                    ? Stream.of((Class<? extends MeetingsEvent>) permitted)
                    : records(permitted));
        }
    }
}
