package dev.oneonone.agenda.rest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.oneonone.agenda.agreements.Agreements;
import dev.oneonone.agenda.projection.AgreementOverview;
import dev.oneonone.agenda.projection.Topic;
import dev.oneonone.agenda.rest.problem.InvalidInputException;
import dev.oneonone.agenda.rest.problem.Problem;
import dev.oneonone.agenda.rest.problem.Problem.FieldError;
import dev.oneonone.agenda.security.Caller;
import dev.oneonone.agenda.topics.Agendas;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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

    private final JsonWebToken token;
    private final Agendas agendas;
    private final Validator validator;
    private final Agreements agreements;

    public AgendaResource(JsonWebToken token, Agendas agendas, Validator validator, Agreements agreements) {
        this.token = token;
        this.agendas = agendas;
        this.validator = validator;
        this.agreements = agreements;
    }

    @GET
    @Path("/{meetingId}/agenda")
    @WithSession
    @RolesAllowed(Caller.PERSON)
    @Operation(summary = "Read a meeting's agenda",
            description = "Only the meeting's two participants see it. Known here as soon as meetings-service's "
                    + "MeetingScheduled event has arrived. 'topics' come in run order: the companion's first, then "
                    + "those carried over from earlier meetings (with how many times each was carried), then the "
                    + "leader's, each group in the agenda's order. 'sections' is the agenda as the meeting runs it, "
                    + "with the series' open agreements from earlier meetings to review before the leader's topics.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = AgendaView.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The caller is not acting as a person (1:1 content is never shown to other roles)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such meeting among the caller's own (or not arrived yet)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<AgendaView> agenda(@PathParam("meetingId") UUID meetingId) {
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
                                        agreementViews(made, access))))));
    }

    @POST
    @Path("/{meetingId}/topics")
    @Consumes(MediaType.APPLICATION_JSON)
    @WithTransaction
    @RolesAllowed(Caller.PERSON)
    @Operation(summary = "Put a topic on a meeting's agenda",
            description = "Either participant adds topics to a scheduled meeting until it starts; the author's side "
                    + "(companion or leader) comes from the caller. Records TopicAdded, which carries the kind but "
                    + "never the title or details.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = AddTopicRequest.class),
            examples = @ExampleObject(name = "career", value = ADD_TOPIC_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "The topic, as it now stands on the agenda",
            content = @Content(schema = @Schema(implementation = TopicView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields (title 1 to 200 characters, details up to 2000, kind required)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The caller is not acting as a person",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such meeting among the caller's own (or not arrived yet)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The meeting is not open for topics (type .../meeting-not-open: "
            + "cancelled, held, missed or already started), or the agenda changed concurrently",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> addTopic(@PathParam("meetingId") UUID meetingId, AddTopicRequest request) {
        Caller caller = Caller.of(token);
        validate(request);
        return agendas.addTopic(caller, meetingId, new Agendas.NewTopic(request.title().strip(),
                        request.details() == null || request.details().isBlank() ? null : request.details(),
                        request.kind(), request.askOtherSideToPrepare()))
                .map(topic -> Response.status(Response.Status.CREATED).entity(TopicView.of(topic)).build());
    }

    @POST
    @Path("/{meetingId}/topics/{topicId}/discussed")
    @WithTransaction
    @RolesAllowed(Caller.PERSON)
    @Operation(summary = "Mark a topic discussed",
            description = "Either participant marks a topic of the agenda discussed, once. Records TopicDiscussed.")
    @APIResponse(responseCode = "200", description = "The topic, now discussed",
            content = @Content(schema = @Schema(implementation = TopicView.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The caller is not acting as a person",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such meeting among the caller's own, or no such topic on its agenda",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The topic was already discussed (type .../topic-already-discussed), "
            + "or the agenda changed concurrently",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<TopicView> markDiscussed(@PathParam("meetingId") UUID meetingId, @PathParam("topicId") UUID topicId) {
        Caller caller = Caller.of(token);
        return agendas.markDiscussed(caller, meetingId, topicId).map(TopicView::of);
    }

    private static List<TopicView> views(List<Topic> topics) {
        return topics.stream().map(TopicView::of).toList();
    }

    private List<AgreementView> agreementViews(List<AgreementOverview> rows, Agendas.Access access) {
        return rows.stream().map(row -> AgreementView.of(row, agreements.overdue(row, access.series()))).toList();
    }

    private void validate(AddTopicRequest request) {
        if (request == null) {
            throw new InvalidInputException(List.of(new FieldError("body", "a JSON body is required")));
        }
        List<FieldError> errors = new ArrayList<>(validator.validate(request).stream()
                .map(violation -> new FieldError(violation.getPropertyPath().toString(), violation.getMessage()))
                .toList());
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparing(FieldError::field));
            throw new InvalidInputException(errors);
        }
    }
}
