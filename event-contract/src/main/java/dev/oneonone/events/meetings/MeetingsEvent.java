package dev.oneonone.events.meetings;

import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Payload of an event meetings-service publishes on {@link dev.oneonone.events.Topics#MEETINGS}.
 * The CloudEvents type is {@code oneonone.meetings.<record name>}; the subject is the series id.
 * Payloads carry ids, kinds, times and counts only, never free text.
 */
public sealed interface MeetingsEvent permits SeriesStarted, MeetingScheduled {
    String TYPE_PREFIX = "oneonone.meetings.";
    String AGGREGATE_TYPE = "series";

    /** The aggregate (stream) the event belongs to. */
    UUID seriesId();

    default String type() {
        return typeOf(getClass());
    }

    static String typeOf(Class<? extends MeetingsEvent> payloadClass) {
        return TYPE_PREFIX + payloadClass.getSimpleName();
    }

    /** The payload class for a CloudEvents type, or null when this version of the contract does not know it. */
    @SuppressWarnings("unchecked")
    static Class<? extends MeetingsEvent> classOf(String type) {
        return Registry.BY_TYPE.get(type);
    }

    final class Registry {
        @SuppressWarnings("unchecked")
        private static final Map<String, Class<? extends MeetingsEvent>> BY_TYPE = Arrays
                .stream(MeetingsEvent.class.getPermittedSubclasses())
                .map(c -> (Class<? extends MeetingsEvent>) c)
                .collect(Collectors.toUnmodifiableMap(MeetingsEvent::typeOf, Function.identity()));

        private Registry() {
        }
    }
}
