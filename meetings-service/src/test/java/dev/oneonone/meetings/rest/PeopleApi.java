package dev.oneonone.meetings.rest;

import static dev.oneonone.meetings.rest.MeetingsApi.as;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.restassured.response.ValidatableResponse;

/** The people calls the tests make, in the words of the API. */
public final class PeopleApi {

    private PeopleApi() {
    }

    /** A directory entry with a made-up name and email derived from the id. */
    public static Map<String, Object> person(UUID id, UUID managerId) {
        Map<String, Object> body = new HashMap<>();
        body.put("id", id.toString());
        body.put("name", "Person " + id.toString().substring(0, 8));
        body.put("email", id + "@people.example");
        body.put("team", "platform");
        body.put("department", "ENG");
        if (managerId != null) {
            body.put("managerId", managerId.toString());
        }
        return body;
    }

    public static ValidatableResponse register(String organisation, Map<String, Object> body) {
        return as(organisation).body(body).post("/people").then();
    }

    /** Registers a person with the given id (and manager, if any) and answers the id. */
    public static UUID registerPerson(String organisation, UUID id, UUID managerId) {
        register(organisation, person(id, managerId)).statusCode(201);
        return id;
    }

    public static UUID registerPerson(String organisation, UUID managerId) {
        return registerPerson(organisation, UUID.randomUUID(), managerId);
    }

    /** Registers a person whose first day was {@code effectiveOn}. */
    public static UUID registerPersonOn(String organisation, UUID id, UUID managerId, LocalDate effectiveOn) {
        Map<String, Object> body = person(id, managerId);
        body.put("effectiveOn", effectiveOn.toString());
        register(organisation, body).statusCode(201);
        return id;
    }

    /** Registers a person employed from {@code firstDay} up to and including {@code lastDay}. */
    public static UUID registerLeaver(String organisation, UUID id, LocalDate firstDay, LocalDate lastDay) {
        registerPersonOn(organisation, id, null, firstDay);
        endEmployment(organisation, id, lastDay).statusCode(200);
        return id;
    }

    public static ValidatableResponse endEmployment(String organisation, UUID id, LocalDate lastDay) {
        return as(organisation).body(Map.of("lastDay", lastDay.toString())).post("/people/{id}/employment-end", id).then();
    }

    /** Changes only the manager, keeping the rest of the entry as {@link #person} made it. */
    public static ValidatableResponse changeManager(String organisation, UUID id, UUID managerId) {
        Map<String, Object> body = person(id, managerId);
        body.remove("id");
        return as(organisation).body(body).put("/people/{id}", id).then();
    }
}
