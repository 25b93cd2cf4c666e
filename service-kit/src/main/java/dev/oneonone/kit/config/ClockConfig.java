package dev.oneonone.kit.config;

import java.time.Clock;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The service's clock, one bean so that time-dependent rules can be tested with a fixed clock. */
public class ClockConfig {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
