package dev.oneonone.kit.rest;

import java.time.Duration;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.oneonone.kit.problem.DatabaseOutage;
import dev.oneonone.kit.problem.Problem;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The last bound on a request: one that has not begun its answer after {@code suite.api.request-deadline} (8 s) is
 * answered 503 {@code service-unavailable} with Retry-After, as for a database outage, and a readiness or health
 * request 503 DOWN. The database timeouts ({@link dev.oneonone.kit.database.DatabaseTimeouts}, 5 s) answer first in
 * most cases; this catches what they cannot: a query sent on a pooled connection to a PostgreSQL that stopped
 * answering, which the reactive client keeps waiting for (found with PostgreSQL frozen by SIGSTOP). The work behind
 * the request is not cancelled: it finishes or fails when the database answers again, and its late answer is
 * dropped. The bulk imports ({@code suite.api.import-paths}) are left out: they may rightly take longer.
 */
@ApplicationScoped
public class RequestDeadline {
    private static final Logger LOG = Logger.getLogger(RequestDeadline.class);
    private static final String HEALTH_DOWN = "{\"status\":\"DOWN\",\"checks\":[]}";

    private final Duration deadline;
    private final BodyLimits limits;
    private final ObjectMapper mapper;
    private final Vertx vertx;

    public RequestDeadline(@ConfigProperty(name = "suite.api.request-deadline", defaultValue = "8s") Duration deadline,
            BodyLimits limits, ObjectMapper mapper, Vertx vertx) {
        this.deadline = deadline;
        this.limits = limits;
        this.mapper = mapper;
        this.vertx = vertx;
    }

    void install(@Observes Router router) {
        router.route().order(HttpLayerProblems.ORDER - 1).handler(ctx -> {
            String path = ctx.normalizedPath();
            if (limits.isImport(path) || path.startsWith("/q/") && !path.startsWith("/q/health")) {
                ctx.next();
                return;
            }
            long timer = vertx.setTimer(deadline.toMillis(), id -> answerLate(ctx, path));
            ctx.addEndHandler(ended -> vertx.cancelTimer(timer));
            ctx.next();
        });
    }

    private void answerLate(RoutingContext ctx, String path) {
        if (ctx.response().ended() || ctx.response().headWritten() || ctx.response().closed()) {
            return;
        }
        LOG.warnf("No answer on %s within %s; answering 503", path, deadline);
        ctx.response().setStatusCode(503).putHeader(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseOutage.RETRY_AFTER_SECONDS));
        if (path.startsWith("/q/health")) {
            ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(HEALTH_DOWN);
            return;
        }
        Problem problem = new Problem(Problem.TYPE_BASE + "service-unavailable", "Service unavailable", 503,
                "The service cannot reach its database; try again in a few seconds.", path.length() <= 256 ? path : null, null);
        try {
            ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE).end(mapper.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            ctx.response().end();
        }
    }
}
