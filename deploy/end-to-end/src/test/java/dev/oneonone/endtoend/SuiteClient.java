package dev.oneonone.endtoend;

import dev.oneonone.local.SuiteService;
import dev.oneonone.local.SuiteServices;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The services' REST APIs as a caller acting for one organisation uses them.
 *
 * <p>The only place that knows how a caller says who it is (today the {@code X-Organisation-Id} header, soon a JWT
 * bearer token): every request of the end-to-end tests goes through here.
 */
final class SuiteClient {

    private static final String ORGANISATION_HEADER = "X-Organisation-Id";

    private final SuiteServices services;
    private final String organisationId;

    SuiteClient(SuiteServices services, String organisationId) {
        this.services = services;
        this.organisationId = organisationId;
    }

    /** The same services, called on behalf of another organisation. */
    SuiteClient forOrganisation(String otherOrganisationId) {
        return new SuiteClient(services, otherOrganisationId);
    }

    /** meetings-service: {@code POST /series}. */
    Response startSeries(String seriesJson) {
        return request(SuiteService.MEETINGS).contentType(ContentType.JSON).body(seriesJson).post("/series");
    }

    /** meetings-service: {@code POST /series/{id}/meetings}, stating the series version read (its ETag). */
    Response scheduleMeeting(String seriesId, String seriesETag, String meetingJson) {
        return request(SuiteService.MEETINGS)
                .contentType(ContentType.JSON)
                .header("If-Match", seriesETag)
                .body(meetingJson)
                .post("/series/{seriesId}/meetings", seriesId);
    }

    /** agenda-service: {@code GET /meetings/{id}/agenda}. */
    Response agenda(String meetingId) {
        return request(SuiteService.AGENDA).get("/meetings/{meetingId}/agenda", meetingId);
    }

    /** insights-service: {@code GET /series/{id}}. */
    Response seriesInsight(String seriesId) {
        return request(SuiteService.INSIGHTS).get("/series/{seriesId}", seriesId);
    }

    private RequestSpecification request(SuiteService service) {
        return RestAssured.given()
                .baseUri(services.url(service))
                .header(ORGANISATION_HEADER, organisationId);
    }
}
