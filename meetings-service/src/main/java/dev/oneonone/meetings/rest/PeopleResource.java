package dev.oneonone.meetings.rest;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.core.JsonProcessingException;

import dev.oneonone.kit.openapi.ResponseHeaders;
import dev.oneonone.kit.privacy.AccessKind;
import dev.oneonone.kit.privacy.AccessLog;
import dev.oneonone.kit.problem.Problem;
import dev.oneonone.kit.ratelimit.ImportBudget;
import dev.oneonone.kit.rest.IdempotentCreates;
import dev.oneonone.kit.rest.Paging;
import dev.oneonone.kit.rest.RequestBodies;
import dev.oneonone.kit.rest.Versions;
import dev.oneonone.kit.security.Caller;
import dev.oneonone.kit.security.LeaverCheck;
import dev.oneonone.meetings.application.people.ImportRefusedException.RowError;
import dev.oneonone.meetings.application.people.LeaverSweep;
import dev.oneonone.meetings.application.people.PeopleCommands;
import dev.oneonone.meetings.application.people.PersonEntry;
import dev.oneonone.meetings.application.privacy.PersonExport;
import dev.oneonone.meetings.config.OrganisationCalendar;
import dev.oneonone.meetings.projection.PersonOverview;
import dev.oneonone.meetings.rest.problem.PeopleProblems;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Parameters;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

/**
 * The organisation's directory. Every change takes effect on a calendar day of the organisation's time zone
 * ({@code effectiveOn}, today by default; a last day may be in the future) and its events carry that day.
 */
@Path("/people")
@Tag(name = "People", description = "The organisation's directory: people, teams, departments and reporting lines")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PeopleResource {
    private static final String PROBLEM = "application/problem+json";
    static final int MAX_IMPORT_ROWS = 10_000;

    private final PeopleCommands commands;
    private final Clock clock;
    private final JsonWebToken token;
    private final Validator validator;
    private final IdempotentCreates idempotent;
    private final OrganisationCalendar calendar;
    private final LeaverSweep leavers;
    private final LeaverCheck leaverCheck;
    private final PersonExport export;
    private final AccessLog accessLog;
    private final RequestBodies bodies;

    public PeopleResource(PeopleCommands commands, Clock clock, JsonWebToken token, Validator validator,
            IdempotentCreates idempotent, OrganisationCalendar calendar, LeaverSweep leavers, LeaverCheck leaverCheck,
            PersonExport export, AccessLog accessLog, RequestBodies bodies) {
        this.bodies = bodies;
        this.export = export;
        this.accessLog = accessLog;
        this.idempotent = idempotent;
        this.calendar = calendar;
        this.leavers = leavers;
        this.leaverCheck = leaverCheck;
        this.commands = commands;
        this.clock = clock;
        this.token = token;
        this.validator = validator;
    }

    @POST
    @Operation(operationId = "registerPerson", summary = "Register a person", description = "Records PersonRegistered (without name or email) "
            + "effective on effectiveOn (a calendar day in the organisation's time zone; today when left out, never after "
            + "today). The manager must be in the directory on that day. Answers the person with its version in the ETag.")
    @APIResponse(responseCode = "201", description = "Person registered",
            content = @Content(schema = @Schema(implementation = PersonView.class)),
            headers = { @Header(name = ResponseHeaders.ETAG, ref = ResponseHeaders.ETAG),
                    @Header(name = ResponseHeaders.LOCATION, ref = ResponseHeaders.LOCATION) })
    @APIResponse(responseCode = "400", description = "Invalid input, field by field",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "bad email", value = """
                            {"type":"https://oneonone.dev/problems/invalid-input","title":"Invalid input","status":400,
                             "detail":"1 field is invalid","instance":"/people",
                             "errors":[{"field":"email","message":"must be a well-formed email address", "reason": "email"}]}""")))
    @APIResponse(responseCode = "403", description = "Only an integration registers people",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "A person with this id already exists (a leaver: the detail names "
            + "POST /people/{personId}/rehire)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "A rule refused the person: effectiveOn after today "
            + "(effective-in-the-future), manager unknown or not employed on effectiveOn (manager-not-employed), email taken",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "future", value = PeopleProblems.EXAMPLE_FUTURE)))
    @RolesAllowed(Caller.INTEGRATION)
    @WithTransaction
    public Uni<Response> register(
            @Parameter(description = "Makes retries safe: the same key and body answer the first answer again; "
                    + "the same key with another body is refused (422).") @HeaderParam(IdempotentCreates.HEADER) String idempotencyKey,
            @Valid @NotNull RegisterPersonRequest request) {
        Caller caller = Caller.of(token);
        String organisation = caller.organisationId();
        return idempotent.once(caller, idempotencyKey, "POST /people", request,
                () -> registerNow(organisation, request));
    }

    private Uni<Response> registerNow(String organisation, RegisterPersonRequest request) {
        UUID personId = request.id() != null ? request.id() : UUID.randomUUID();
        return commands.register(organisation, personId, request.entry(), clock.instant())
                .chain(version -> findPerson(organisation, personId))
                .map(person -> Response.created(URI.create("/people/" + personId)).tag(Versions.tag(person.version))
                        .entity(view(person)).build());
    }

    @GET
    @Path("/{personId}")
    @WithSession
    @Authenticated
    @Operation(operationId = "getPerson", summary = "Read a person", description = "Visible to the organisation's integration, HR and directors, "
            + "to the person and to their manager. The version is in the ETag.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = PersonView.class)),
            headers = @Header(name = ResponseHeaders.ETAG, ref = ResponseHeaders.ETAG))
    @APIResponse(responseCode = "404", description = "No such person in this organisation, or not visible to the caller",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> get(@PathParam("personId") UUID personId) {
        Caller caller = Caller.of(token);
        return findPerson(caller.organisationId(), personId)
                .invoke(person -> {
                    if (!seesWholeDirectory(caller) && !isSelfOrManager(caller, person)) {
                        // the same answer as for a person who does not exist: no existence leak
                        throw new NotFoundException("No person " + personId);
                    }
                })
                .map(person -> Response.ok(view(person)).tag(Versions.tag(person.version)).build());
    }

    @GET
    @Path("/{personId}/export")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.INTEGRATION)
    @Operation(operationId = "exportPersonData", summary = "Export everything the suite holds about a person, for the organisation",
            description = "The document of GET /me/export for a person of the directory, on the organisation's behalf (e.g. to answer "
                    + "their access or portability request through the HR platform); without their private notes, which only their "
                    + "author reads, and without the 1:1 content (agenda's titles, details, notes' text and agreements' wording are null, "
                    + "each row with contentWithheld true): it stays with the two participants (docs/privacy.md, Export). Recorded "
                    + "in the access log of the person and of each other participant of their series (kind EXPORT). "
                    + MeResource.EXPORT_DESCRIPTION)
    @APIResponse(responseCode = "200", description = "The document, streamed",
            content = @Content(schema = @Schema(implementation = PersonExportDocument.class)))
    @APIResponse(responseCode = "403", description = "Not the organisation's integration",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such person in this organisation's directory",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response exportPerson(@PathParam("personId") UUID personId,
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        Caller caller = Caller.of(token);
        if (!export.inDirectory(caller.organisationId(), personId)) {
            throw new NotFoundException("No person " + personId);
        }
        accessLog.export(caller, AccessKind.EXPORT, personId, () -> export.otherParticipants(caller.organisationId(), personId));
        StreamingOutput document = out -> export.write(caller.organisationId(), personId, authorization, out);
        return Response.ok(document, MediaType.APPLICATION_JSON_TYPE)
                .header("Content-Disposition", "attachment; filename=\"oneonone-export-" + personId + ".json\"").build();
    }

    @PUT
    @Path("/{personId}")
    @Operation(operationId = "changePerson", summary = "Change a person", description = "Replaces the entry from effectiveOn (a calendar day "
            + "in the organisation's time zone; today when left out; not after today, not before the person's latest change, "
            + "not after their last day). Records PersonDetailsChanged when name, email, team or department changed (the "
            + "event carries team and department only) and ReportingLineChanged when the manager changed, both carrying "
            + "effectiveOn. A change that changes nothing records nothing. Send the version in If-Match to be sure nobody "
            + "changed the entry meanwhile.")
    @APIResponse(responseCode = "200", description = "The entry as it is now, its version in the ETag",
            content = @Content(schema = @Schema(implementation = PersonView.class)),
            headers = @Header(name = ResponseHeaders.ETAG, ref = ResponseHeaders.ETAG))
    @APIResponse(responseCode = "400", description = "Invalid input, field by field",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Only an integration changes people",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such person in this organisation",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The entry changed since the version in If-Match, or the employment "
            + "has ended by effectiveOn (employment-ended; the detail names POST /people/{personId}/rehire)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "stale version", value = """
                            {"type":"https://oneonone.dev/problems/version-conflict","title":"Version conflict","status":409,
                             "detail":"Person 2b8e4a90-6c1d-4f3e-8b27-5a9d0c7e3f12 is no longer at version 1; read it again and retry.",
                             "instance":"/people/2b8e4a90-6c1d-4f3e-8b27-5a9d0c7e3f12"}""")))
    @APIResponse(responseCode = "422", description = "A rule refused the change: effectiveOn after today "
            + "(effective-in-the-future) or before the person's latest change (effective-before-last-change), manager "
            + "unknown or not employed on effectiveOn, own manager, a reporting line that would go round in a circle, email taken",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "circle", value = """
                            {"type":"https://oneonone.dev/problems/reporting-cycle","title":"Refused by a domain rule","status":422,
                             "detail":"Person 7f1c2f5e-3b7a-4d8e-9a51-0d6f2b9e1a01 reports (directly or through others) to this person; the reporting line would go round in a circle.",
                             "instance":"/people/2b8e4a90-6c1d-4f3e-8b27-5a9d0c7e3f12",
                             "errors":[{"field":"managerId","message":"Person 7f1c2f5e-3b7a-4d8e-9a51-0d6f2b9e1a01 reports (directly or through others) to this person; the reporting line would go round in a circle.", "reason": "invalid-value"}]}""")))
    @RolesAllowed(Caller.INTEGRATION)
    @WithSession
    public Uni<Response> change(@PathParam("personId") UUID personId,
            @Parameter(description = "Version of the entry the caller last read, e.g. \"3\"") @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull ChangePersonRequest request) {
        String organisation = Caller.of(token).organisationId();
        Long expectedVersion = Versions.fromIfMatch(ifMatch);
        return commands.change(organisation, personId, expectedVersion, request.entry(), clock.instant())
                .chain(version -> findPerson(organisation, personId))
                .map(person -> Response.ok(view(person)).tag(Versions.tag(person.version)).build());
    }

    @POST
    @Path("/{personId}/employment-end")
    @Operation(operationId = "endEmployment", summary = "End a person's employment", description = "Records EmploymentEnded with lastDay, "
            + "which may be in the future. They are employed up to and including lastDay: until then they may be named "
            + "manager and keep their email; from the day after (the event's ce_time) their reporting line is closed, "
            + "their email is free and they cannot be a manager, their series end (SeriesEnded, reason EMPLOYMENT_ENDED), "
            + "their own requests are refused (403 employment-ended) and their calendar feeds answer 404. They stay in the "
            + "directory and its history. Until the last day has passed, posting again corrects it (a new EmploymentEnded, "
            + "earlier or later; the same day records nothing); a corrected last day already past has the consequences "
            + "above at once.")
    @APIResponse(responseCode = "200", description = "The entry as it is now, its version in the ETag",
            content = @Content(schema = @Schema(implementation = PersonView.class)),
            headers = @Header(name = ResponseHeaders.ETAG, ref = ResponseHeaders.ETAG))
    @APIResponse(responseCode = "400", description = "Invalid input, field by field",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Only an integration ends employments",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such person in this organisation",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Already ended: the last day has passed (employment-ended), or a stale If-Match",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "lastDay before the person's latest change (effective-before-last-change)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @RolesAllowed(Caller.INTEGRATION)
    @WithSession
    public Uni<Response> endEmployment(@PathParam("personId") UUID personId,
            @Parameter(description = "Version of the entry the caller last read, e.g. \"3\"") @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull EndEmploymentRequest request) {
        String organisation = Caller.of(token).organisationId();
        Long expectedVersion = Versions.fromIfMatch(ifMatch);
        return commands.endEmployment(organisation, personId, expectedVersion, request.lastDay(), clock.instant())
                .invoke(version -> {
                    leaverCheck.forget(organisation, personId); // this instance refuses them from the day after at once
                    leavers.soon(); // a last day already past ends their series now
                })
                .chain(version -> findPerson(organisation, personId))
                .map(person -> Response.ok(view(person)).tag(Versions.tag(person.version)).build());
    }

    @POST
    @Path("/{personId}/erasure")
    @Operation(operationId = "erasePerson", summary = "Erase a leaver's personal data",
            description = "The right to erasure, exercised through the organisation (a leaver's own token is refused): "
                    + "records PersonErased. Their name and email become placeholders (name \"(erased)\", email "
                    + "erased-{personId}@erased.invalid), their SCIM identity loses userName and externalId and answers "
                    + "404; agenda-service deletes their private notes and removes them as author of shared topics, notes "
                    + "and agreements. Their id, employment dates and reporting lines stay, so series, meetings and "
                    + "figures stay valid (they hold ids only). Only after the last day has passed. A second request "
                    + "answers the same and records nothing. See docs/privacy.md, Retention and erasure.")
    @APIResponse(responseCode = "200", description = "The erased entry, its version in the ETag",
            content = @Content(schema = @Schema(implementation = PersonView.class), examples = @ExampleObject(name = "erased",
                    value = """
                            {"id":"2b8e4a90-6c1d-4f3e-8b27-5a9d0c7e3f12","name":"(erased)",
                             "email":"erased-2b8e4a90-6c1d-4f3e-8b27-5a9d0c7e3f12@erased.invalid","team":"platform",
                             "department":"ENG","managerId":null,"employed":false,"employedSince":"2024-01-08",
                             "lastDay":"2026-10-30","version":4}""")),
            headers = @Header(name = ResponseHeaders.ETAG, ref = ResponseHeaders.ETAG))
    @APIResponse(responseCode = "400", description = "A body other than none or {}, field by field (unknown-field)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Only an integration erases a person, on the organisation's behalf",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such person in this organisation",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Their employment has not ended, or their last day has not passed "
            + "yet (still-employed)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "still employed", value = """
                            {"type":"https://oneonone.dev/problems/still-employed","title":"Refused by a domain rule","status":409,
                             "detail":"Only a person whose employment has ended is erased: they are employed until 2026-12-31; erase them from the day after.",
                             "instance":"/people/2b8e4a90-6c1d-4f3e-8b27-5a9d0c7e3f12/erasure"}""")))
    @RolesAllowed(Caller.INTEGRATION)
    @WithSession
    @RequestBody(required = false, description = "None; an empty object is taken too", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT,
            additionalProperties = Schema.False.class, description = "No input: leave the body out, or send {}.")))
    public Uni<Response> erase(@PathParam("personId") UUID personId,
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, String body)
            throws JsonProcessingException {
        bodies.none(body, contentType); // before anything is looked up: a body that is not {} changes nothing
        String organisation = Caller.of(token).organisationId();
        return commands.erase(organisation, personId, clock.instant())
                .chain(version -> findPerson(organisation, personId))
                .map(person -> Response.ok(view(person)).tag(Versions.tag(person.version)).build());
    }

    @DELETE
    @Path("/{personId}/employment-end")
    @Operation(operationId = "withdrawEmploymentEnd", summary = "Withdraw a notified end of employment",
            description = "Records EmploymentEndWithdrawn while the last day has not passed: the person stays employed "
                    + "with no end recorded (lastDay null), their reporting line stays open. After the last day, "
                    + "bring them back with POST /people/{personId}/rehire instead.")
    @APIResponse(responseCode = "200", description = "The entry as it is now, its version in the ETag",
            content = @Content(schema = @Schema(implementation = PersonView.class)),
            headers = @Header(name = ResponseHeaders.ETAG, ref = ResponseHeaders.ETAG))
    @APIResponse(responseCode = "403", description = "Only an integration withdraws an end of employment",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such person in this organisation",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "No end recorded (no-pending-end), the last day has passed "
            + "(employment-ended), or a stale If-Match",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @RolesAllowed(Caller.INTEGRATION)
    @WithSession
    public Uni<Response> withdrawEmploymentEnd(@PathParam("personId") UUID personId,
            @Parameter(description = "Version of the entry the caller last read, e.g. \"3\"") @HeaderParam("If-Match") String ifMatch) {
        String organisation = Caller.of(token).organisationId();
        return commands.withdrawEmploymentEnd(organisation, personId, Versions.fromIfMatch(ifMatch), clock.instant())
                .invoke(version -> leaverCheck.forget(organisation, personId))
                .chain(version -> findPerson(organisation, personId))
                .map(person -> Response.ok(view(person)).tag(Versions.tag(person.version)).build());
    }

    @POST
    @Path("/{personId}/rehire")
    @Operation(operationId = "rehirePerson", summary = "Rehire a leaver", description = "Opens a new employment period "
            + "for the same person id from effectiveOn (a calendar day in the organisation's time zone, after their last "
            + "day, not after today; today when left out) with the entry given, and records PersonRehired. Their history "
            + "(series, meetings, figures) stays. The email must be free; the manager employed on effectiveOn.")
    @APIResponse(responseCode = "200", description = "The entry as it is now, its version in the ETag",
            content = @Content(schema = @Schema(implementation = PersonView.class)),
            headers = @Header(name = ResponseHeaders.ETAG, ref = ResponseHeaders.ETAG))
    @APIResponse(responseCode = "400", description = "Invalid input, field by field",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Only an integration rehires people",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such person in this organisation",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Their employment has not ended by today (still-employed), or a stale If-Match",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "still employed", value = PeopleProblems.EXAMPLE_STILL_EMPLOYED)))
    @APIResponse(responseCode = "422", description = "A rule refused the rehire: effectiveOn after today or not after "
            + "the last day, manager unknown or not employed on effectiveOn, a circle, email taken",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @RolesAllowed(Caller.INTEGRATION)
    @WithSession
    public Uni<Response> rehire(@PathParam("personId") UUID personId,
            @Parameter(description = "Version of the entry the caller last read, e.g. \"3\"") @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull RehirePersonRequest request) {
        String organisation = Caller.of(token).organisationId();
        Long expectedVersion = Versions.fromIfMatch(ifMatch);
        return commands.rehire(organisation, personId, expectedVersion, request.entry(), clock.instant())
                .invoke(version -> leaverCheck.forget(organisation, personId)) // served again at once on this instance
                .chain(version -> findPerson(organisation, personId))
                .map(person -> Response.ok(view(person)).tag(Versions.tag(person.version)).build());
    }

    @GET
    @WithSession
    @Authenticated
    @Operation(operationId = "listPeople", summary = "List people", description = "The organisation's integration, HR and directors get the whole "
            + "directory; a person gets themselves and their direct reports. Filters combine; cursor paging: pass the "
            + "answer's 'next' as 'after'.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = PersonPage.class)))
    @APIResponse(responseCode = "400", description = "A page size over " + Paging.MAX_LIMIT + " or a malformed cursor",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Uni<PersonPage> list(
            @Parameter(description = Paging.LIMIT_DESCRIPTION, example = "50") @QueryParam("limit") @DefaultValue(Paging.DEFAULT_LIMIT)
            @Min(1) @Max(Paging.MAX_LIMIT) int limit,
            @Parameter(description = Paging.AFTER_DESCRIPTION) @QueryParam("after") String cursor,
            @Parameter(description = "Only this team", example = "platform") @QueryParam("team") @Size(max = 100) String team,
            @Parameter(description = "Only this department", example = "ENG") @QueryParam("department") @Size(max = 100) String department,
            @Parameter(description = "Only the direct reports of this person") @QueryParam("managerId") UUID managerId,
            @Parameter(description = "Only people employed today, up to and including their last day (true), or former ones (false)") @QueryParam("employed") Boolean employed) {
        UUID after = Paging.afterId(cursor);
        Caller caller = Caller.of(token);
        LocalDate today = calendar.today(caller.organisationId());
        StringBuilder query = new StringBuilder("organisationId = :org");
        Parameters parameters = Parameters.with("org", caller.organisationId());
        if (!seesWholeDirectory(caller)) {
            query.append(" and (personId = :me or managerId = :me)");
            parameters.and("me", caller.personId() == null ? new UUID(0, 0) : caller.personId());
        }
        if (team != null) {
            query.append(" and team = :team");
            parameters.and("team", team);
        }
        if (department != null) {
            query.append(" and department = :department");
            parameters.and("department", department);
        }
        if (managerId != null) {
            query.append(" and managerId = :manager");
            parameters.and("manager", managerId);
        }
        if (employed != null) {
            query.append(employed ? " and " + PersonOverview.EMPLOYED_ON_TODAY : " and lastDay < :today");
            parameters.and("today", today);
        }
        if (after != null) {
            query.append(" and personId > :after");
            parameters.and("after", after);
        }
        return PersonOverview.<PersonOverview>find(query + " order by personId", parameters)
                .page(0, limit + 1).list()
                .map(rows -> PersonPage.of(rows, limit, today));
    }

    @ImportBudget
    @POST
    @Path("/import")
    @Operation(operationId = "importPeople", summary = "Import many people at once, all or none", description = "Up to " + MAX_IMPORT_ROWS
            + " rows and 16 MiB. Each row has its own effectiveOn (its first day; today when left out) and its event happens "
            + "at the start of that day. Every row is checked (input, ids, emails, dates, managers among the rows and in the "
            + "directory, employed on the row's effectiveOn, reporting lines going round in a circle); if any row is refused, nothing is stored and every refusal is "
            + "answered, named by row (people[17].email). Otherwise one PersonRegistered per row, managers before their "
            + "reports, all in one transaction.")
    @APIResponse(responseCode = "201", description = "Everyone registered; their ids in row order",
            content = @Content(schema = @Schema(implementation = ImportedPeople.class)))
    @APIResponse(responseCode = "400", description = "No rows, more than " + MAX_IMPORT_ROWS + ", or a null row (people[i])",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Only an integration imports people",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Body over 16 MiB",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "At least one row refused; nothing stored",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "rows refused", value = PeopleProblems.EXAMPLE_IMPORT_REFUSED)))
    @RolesAllowed(Caller.INTEGRATION)
    @WithTransaction
    public Uni<Response> importPeople(
            @Parameter(description = "Makes retries safe: the same key and body answer the first answer again; "
                    + "the same key with another body is refused (422).") @HeaderParam(IdempotentCreates.HEADER) String idempotencyKey,
            @Valid @NotNull ImportPeopleRequest request) {
        Caller caller = Caller.of(token);
        String organisation = caller.organisationId();
        return idempotent.once(caller, idempotencyKey, "POST /people/import", request,
                () -> importNow(organisation, request));
    }

    private Uni<Response> importNow(String organisation, ImportPeopleRequest request) {
        List<UUID> ids = new ArrayList<>(request.people().size());
        List<PersonEntry> rows = new ArrayList<>(request.people().size());
        List<RowError> inputErrors = new ArrayList<>();
        for (int i = 0; i < request.people().size(); i++) {
            RegisterPersonRequest row = request.people().get(i); // never null: refused with 400 people[i] before
            for (ConstraintViolation<RegisterPersonRequest> violation : validator.validate(row)) {
                inputErrors.add(new RowError(i, violation.getPropertyPath().toString(), violation.getMessage()));
            }
            ids.add(row.id() != null ? row.id() : UUID.randomUUID());
            rows.add(row.entry());
        }
        return commands.importPeople(organisation, ids, rows, inputErrors, clock.instant())
                .map(created -> Response.status(Response.Status.CREATED)
                        .entity(new ImportedPeople(created.size(), created)).build());
    }

    private PersonView view(PersonOverview person) {
        return PersonView.of(person, calendar.today(person.organisationId));
    }

    private static boolean seesWholeDirectory(Caller caller) {
        return caller.is(Caller.INTEGRATION) || caller.is(Caller.HR) || caller.is(Caller.DIRECTOR);
    }

    private static boolean isSelfOrManager(Caller caller, PersonOverview person) {
        UUID me = caller.personId();
        return me != null && (me.equals(person.personId) || me.equals(person.managerId));
    }

    private static Uni<PersonOverview> findPerson(String organisationId, UUID personId) {
        return PersonOverview.<PersonOverview>find("personId = ?1 and organisationId = ?2", personId, organisationId)
                .firstResult()
                .onItem().ifNull().failWith(() -> new NotFoundException("No person " + personId));
    }

}
