package dev.oneonone.agenda.rest;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.oneonone.agenda.application.agreements.Agreements;
import dev.oneonone.agenda.application.topics.AgendaStreams;
import dev.oneonone.agenda.application.topics.Agendas;
import dev.oneonone.agenda.projection.AgreementOverview;
import dev.oneonone.agenda.projection.Topic;
import dev.oneonone.kit.openapi.ResponseHeaders;
import dev.oneonone.kit.problem.Problem;
import dev.oneonone.kit.rest.IdempotentCreates;
import dev.oneonone.kit.rest.RequestBodies;
import dev.oneonone.kit.rest.Versions;
import dev.oneonone.kit.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

@Path("/meetings")
@Tag(name = "Agenda", description = "The agenda of each meeting, seen only by its two participants")
@Produces(MediaType.APPLICATION_JSON)
public class AgendaResource {
    private static final String ADD_TOPIC_EXAMPLE = """
            {"title": "Moving to the platform team?", "details": "What would the next six months look like there?",
             "kind": "CAREER", "askOtherSideToPrepare": true}""";

    private static final String TOPIC_EXAMPLE = """
            {"id": "8a1f0c3e-5b2d-4c7e-9f60-1d2e3f4a5b6c", "title": "Moving to the platform team?",
             "details": "What would the next six months look like there?", "kind": "CAREER", "authorRole": "COMPANION",
             "askOtherSideToPrepare": true, "discussed": false, "timesCarried": 0, "carriedFromMeetingId": null, "contentDeleted": false}""";
    private static final String AGENDA_EXAMPLE = """
            {"meetingId": "5d0c7a3e-1f2b-4e6a-9c8d-7b3a2f1e0d99", "seriesId": "0f3e2d1c-4b5a-4978-8a6b-5c4d3e2f1a0b",
             "scheduledFor": "2026-11-24T09:00:00Z", "firstOfSeries": false, "status": "SCHEDULED",
             "leaderId": "7f1c2f5e-3b7a-4d8e-9a51-0d6f2b9e1a01", "companionId": "2b8e4a90-6c1d-4f3e-8b27-5a9d0c7e3f12",
             "topics": [{"id": "8a1f0c3e-5b2d-4c7e-9f60-1d2e3f4a5b6c", "title": "Moving to the platform team?",
               "details": "What would the next six months look like there?", "kind": "CAREER", "authorRole": "COMPANION",
               "askOtherSideToPrepare": true, "discussed": false, "timesCarried": 0, "carriedFromMeetingId": null, "contentDeleted": false},
              {"id": "1e7d9c2b-3a4f-4b5e-8c6d-9f0a1b2c3d4e", "title": "Holiday cover in December",
               "details": null, "kind": "PLANNING", "authorRole": "LEADER", "askOtherSideToPrepare": false,
               "discussed": false, "timesCarried": 1, "carriedFromMeetingId": "9b8a7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d", "contentDeleted": false}],
             "sections": [
              {"kind": "COMPANION_TOPICS", "topics": [{"id": "8a1f0c3e-5b2d-4c7e-9f60-1d2e3f4a5b6c",
                "title": "Moving to the platform team?", "details": "What would the next six months look like there?",
                "kind": "CAREER", "authorRole": "COMPANION", "askOtherSideToPrepare": true, "discussed": false,
                "timesCarried": 0, "carriedFromMeetingId": null, "contentDeleted": false}]},
              {"kind": "CARRIED_OVER", "topics": [{"id": "1e7d9c2b-3a4f-4b5e-8c6d-9f0a1b2c3d4e",
                "title": "Holiday cover in December", "details": null, "kind": "PLANNING", "authorRole": "LEADER",
                "askOtherSideToPrepare": false, "discussed": false, "timesCarried": 1,
                "carriedFromMeetingId": "9b8a7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d", "contentDeleted": false}]},
              {"kind": "AGREEMENTS_TO_REVIEW", "agreements": [{"id": "3c9e1b7a-0d4f-4a2e-8b61-5f7d2c9e0a13",
                "seriesId": "0f3e2d1c-4b5a-4978-8a6b-5c4d3e2f1a0b", "meetingId": "9b8a7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d",
                "wording": "Write up the on-call proposal and share it with the team",
                "ownerId": "2b8e4a90-6c1d-4f3e-8b27-5a9d0c7e3f12", "ownerRole": "COMPANION", "dueOn": "2026-11-20",
                "status": "OPEN", "dropReason": null, "overdue": true, "madeAt": "2026-11-17T09:25:00Z", "closedAt": null, "contentDeleted": false}]},
              {"kind": "LEADER_TOPICS", "topics": []}],
             "agreementsMade": []}""";
    private static final String DISCUSSED_EXAMPLE = """
            {"id": "8a1f0c3e-5b2d-4c7e-9f60-1d2e3f4a5b6c", "title": "Moving to the platform team?",
             "details": "What would the next six months look like there?", "kind": "CAREER", "authorRole": "COMPANION",
             "askOtherSideToPrepare": true, "discussed": true, "timesCarried": 0, "carriedFromMeetingId": null, "contentDeleted": false}""";

    private final JsonWebToken token;
    private final Agendas agendas;
    private final RequestBodies bodies;
    private final AgendaStreams streams;
    private final IdempotentCreates idempotent;
    private final Agreements agreements;

    public AgendaResource(JsonWebToken token, Agendas agendas, RequestBodies bodies, AgendaStreams streams,
            IdempotentCreates idempotent, Agreements agreements) {
        this.token = token;
        this.agendas = agendas;
        this.bodies = bodies;
        this.streams = streams;
        this.idempotent = idempotent;
        this.agreements = agreements;
    }

    @GET
    @Path("/{meetingId}/agenda")
    @WithSession
    @RolesAllowed(Caller.PERSON)
    @Operation(operationId = "getAgenda", summary = "Read a meeting's agenda",
            description = "Only the meeting's two participants see it. Known here as soon as meetings-service's "
                    + "MeetingScheduled event has arrived. 'topics' come in run order: the companion's first, then "
                    + "those carried over from earlier meetings (with how many times each was carried), then the "
                    + "leader's, each group in the agenda's order. 'sections' is the agenda as the meeting runs it, "
                    + "with the series' open agreements from earlier meetings to review before the leader's topics. "
                    + "ETag: the agenda's version, for If-Match on its changes.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = AgendaView.class),
            examples = @ExampleObject(name = "agenda", value = AGENDA_EXAMPLE)),
            headers = @Header(name = ResponseHeaders.ETAG, ref = ResponseHeaders.ETAG))
    @APIResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unauthenticated", value = ProblemExamples.UNAUTHENTICATED)))
    @APIResponse(responseCode = "403", description = "The caller is not acting as a person (1:1 content is never shown to other roles)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "forbidden", value = ProblemExamples.FORBIDDEN)))
    @APIResponse(responseCode = "404", description = "No such meeting among the caller's own (or not arrived yet)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "not found", value = ProblemExamples.NOT_FOUND)))
    public Uni<Response> agenda(@PathParam("meetingId") UUID meetingId) {
        Caller caller = Caller.of(token);
        return agendas.access(caller, meetingId).chain(access -> agendas.runOrder(meetingId)
                .chain(order -> agreements.openForReview(access.meeting())
                        .chain(toReview -> agreements.madeAt(access.meeting())
                                .map(made -> AgendaView.of(access.meeting(), access.series(),
                                        views(order.topics()), List.of(
                                                AgendaSection.topics(AgendaSection.COMPANION_TOPICS, views(order.companions())),
                                                AgendaSection.topics(AgendaSection.CARRIED_OVER, views(order.carriedOver())),
                                                AgendaSection.agreements(agreementViews(toReview, access)),
                                                AgendaSection.topics(AgendaSection.LEADER_TOPICS, views(order.leaders()))),
                                        agreementViews(made, access))))))
                .chain(view -> tagged(Response.ok(view), caller, meetingId));
    }

    @POST
    @Path("/{meetingId}/topics")
    @Consumes(MediaType.APPLICATION_JSON)
    @WithTransaction
    @RolesAllowed(Caller.PERSON)
    @Operation(operationId = "addTopic", summary = "Put a topic on a meeting's agenda",
            description = "Either participant adds topics to a scheduled meeting until it starts; the author's side "
                    + "(companion or leader) comes from the caller. Records TopicAdded, which carries the kind but "
                    + "never the title or details. Optional If-Match: the agenda's ETag; Idempotency-Key makes retries safe.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = AddTopicRequest.class),
            examples = @ExampleObject(name = "career", value = ADD_TOPIC_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "The topic, as it now stands on the agenda; ETag: the agenda's new version",
            content = @Content(schema = @Schema(implementation = TopicView.class),
                    examples = @ExampleObject(name = "topic", value = TOPIC_EXAMPLE)),
            headers = @Header(name = ResponseHeaders.ETAG, ref = ResponseHeaders.ETAG))
    @APIResponse(responseCode = "400", description = "Invalid fields (title 1 to 200 characters, details up to 2000, kind required)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid", value = ProblemExamples.INVALID)))
    @APIResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unauthenticated", value = ProblemExamples.UNAUTHENTICATED)))
    @APIResponse(responseCode = "403", description = "The caller is not acting as a person",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "forbidden", value = ProblemExamples.FORBIDDEN)))
    @APIResponse(responseCode = "404", description = "No such meeting among the caller's own (or not arrived yet)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "not found", value = ProblemExamples.NOT_FOUND)))
    @APIResponse(responseCode = "409", description = "The meeting is not open for topics (type .../meeting-not-open: "
            + "cancelled, held, missed or already started), or the agenda changed concurrently or since If-Match",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = { @ExampleObject(name = "not open", value = ProblemExamples.NOT_OPEN),
                            @ExampleObject(name = "stale", value = ProblemExamples.STALE) }))
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for another request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "key reused", value = ProblemExamples.KEY_REUSED)))
    public Uni<Response> addTopic(@PathParam("meetingId") UUID meetingId,
            @Parameter(description = "The agenda's version as last read (its ETag), e.g. \"4\"") @HeaderParam(Versions.IF_MATCH) String ifMatch,
            @Parameter(description = ProblemExamples.IDEMPOTENCY_KEY) @HeaderParam(IdempotentCreates.HEADER) String idempotencyKey,
            AddTopicRequest request) {
        Caller caller = Caller.of(token);
        Long expected = Versions.fromIfMatch(ifMatch);
        bodies.valid(request);
        // the access check comes before any replay: a key (kept per caller anyway) answers only on a meeting the caller sees
        return agendas.access(caller, meetingId).chain(visible -> idempotent.once(caller, idempotencyKey,
                "POST /meetings/" + meetingId + "/topics", request,
                () -> agendas.addTopic(caller, meetingId, new Agendas.NewTopic(request.title().strip(),
                                request.details() == null || request.details().isBlank() ? null : request.details(),
                                request.kind(), request.askOtherSideToPrepare()), expected)
                        .chain(topic -> tagged(Response.status(Response.Status.CREATED).entity(TopicView.of(topic)),
                                caller, meetingId))));
    }

    @POST
    @Path("/{meetingId}/topics/{topicId}/discussed")
    @WithTransaction
    @RolesAllowed(Caller.PERSON)
    @Operation(operationId = "markTopicDiscussed", summary = "Mark a topic discussed",
            description = "Either participant marks a topic of the agenda discussed, once. Records TopicDiscussed. "
                    + "Optional If-Match: the agenda's ETag.")
    @APIResponse(responseCode = "200", description = "The topic, now discussed; ETag: the agenda's new version",
            content = @Content(schema = @Schema(implementation = TopicView.class),
                    examples = @ExampleObject(name = "discussed", value = DISCUSSED_EXAMPLE)),
            headers = @Header(name = ResponseHeaders.ETAG, ref = ResponseHeaders.ETAG))
    @APIResponse(responseCode = "400", description = "Malformed If-Match",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid", value = ProblemExamples.INVALID)))
    @APIResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unauthenticated", value = ProblemExamples.UNAUTHENTICATED)))
    @APIResponse(responseCode = "403", description = "The caller is not acting as a person",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "forbidden", value = ProblemExamples.FORBIDDEN)))
    @APIResponse(responseCode = "404", description = "No such meeting among the caller's own, or no such topic on its agenda",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "not found", value = ProblemExamples.NOT_FOUND)))
    @APIResponse(responseCode = "409", description = "The topic was already discussed (type .../topic-already-discussed), "
            + "or the agenda changed concurrently",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "already discussed", value = ProblemExamples.ALREADY_DISCUSSED)))
    public Uni<Response> markDiscussed(@PathParam("meetingId") UUID meetingId, @PathParam("topicId") UUID topicId,
            @Parameter(description = "The agenda's version as last read (its ETag)") @HeaderParam(Versions.IF_MATCH) String ifMatch) {
        Caller caller = Caller.of(token);
        Long expected = Versions.fromIfMatch(ifMatch);
        return agendas.markDiscussed(caller, meetingId, topicId, expected)
                .chain(topic -> tagged(Response.ok(TopicView.of(topic)), caller, meetingId));
    }

    /** The answer with the agenda's version (read in this transaction) as its ETag. */
    private Uni<Response> tagged(Response.ResponseBuilder answer, Caller caller, UUID meetingId) {
        return streams.version(caller.organisationId(), meetingId)
                .map(version -> answer.tag(Versions.tag(version)).build());
    }

    private static List<TopicView> views(List<Topic> topics) {
        return topics.stream().map(TopicView::of).toList();
    }

    private List<AgreementView> agreementViews(List<AgreementOverview> rows, Agendas.Access access) {
        return rows.stream().map(row -> AgreementView.of(row, agreements.overdue(row, access.series()))).toList();
    }
}
