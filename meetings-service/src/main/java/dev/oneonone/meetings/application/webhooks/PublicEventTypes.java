package dev.oneonone.meetings.application.webhooks;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

import dev.oneonone.events.agenda.AgendaEvent;
import dev.oneonone.events.insights.InsightsEvent;
import dev.oneonone.events.meetings.MeetingsEvent;

/**
 * The CloudEvents types of the suite's public contract (the three AsyncAPI documents), which a webhook endpoint may
 * subscribe to, e.g. {@code oneonone.meetings.SeriesStarted}.
 */
public final class PublicEventTypes {
    /** Every type, sorted. */
    public static final Set<String> ALL = all();

    private PublicEventTypes() {
    }

    private static Set<String> all() {
        Set<String> types = new TreeSet<>();
        MeetingsEvent.payloadClasses().forEach(type -> types.add(MeetingsEvent.typeOf(type)));
        AgendaEvent.payloadClasses().forEach(type -> types.add(AgendaEvent.typeOf(type)));
        InsightsEvent.payloadClasses().forEach(type -> types.add(InsightsEvent.typeOf(type)));
        return Collections.unmodifiableSet(types);
    }
}
