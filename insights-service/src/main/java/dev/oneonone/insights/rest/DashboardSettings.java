package dev.oneonone.insights.rest;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Hands the dashboard page what it needs to know of its surroundings at {@code /dashboard/config.json}: where
 * meetings-service's directory answers ({@code insights.dashboard.directory-url}), so that the page can look up the
 * names of the people and groups it shows with the viewer's own token. Not part of the API (no token, no secret).
 */
@ApplicationScoped
public class DashboardSettings {
    private final String directoryUrl;

    public DashboardSettings(@ConfigProperty(name = "insights.dashboard.directory-url") String directoryUrl) {
        this.directoryUrl = directoryUrl.endsWith("/") ? directoryUrl.substring(0, directoryUrl.length() - 1) : directoryUrl;
    }

    void route(@Observes Router router) {
        String body = new JsonObject().put("directoryUrl", directoryUrl).encode();
        router.get("/dashboard/config.json").handler(context -> context.response()
                .putHeader("Content-Type", "application/json")
                .putHeader("Cache-Control", "no-cache")
                .end(body));
    }
}
