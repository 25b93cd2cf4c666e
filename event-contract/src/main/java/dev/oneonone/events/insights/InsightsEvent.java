package dev.oneonone.events.insights;

import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Payload of an event insights-service publishes on {@link dev.oneonone.events.Topics#INSIGHTS}.
 * The CloudEvents type is {@code oneonone.insights.<record name>}. Payloads carry ids, health levels,
 * counts and recommendation codes only.
 */
public sealed interface InsightsEvent extends dev.oneonone.events.SuiteEvent permits SeriesHealthChanged {
    String TYPE_PREFIX = "oneonone.insights.";

    /** The aggregate (stream) the event belongs to; also the Kafka key. */
    UUID aggregateId();

    /** The kind of aggregate, e.g. {@code series}. */
    String aggregateType();

    default String type() {
        return typeOf(getClass());
    }

    static String typeOf(Class<? extends InsightsEvent> payloadClass) {
        return TYPE_PREFIX + payloadClass.getSimpleName();
    }

    /** The payload class for a CloudEvents type, or null when this version of the contract does not know it. */
    static Class<? extends InsightsEvent> classOf(String type) {
        return Registry.BY_TYPE.get(type);
    }

    /** Every payload record of the contract. */
    static Iterable<Class<? extends InsightsEvent>> payloadClasses() {
        return Registry.BY_TYPE.values();
    }

    final class Registry {
        private static final Map<String, Class<? extends InsightsEvent>> BY_TYPE = Stream
                .of(InsightsEvent.class.getPermittedSubclasses())
                .map(permitted -> permitted.asSubclass(InsightsEvent.class))
                .collect(Collectors.toUnmodifiableMap(InsightsEvent::typeOf, Function.identity()));

        private Registry() {
        }
    }
}
