package dev.oneonone.insights.config;

import java.time.Duration;
import java.time.ZoneId;

import dev.oneonone.insights.figures.FiguresCalculator;
import dev.oneonone.insights.figures.Thresholds;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The service's own settings ({@code insights.*}): the thresholds of the definitions, the time zone
 * "today" is taken in, and how often health is re-assessed. docs/insights.md lists each key.
 */
@ConfigMapping(prefix = "insights")
public interface InsightsConfig {

    ThresholdsConfig thresholds();

    /**
     * The organisation's time zone for "today" when a request gives no date. The events carry no
     * organisation time zone yet, so one setting serves every organisation.
     */
    @WithDefault("UTC")
    ZoneId defaultTimeZone();

    /** How often every series' health is assessed again (gaps grow with time alone). */
    @WithDefault("1h")
    Duration reassessmentInterval();

    interface ThresholdsConfig {
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
    }

    /** The calculator with the configured thresholds. */
    class Calculator {
        @Produces
        @Singleton
        FiguresCalculator calculator(InsightsConfig config) {
            ThresholdsConfig t = config.thresholds();
            return new FiguresCalculator(new Thresholds(t.graceDays(), t.maxGapDays(), t.adherenceWindowWeeks(),
                    t.shortMeetingMinutes(), t.shortStreak(), t.onboardingDays()));
        }
    }
}
