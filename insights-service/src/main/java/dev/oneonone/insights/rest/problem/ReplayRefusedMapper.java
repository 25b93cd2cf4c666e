package dev.oneonone.insights.rest.problem;

import java.util.List;
import java.util.Map;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.oneonone.insights.projection.HistoryIncompleteException;
import dev.oneonone.insights.projection.HistoryUnavailableException;
import dev.oneonone.insights.projection.ReplayRunningException;
import dev.oneonone.kit.problem.Problem;
import dev.oneonone.kit.problem.ProblemMappers;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * A replay that would lose history is refused: 409 {@code history-incomplete}, one error per partition whose
 * first records are gone; 409 {@code replay-running} when another instance replays; 503 {@code kafka-unavailable} with {@code Retry-After} when Kafka could not be asked.
 */
public class ReplayRefusedMapper {
    static final int RETRY_AFTER_SECONDS = 30;

    @ServerExceptionMapper
    public Response historyIncomplete(HistoryIncompleteException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.earliestOffsets().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(partition -> new Problem.FieldError(partition.getKey(),
                        "starts at offset " + partition.getValue() + ": its first records were deleted"))
                .toList();
        return ProblemMappers.problem(409, "history-incomplete", "History incomplete",
                "Kafka no longer holds every event of the suite's topics (retention removed the first records), so a "
                        + "replay would lose history; the projections were left as they are. Keep the topics with "
                        + "retention.ms=-1 (deploy/README.md).", uri, errors);
    }

    @ServerExceptionMapper
    public Response replayRunning(ReplayRunningException e, UriInfo uri) {
        return ProblemMappers.problem(409, "replay-running", "Replay running",
                "Another instance of insights-service is replaying the projections; follow it with GET on that "
                        + "instance or ask again once it is done.", uri, null);
    }

    @ServerExceptionMapper
    public Response kafkaUnavailable(HistoryUnavailableException e, UriInfo uri) {
        Response problem = ProblemMappers.problem(503, "kafka-unavailable", "Kafka unavailable",
                "Kafka could not be asked whether it holds the whole history; no replay was started. Try again later.",
                uri, null);
        return Response.fromResponse(problem).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).build();
    }
}
