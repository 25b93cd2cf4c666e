package dev.oneonone.insights.config;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.oneonone.insights.domain.figures.FiguresCalculator;
import dev.oneonone.insights.domain.figures.Thresholds;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The thresholds of the insights definitions ({@code insights.thresholds.*}); docs/insights.md lists
 * each key. Only this prefix is mapped, so other {@code insights.*} settings stay free-standing.
 */
@ConfigMapping(prefix = "insights.thresholds")
public interface InsightsConfig {

    @WithDefault("3")
    int graceDays();

    @WithDefault("14")
    int maxGapDays();

    @WithDefault("12")
    int adherenceWindowWeeks();

    @WithDefault("20")
    int shortMeetingMinutes();

    @WithDefault("3")
    int shortStreak();

    @WithDefault("30")
    int onboardingDays();

    /** The calculator with the configured thresholds, and the organisations' time zone. */
    class Producers {
        @Produces
        @Singleton
        FiguresCalculator calculator(InsightsConfig t) {
            return new FiguresCalculator(new Thresholds(t.graceDays(), t.maxGapDays(), t.adherenceWindowWeeks(),
                    t.shortMeetingMinutes(), t.shortStreak(), t.onboardingDays()));
        }

        /**
         * The organisations' time zones for "today" when a request gives no date: {@code insights.time-zones.<org>}
         * for an organisation, else {@code insights.default-time-zone}. The events carry no organisation time zone,
         * so it is a setting. A zone that is not a valid region id stops the service at start.
         */
        @Produces
        @Singleton
        OrganisationTimeZone organisationTimeZone(Config config,
                @ConfigProperty(name = "insights.default-time-zone", defaultValue = "UTC") ZoneId zone) {
            Map<String, ZoneId> zones = new HashMap<>();
            for (String name : config.getPropertyNames()) {
                if (name.startsWith(OrganisationTimeZone.PREFIX) && name.length() > OrganisationTimeZone.PREFIX.length()) {
                    zones.put(name.substring(OrganisationTimeZone.PREFIX.length()),
                            ZoneId.of(config.getValue(name, String.class)));
                }
            }
            return new OrganisationTimeZone(zone, zones);
        }
    }

    /** The time zone each organisation's "today" is taken in: its own setting, else the default. */
    record OrganisationTimeZone(ZoneId defaultZone, Map<String, ZoneId> zones) {
        public static final String PREFIX = "insights.time-zones.";

        public OrganisationTimeZone {
            zones = Map.copyOf(zones);
        }

        public ZoneId zone(String organisationId) {
            return zones.getOrDefault(organisationId, defaultZone);
        }
    }
}
