package dev.oneonone.kit.rest;

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
import jakarta.enterprise.inject.Instance;

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
 * <li>a request line's URI over {@code suite.api.max-uri-bytes} (default 8 KiB) answers 414
 * {@code uri-too-long}, headers over {@code suite.api.max-header-bytes} in all (default 16 KiB, each header
 * counted as name, value and 4 bytes of separators) answer 431 {@code headers-too-large}, before anything
 * else reads the request.</li>
 * </ul>
 * What Netty's HTTP codec refuses before any route exists keeps Vert.x's bare answer (414 or 431 without a body):
 * Quarkus offers no hook there (Vert.x's {@code HttpServer#invalidRequestHandler} is not exposed). Each service
 * therefore raises the codec's limits ({@code quarkus.http.limits.max-initial-line-length},
 * {@code quarkus.http.limits.max-header-size}) well above the API's, so that only requests far over the API's
 * limits meet the bare answer.
 */
@ApplicationScoped
public class HttpLayerProblems {
    private static final Logger LOG = Logger.getLogger(HttpLayerProblems.class);
    /** Runs before every other route, so the body is counted before Quarkus REST sees it. */
    static final int ORDER = -10_000;

    /** The API's default limit of a request line's URI (path and query), in bytes. */
    public static final int DEFAULT_MAX_URI_BYTES = 8 * 1024;
    /** The API's default limit of all request headers together, in bytes. */
    public static final int DEFAULT_MAX_HEADER_BYTES = 16 * 1024;

    private final BodyLimits limits;
    private final int maxUriBytes;
    private final int maxHeaderBytes;
    private final ObjectMapper mapper;
    private final Instance<ProblemRendering> renderings;

    public HttpLayerProblems(BodyLimits limits,
            @ConfigProperty(name = "suite.api.max-uri-bytes", defaultValue = "8192") int maxUriBytes,
            @ConfigProperty(name = "suite.api.max-header-bytes", defaultValue = "16384") int maxHeaderBytes,
            ObjectMapper mapper, Instance<ProblemRendering> renderings) {
        this.limits = limits;
        this.maxUriBytes = maxUriBytes;
        this.maxHeaderBytes = maxHeaderBytes;
        this.mapper = mapper;
        this.renderings = renderings;
    }

    /** The media type and body of a refusal on this path: a problem detail, unless a {@link ProblemRendering} covers it. */
    private String[] rendered(String path, Problem problem) throws JsonProcessingException {
        if (path != null) {
            for (ProblemRendering rendering : renderings) {
                if (rendering.covers(path)) {
                    return new String[] { rendering.mediaType(), rendering.render(problem) };
                }
            }
        }
        return new String[] { Problem.MEDIA_TYPE, mapper.writeValueAsString(problem) };
    }

    void install(@Observes Router router) {
        BodyHandler apiLimit = BodyHandler.create(false).setBodyLimit(limits.api());
        BodyHandler importLimit = BodyHandler.create(false).setBodyLimit(limits.imports());
        router.route().order(ORDER).handler(ctx -> {
            if (ctx.request().uri().length() > maxUriBytes) {
                refuse(ctx, new Problem(Problem.TYPE_BASE + "uri-too-long", "URI too long", 414, "The request's URI has "
                        + ctx.request().uri().length() + " characters; the limit is " + maxUriBytes + ".", shortPath(ctx), null));
            } else if (headerBytes(ctx) > maxHeaderBytes) {
                refuse(ctx, new Problem(Problem.TYPE_BASE + "headers-too-large", "Request headers too large", 431,
                        "The request's headers have " + headerBytes(ctx) + " bytes in all; the limit is " + maxHeaderBytes
                                + ".", shortPath(ctx), null));
            } else if (hasUncountedBody(ctx)) {
                (limits.isImport(ctx.normalizedPath()) ? importLimit : apiLimit).handle(ctx);
            } else {
                ctx.next();
            }
        });
        router.route().order(ORDER).failureHandler(this::answer);
    }

    /** The path as the problem's instance, left out when it is too long to repeat. */
    private static String shortPath(RoutingContext ctx) {
        String path = ctx.request().path();
        return path != null && path.length() <= 256 ? path : null;
    }

    /** The headers' size as sent: each name, value, and ": " and CRLF. */
    private static int headerBytes(RoutingContext ctx) {
        int bytes = 0;
        for (var header : ctx.request().headers()) {
            bytes += header.getKey().length() + header.getValue().length() + 4;
        }
        return bytes;
    }

    /** Answers the problem and closes the connection: the rest of the request is not read. */
    private void refuse(RoutingContext ctx, Problem problem) {
        try {
            String[] answer = rendered(ctx.request().path(), problem);
            ctx.response().setStatusCode(problem.status()).putHeader(HttpHeaders.CONTENT_TYPE, answer[0])
                    .putHeader(HttpHeaders.CONNECTION, "close").end(answer[1]);
        } catch (JsonProcessingException e) {
            ctx.fail(problem.status(), e);
        }
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
                    "The body is over the limit of " + limits.forPath(path) + " bytes.",
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
            String[] answer = rendered(path, problem);
            ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, answer[0]);
            if (status == 413) {
                ctx.response().putHeader(HttpHeaders.CONNECTION, "close"); // the rest of the body is not read
            }
            ctx.response().end(answer[1]);
        } catch (JsonProcessingException e) {
            ctx.next();
        }
    }
}
