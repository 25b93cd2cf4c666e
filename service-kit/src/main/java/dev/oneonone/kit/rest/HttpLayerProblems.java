package dev.oneonone.kit.rest;

import java.util.List;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.oneonone.kit.problem.Problem;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The HTTP layer's own refusals as problem details (docs/api-standards.md, "Size limits"):
 * <ul>
 * <li>a request body without a Content-Length (chunked transfer, HTTP/2) is counted as it arrives, up to the
 * same limits as {@link RequestBodyLimit} ({@code suite.api.max-body-bytes}, the imports'
 * {@code suite.api.import-max-body-bytes}); one byte over answers 413 {@code body-too-large} before the API
 * reads anything;</li>
 * <li>every failure Vert.x hands to the router (the 413 above, {@code quarkus.http.limits.max-body-size},
 * a request it cannot route such as a malformed percent-escape) answers {@code application/problem+json}
 * instead of Quarkus's plain page.</li>
 * </ul>
 * What Netty's HTTP codec refuses before any route exists (414 URI too long, 431 headers too large) keeps
 * Vert.x's own answer: Quarkus offers no hook there (Vert.x's {@code HttpServer#invalidRequestHandler} is not
 * exposed; quarkusio/quarkus issue 55082).
 */
@ApplicationScoped
public class HttpLayerProblems {
    private static final Logger LOG = Logger.getLogger(HttpLayerProblems.class);
    /** Runs before every other route, so the body is counted before Quarkus REST sees it. */
    static final int ORDER = -10_000;

    private final long maxBodyBytes;
    private final long importMaxBodyBytes;
    private final List<String> importPaths;
    private final ObjectMapper mapper;

    public HttpLayerProblems(@ConfigProperty(name = "suite.api.max-body-bytes", defaultValue = "1048576") long maxBodyBytes,
            @ConfigProperty(name = "suite.api.import-max-body-bytes", defaultValue = "16777216") long importMaxBodyBytes,
            @ConfigProperty(name = "suite.api.import-paths", defaultValue = "none") List<String> importPaths,
            ObjectMapper mapper) {
        this.maxBodyBytes = maxBodyBytes;
        this.importMaxBodyBytes = importMaxBodyBytes;
        this.importPaths = List.copyOf(importPaths);
        this.mapper = mapper;
    }

    void install(@Observes Router router) {
        BodyHandler apiLimit = BodyHandler.create(false).setBodyLimit(maxBodyBytes);
        BodyHandler importLimit = BodyHandler.create(false).setBodyLimit(importMaxBodyBytes);
        router.route().order(ORDER).handler(ctx -> {
            if (hasUncountedBody(ctx)) {
                (importPaths.contains(ctx.normalizedPath()) ? importLimit : apiLimit).handle(ctx);
            } else {
                ctx.next();
            }
        });
        router.route().order(ORDER).failureHandler(this::answer);
    }

    /** A body whose length the headers do not state: only counting its bytes tells its size. */
    private static boolean hasUncountedBody(RoutingContext ctx) {
        HttpMethod method = ctx.request().method();
        return ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH) == null
                && (method == HttpMethod.POST || method == HttpMethod.PUT || method == HttpMethod.PATCH || method == HttpMethod.DELETE)
                && (ctx.request().getHeader(HttpHeaders.TRANSFER_ENCODING) != null || ctx.request().version() != io.vertx.core.http.HttpVersion.HTTP_1_1
                        && ctx.request().version() != io.vertx.core.http.HttpVersion.HTTP_1_0);
    }

    private void answer(RoutingContext ctx) {
        if (ctx.response().headWritten() || ctx.response().ended()) {
            ctx.next();
            return;
        }
        int status = ctx.statusCode() > 0 ? ctx.statusCode() : 500;
        String path = ctx.request().path();
        Problem problem = switch (status) {
            case 413 -> new Problem(Problem.TYPE_BASE + "body-too-large", "Request body too large", 413,
                    "The body is over the limit of " + (importPaths.contains(path) ? importMaxBodyBytes : maxBodyBytes) + " bytes.",
                    path, null);
            case 400 -> new Problem(Problem.TYPE_BASE + "malformed-request", "Malformed request", 400,
                    "The request is not well-formed HTTP (e.g. a malformed percent-escape in its path or query).", path, null);
            default -> {
                if (status >= 500) {
                    LOG.error("Unexpected failure on " + path, ctx.failure());
                }
                HttpResponseStatus known = HttpResponseStatus.valueOf(status);
                yield new Problem(Problem.TYPE_BASE + (status >= 500 ? "internal-error" : "http-" + status),
                        known.reasonPhrase(), status, status >= 500 ? "The request could not be completed." : known.reasonPhrase(), path, null);
            }
        };
        try {
            ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
            if (status == 413) {
                ctx.response().putHeader(HttpHeaders.CONNECTION, "close"); // the rest of the body is not read
            }
            ctx.response().end(mapper.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            ctx.next();
        }
    }
}
