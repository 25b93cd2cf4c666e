package dev.oneonone.endtoend;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import dev.oneonone.local.LocalSigningKey;
import dev.oneonone.local.SuiteService;
import dev.oneonone.local.SuiteServices;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The services' REST APIs as the people and platforms of one organisation use them, each call with
 * the bearer token of the role that makes it: the HR platform (integration) sets up series and
 * meetings, a participant reads the agenda, HR reads the insights.
 */
final class SuiteClient {
    private static final Duration TOKEN_LIFETIME = Duration.ofMinutes(30);

    private final SuiteServices services;
    private final LocalSigningKey signingKey;
    private final String organisationId;

    SuiteClient(SuiteServices services, LocalSigningKey signingKey, String organisationId) {
        this.services = services;
        this.signingKey = signingKey;
        this.organisationId = organisationId;
    }

    /** The same services, called by the people and platforms of another organisation. */
    SuiteClient forOrganisation(String otherOrganisationId) {
        return new SuiteClient(services, signingKey, otherOrganisationId);
    }

    /** meetings-service: {@code POST /series}, by the organisation's HR platform. */
    Response startSeries(String seriesJson) {
        return request(SuiteService.MEETINGS, integration()).contentType(ContentType.JSON).body(seriesJson)
                .post("/series");
    }

    /** meetings-service: {@code POST /series/{id}/meetings}, stating the series version read (its ETag). */
    Response scheduleMeeting(String seriesId, String seriesETag, String meetingJson) {
        return request(SuiteService.MEETINGS, integration())
                .contentType(ContentType.JSON)
                .header("If-Match", seriesETag)
                .body(meetingJson)
                .post("/series/{seriesId}/meetings", seriesId);
    }

    /** meetings-service: {@code POST /series/{id}/meetings/{meeting}/held}, by the HR platform. */
    Response recordHeld(String seriesId, String meetingId, String seriesETag, String heldJson) {
        return request(SuiteService.MEETINGS, integration())
                .contentType(ContentType.JSON)
                .header("If-Match", seriesETag)
                .body(heldJson)
                .post("/series/{seriesId}/meetings/{meetingId}/held", seriesId, meetingId);
    }

    /** meetings-service: {@code /webhooks/endpoints...}, by the organisation's HR platform. */
    RequestSpecification webhooks() {
        return request(SuiteService.MEETINGS, integration()).contentType(ContentType.JSON);
    }

    /** agenda-service: {@code POST /meetings/{id}/topics}, by one of the meeting's two people. */
    Response addTopic(String meetingId, UUID person, String topicJson) {
        return request(SuiteService.AGENDA, person(person)).contentType(ContentType.JSON).body(topicJson)
                .post("/meetings/{meetingId}/topics", meetingId);
    }

    /** agenda-service: {@code POST /meetings/{id}/topics/{topic}/discussed}, by one of the meeting's two people. */
    Response markDiscussed(String meetingId, String topicId, UUID person) {
        return request(SuiteService.AGENDA, person(person))
                .post("/meetings/{meetingId}/topics/{topicId}/discussed", meetingId, topicId);
    }

    /** agenda-service: {@code POST /meetings/{id}/agreements}, by one of the meeting's two people. */
    Response makeAgreement(String meetingId, UUID person, String agreementJson) {
        return request(SuiteService.AGENDA, person(person)).contentType(ContentType.JSON).body(agreementJson)
                .post("/meetings/{meetingId}/agreements", meetingId);
    }

    private String person(UUID person) {
        return signingKey.mint(organisationId, person.toString(), List.of("person"), TOKEN_LIFETIME);
    }

    /** agenda-service: {@code GET /meetings/{id}/agenda}, by a person of the organisation. */
    Response agenda(String meetingId, UUID person) {
        return request(SuiteService.AGENDA, signingKey.mint(organisationId, person.toString(), List.of("person"),
                TOKEN_LIFETIME)).get("/meetings/{meetingId}/agenda", meetingId);
    }

    /** insights-service: {@code GET /series/{id}}, by the organisation's HR. */
    Response seriesInsight(String seriesId) {
        return request(SuiteService.INSIGHTS, signingKey.mint(organisationId, UUID.randomUUID().toString(),
                List.of("hr"), TOKEN_LIFETIME)).get("/series/{seriesId}", seriesId);
    }

    /** meetings-service: {@code POST /people/import}, by the HR platform (a body serialised to JSON). */
    Response importPeople(Object body) {
        return request(SuiteService.MEETINGS, integration()).contentType(ContentType.JSON).body(body)
                .post("/people/import");
    }

    /** meetings-service: {@code PUT /people/{id}}, the whole entry from its {@code effectiveOn}, by the HR platform. */
    Response changePerson(String personId, Object body) {
        return request(SuiteService.MEETINGS, integration()).contentType(ContentType.JSON).body(body)
                .put("/people/{personId}", personId);
    }

    /** meetings-service: {@code POST /people/{id}/employment-end}, by the HR platform. */
    Response endEmployment(String personId, Object body) {
        return request(SuiteService.MEETINGS, integration()).contentType(ContentType.JSON).body(body)
                .post("/people/{personId}/employment-end", personId);
    }

    /** meetings-service: {@code POST /people/{id}/erasure}, a leaver's erasure by the HR platform. */
    Response erasePerson(UUID personId) {
        return request(SuiteService.MEETINGS, integration()).contentType(ContentType.JSON)
                .post("/people/{personId}/erasure", personId);
    }

    /** meetings-service: {@code POST /series/import}, past series with their meetings, by the HR platform. */
    Response importSeries(Object body) {
        return request(SuiteService.MEETINGS, integration()).contentType(ContentType.JSON).body(body)
                .post("/series/import");
    }

    /** meetings-service: {@code GET /series/{id}}, by the HR platform. */
    Response series(String seriesId) {
        return request(SuiteService.MEETINGS, integration()).get("/series/{seriesId}", seriesId);
    }

    /** insights-service: any {@code GET} (rollups, trends, series figures), by the organisation's HR. */
    Response insights(String path, Object... pathParameters) {
        return request(SuiteService.INSIGHTS, signingKey.mint(organisationId, UUID.randomUUID().toString(),
                List.of("hr"), TOKEN_LIFETIME)).get(path, pathParameters);
    }

    /** meetings-service: {@code GET /me/...} ({@code access-log}, {@code export}), by the person themself. */
    Response mine(UUID person, String path) {
        return request(SuiteService.MEETINGS, person(person)).get("/me/" + path);
    }

    /** meetings-service: {@code GET /people/{id}/export}, by the HR platform on the organisation's behalf. */
    Response exportPerson(UUID person) {
        return request(SuiteService.MEETINGS, integration()).get("/people/{personId}/export", person);
    }

    /** agenda-service: {@code POST /meetings/{id}/notes}, by one of the meeting's two people. */
    Response writeNote(String meetingId, UUID person, String noteJson) {
        return request(SuiteService.AGENDA, person(person)).contentType(ContentType.JSON).body(noteJson)
                .post("/meetings/{meetingId}/notes", meetingId);
    }

    /** The base URL of a service of the suite. */
    String url(SuiteService service) {
        return services.url(service);
    }

    /** meetings-service: {@code GET /people/{id}}, by the HR platform. */
    Response getPerson(UUID personId) {
        return request(SuiteService.MEETINGS, integration()).get("/people/{personId}", personId);
    }

    /** A bearer token of the organisation's HR platform or identity provider (role integration). */
    String integrationToken() {
        return integration();
    }

    private String integration() {
        return signingKey.mint(organisationId, "integration-" + organisationId, List.of("integration"), TOKEN_LIFETIME);
    }

    private RequestSpecification request(SuiteService service, String token) {
        return RestAssured.given().baseUri(services.url(service)).auth().oauth2(token);
    }
}
