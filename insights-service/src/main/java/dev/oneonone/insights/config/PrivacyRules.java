package dev.oneonone.insights.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Privacy by design: {@code insights.privacy.*} in application.properties. */
@ConfigMapping(prefix = "insights.privacy")
public interface PrivacyRules {

    /** No figure is shown for a team or department with fewer people than this on the date. */
    @WithDefault("3")
    int minGroupSize();
}
