package dev.oneonone.insights.config;

import java.time.ZoneId;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.oneonone.insights.figures.FiguresCalculator;
import dev.oneonone.insights.figures.Thresholds;
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
         * The organisation's time zone for "today" when a request gives no date ({@code insights.default-time-zone}).
         * The events carry no organisation time zone yet, so one setting serves every organisation.
         */
        @Produces
        @Singleton
        OrganisationTimeZone organisationTimeZone(
                @ConfigProperty(name = "insights.default-time-zone", defaultValue = "UTC") ZoneId zone) {
            return new OrganisationTimeZone(zone);
        }
    }

    /** The time zone an organisation's "today" is taken in. */
    record OrganisationTimeZone(ZoneId zone) {
    }
}
