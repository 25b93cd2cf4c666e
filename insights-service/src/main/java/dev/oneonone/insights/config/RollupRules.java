package dev.oneonone.insights.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The thresholds and settings of the rollups: {@code insights.rollups.*} in application.properties. */
@ConfigMapping(prefix = "insights.rollups")
public interface RollupRules {

    /** A series needs attention when its follow-through rate is below this... */
    @WithDefault("0.5")
    double lowFollowThroughBelow();

    /** ...and at least this many of its agreements were due. */
    @WithDefault("3")
    int lowFollowThroughMinDue();

    /** Weeks of a trend when the request does not say. */
    @WithDefault("12")
    int defaultWeeks();

    /** Computed figures are reused until the next event is consumed, and for at most this long. */
    @WithDefault("PT60S")
    Duration cacheTtl();

    /** How many (organisation, date) figure sets, and as many trends, are kept in memory. */
    @WithDefault("64")
    int cacheEntries();
}
