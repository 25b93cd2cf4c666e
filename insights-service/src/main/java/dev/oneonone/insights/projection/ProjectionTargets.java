package dev.oneonone.insights.projection;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Which sets of projection tables a consumed event goes to: always the live ones, and while a replay
 * builds, its copies too (suffix {@code _next}), so that nothing consumed during the replay is missing
 * from the copies when they are swapped in. One instance of the service consumes at a time.
 */
@ApplicationScoped
public class ProjectionTargets {
    public static final String LIVE = "";
    public static final String NEXT = "_next";

    private volatile List<String> suffixes = List.of(LIVE);

    public List<String> suffixes() {
        return suffixes;
    }

    void building(boolean building) {
        suffixes = building ? List.of(LIVE, NEXT) : List.of(LIVE);
    }
}
