package dev.oneonone.meetings.config;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Each organisation's calendar for directory dates: {@code meetings.time-zones.<org>} (a region id such as
 * {@code Europe/Berlin}) for an organisation, else {@code meetings.default-time-zone} (default UTC), the same
 * meaning as insights' {@code insights.time-zones.<org>}. It says what "today" is and when a day starts; an
 * invalid zone stops the service at start.
 */
@ApplicationScoped
public class OrganisationCalendar {
    static final String PREFIX = "meetings.time-zones.";

    private final Clock clock;
    private final ZoneId defaultZone;
    private final Map<String, ZoneId> zones = new HashMap<>();

    public OrganisationCalendar(Clock clock, Config config,
            @ConfigProperty(name = "meetings.default-time-zone", defaultValue = "UTC") ZoneId defaultZone) {
        this.clock = clock;
        this.defaultZone = defaultZone;
        for (String name : config.getPropertyNames()) {
            if (name.startsWith(PREFIX) && name.length() > PREFIX.length()) {
                zones.put(name.substring(PREFIX.length()), ZoneId.of(config.getValue(name, String.class)));
            }
        }
    }

    public ZoneId zone(String organisationId) {
        return zones.getOrDefault(organisationId, defaultZone);
    }

    /** Today in the organisation's time zone. */
    public LocalDate today(String organisationId) {
        return LocalDate.ofInstant(clock.instant(), zone(organisationId));
    }

    /** The day {@code instant} falls on in the organisation's time zone. */
    public LocalDate dayOf(String organisationId, Instant instant) {
        return LocalDate.ofInstant(instant, zone(organisationId));
    }

    /** The instant {@code day} starts in the organisation's time zone. */
    public Instant startOf(String organisationId, LocalDate day) {
        return day.atStartOfDay(zone(organisationId)).toInstant();
    }

    /**
     * When a change effective on {@code day} happened in the domain: {@code now} when it takes effect today, else
     * the start of that day.
     */
    public Instant occurredAt(String organisationId, LocalDate day, Instant now) {
        return day.equals(dayOf(organisationId, now)) ? now : startOf(organisationId, day);
    }
}
