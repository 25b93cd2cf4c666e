package dev.oneonone.meetings.rest.calendar;

import static dev.oneonone.meetings.rest.MeetingsApi.as;
import static dev.oneonone.meetings.rest.MeetingsApi.personToken;
import static dev.oneonone.meetings.rest.MeetingsApi.startSeries;
import static dev.oneonone.meetings.rest.MeetingsApi.startWeeklySeries;
import static dev.oneonone.meetings.rest.MeetingsApi.weeklySeries;
import static dev.oneonone.meetings.rest.MeetingsApi.with;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.Temporal;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import dev.oneonone.meetings.application.calendar.FeedSecrets;
import dev.oneonone.meetings.rest.MeetingsApi;
import dev.oneonone.meetings.rest.PeopleApi;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.DateProperty;
import net.fortuna.ical4j.model.property.ExDate;
import net.fortuna.ical4j.model.property.Sequence;

/** Calendar feeds through the REST API: created with a token, read without one, parsed with ical4j. */
@QuarkusTest
class CalendarFeedResourceTest {
    private static final String ORG = "calendar";
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Inject
    DataSource dataSource;

    @Test
    void a_feed_shows_moved_and_cancelled_meetings_and_the_planned_slots() throws Exception {
        UUID leader = UUID.randomUUID();
        UUID report = UUID.randomUUID();
        Map<String, Object> body = new HashMap<>(weeklySeries(leader, report));
        body.put("preferredWeekday", "TUESDAY");
        body.put("preferredTime", "10:00");
        String series = startSeries(ORG, body).statusCode(201).extract().path("id");
        Map<String, Object> mentoring = new HashMap<>(body);
        mentoring.put("relationship", "MENTOR_MENTEE");
        mentoring.put("cadence", "BIWEEKLY");
        String biweekly = startSeries(ORG, mentoring).statusCode(201).extract().path("id");

        String leaderToken = personToken(ORG, leader);
        LocalDate firstTuesday = LocalDate.now(BERLIN).with(TemporalAdjusters.next(DayOfWeek.TUESDAY));
        Instant[] slots = new Instant[3];
        String[] meetings = new String[3];
        for (int i = 0; i < 3; i++) {
            slots[i] = ZonedDateTime.of(firstTuesday.plusWeeks(i), LocalTime.of(10, 0), BERLIN).toInstant();
            meetings[i] = with(leaderToken).body(Map.of("scheduledFor", slots[i].toString()))
                    .post("/series/{id}/meetings", series).then().statusCode(201).extract().path("id");
        }
        Instant movedTo = ZonedDateTime.of(firstTuesday.plusDays(1), LocalTime.of(15, 30), BERLIN).toInstant();
        with(leaderToken).body(Map.of("to", movedTo.toString(), "reason", "CONFLICT"))
                .post("/series/{id}/meetings/{m}/reschedule", series, meetings[0]).then().statusCode(200);
        with(leaderToken).body(Map.of("reason", "ILLNESS"))
                .post("/series/{id}/meetings/{m}/cancel", series, meetings[1]).then().statusCode(200);

        String url = with(personToken(ORG, report)).body(Map.of()).post("/calendar/feeds").then().statusCode(201)
                .body("id", matchesPattern("[0-9a-f-]{36}"))
                .body("url", matchesPattern("http://localhost:[0-9]+/calendar/feeds/[A-Za-z0-9_-]{43}\\.ics"))
                .extract().path("url");

        Response feed = given().get(url); // no token: calendars cannot send one
        assertEquals(200, feed.statusCode(), feed.asString());
        assertEquals("text/calendar;charset=utf-8", feed.contentType().replace(" ", "").toLowerCase());
        Calendar calendar = new CalendarBuilder().build(new StringReader(feed.asString()));

        VEvent moved = event(calendar, meetings[0] + "@oneonone");
        assertEquals(movedTo, Instant.from(start(moved).getDate()));
        assertEquals("Europe/Berlin", start(moved).getParameter("TZID").orElseThrow().getValue());
        assertEquals(1, moved.<Sequence>getProperty(Property.SEQUENCE).orElseThrow().getSequenceNo());
        assertEquals("CONFIRMED", value(moved, Property.STATUS));
        assertEquals("1:1 (manager–report)", value(moved, Property.SUMMARY));

        VEvent cancelled = event(calendar, meetings[1] + "@oneonone");
        assertEquals("CANCELLED", value(cancelled, Property.STATUS));
        assertEquals(slots[1], Instant.from(start(cancelled).getDate()));

        VEvent untouched = event(calendar, meetings[2] + "@oneonone");
        assertEquals(0, untouched.<Sequence>getProperty(Property.SEQUENCE).orElseThrow().getSequenceNo());
        assertEquals("CONFIRMED", value(untouched, Property.STATUS));

        List<VTimeZone> zones = calendar.getComponents("VTIMEZONE");
        assertEquals(1, zones.size());
        assertEquals("Europe/Berlin", zones.get(0).getTimeZoneId().getValue());

        VEvent weekly = event(calendar, "series-" + series + "@oneonone");
        assertEquals("FREQ=WEEKLY;INTERVAL=1", value(weekly, Property.RRULE));
        Instant firstSlot = Instant.from(start(weekly).getDate());
        ZonedDateTime firstSlotThere = firstSlot.atZone(BERLIN);
        assertEquals(DayOfWeek.TUESDAY, firstSlotThere.getDayOfWeek());
        assertEquals(LocalTime.of(10, 0), firstSlotThere.toLocalTime());
        assertEquals("Europe/Berlin", start(weekly).getParameter("TZID").orElseThrow().getValue());
        // each Tuesday that already has its real meeting (moved, cancelled or not) is not shown twice
        ExDate<Temporal> exdates = weekly.<ExDate<Temporal>>getProperty(Property.EXDATE).orElseThrow();
        List<Instant> excluded = exdates.getDates().stream().map(Instant::from).toList();
        assertTrue(excluded.containsAll(List.of(slots[1], slots[2])), "EXDATE " + excluded);

        VEvent everyOtherWeek = event(calendar, "series-" + biweekly + "@oneonone");
        assertEquals("FREQ=WEEKLY;INTERVAL=2", value(everyOtherWeek, Property.RRULE));
        assertEquals("1:1 (mentor–mentee), planned slot", value(everyOtherWeek, Property.SUMMARY));

        // a feed of the one series holds its meetings and slots only
        String seriesUrl = with(leaderToken).body(Map.of("seriesId", series)).post("/calendar/feeds").then()
                .statusCode(201).extract().path("url");
        Calendar ofSeries = new CalendarBuilder().build(new StringReader(given().get(seriesUrl).then().statusCode(200)
                .extract().asString()));
        assertEquals(4, ofSeries.getComponents("VEVENT").size());
    }

    @Test
    void daily_and_monthly_cadences_become_weekly_rules() throws Exception {
        UUID person = UUID.randomUUID();
        for (String cadence : List.of("DAILY", "MONTHLY")) {
            Map<String, Object> body = new HashMap<>(weeklySeries(person, UUID.randomUUID()));
            body.put("cadence", cadence);
            body.put("relationship", cadence.equals("DAILY") ? "MANAGER_REPORT" : "PEER");
            body.put("preferredWeekday", "THURSDAY");
            body.put("preferredTime", "09:15");
            startSeries(ORG, body).statusCode(201);
        }
        String url = as(ORG).body(Map.of("personId", person.toString())).post("/calendar/feeds").then()
                .statusCode(201).extract().path("url");
        Calendar calendar = new CalendarBuilder().build(new StringReader(given().get(url).asString()));
        List<String> rules = calendar.<VEvent>getComponents("VEVENT").stream().map(e -> value(e, Property.RRULE)).sorted().toList();
        assertEquals(List.of("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "FREQ=WEEKLY;INTERVAL=4"), rules);
    }

    @Test
    void only_a_hash_of_the_secret_is_stored_and_a_revoked_feed_is_gone() throws Exception {
        UUID person = UUID.randomUUID();
        startWeeklySeries(ORG, person, UUID.randomUUID());
        Response created = with(personToken(ORG, person)).body(Map.of()).post("/calendar/feeds");
        assertEquals(201, created.statusCode(), created.asString());
        String id = created.path("id");
        String url = created.path("url");
        String secret = url.substring(url.indexOf("/calendar/feeds/") + "/calendar/feeds/".length(), url.length() - ".ics".length());

        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("select * from calendar_feed where feed_id = ?")) {
            select.setObject(1, UUID.fromString(id));
            try (ResultSet row = select.executeQuery()) {
                assertTrue(row.next());
                assertEquals(FeedSecrets.hash(secret), row.getString("secret_sha256"));
                assertEquals(person, row.getObject("person_id"));
                for (int column = 1; column <= row.getMetaData().getColumnCount(); column++) {
                    String stored = String.valueOf(row.getObject(column));
                    assertFalse(stored.contains(secret), "column " + row.getMetaData().getColumnName(column));
                }
            }
        }

        given().get(url).then().statusCode(200);
        with(personToken(ORG, UUID.randomUUID())).delete("/calendar/feeds/{id}", id).then().statusCode(404);
        with(personToken(ORG, person)).delete("/calendar/feeds/{id}", id).then().statusCode(204);
        given().get(url).then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("https://oneonone.dev/problems/not-found"));
        as(ORG).delete("/calendar/feeds/{id}", id).then().statusCode(204);
    }

    @Test
    void a_feed_stops_working_the_day_after_its_owners_last_day() {
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        UUID person = PeopleApi.registerPersonOn(ORG, UUID.randomUUID(), null, today.minusDays(10));
        MeetingsApi.startWeeklySeries(ORG, person, UUID.randomUUID());
        String url = feedOf(person);
        given().get(url).then().statusCode(200);

        // a last day today: employed until the end of it, the feed still works
        UUID staying = PeopleApi.registerPersonOn(ORG, UUID.randomUUID(), null, today.minusDays(10));
        MeetingsApi.startWeeklySeries(ORG, staying, UUID.randomUUID());
        String stayingUrl = feedOf(staying);
        PeopleApi.endEmployment(ORG, staying, today).statusCode(200);
        given().get(stayingUrl).then().statusCode(200);

        PeopleApi.endEmployment(ORG, person, today.minusDays(1)).statusCode(200);
        given().get(url).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void unknown_secrets_are_404_problems() {
        given().get("/calendar/feeds/{secret}.ics", FeedSecrets.newSecret()).then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404));
        given().get("/calendar/feeds/not-a-secret.ics").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void nobody_gets_a_feed_of_a_series_they_are_not_in() {
        UUID person = UUID.randomUUID();
        String theirs = startWeeklySeries(ORG, person, UUID.randomUUID());
        String someoneElses = startWeeklySeries(ORG);
        String otherOrganisations = startWeeklySeries("calendar-other", person, UUID.randomUUID());
        String token = personToken(ORG, person);

        with(token).body(Map.of("seriesId", theirs)).post("/calendar/feeds").then().statusCode(201);
        with(token).body(Map.of("seriesId", someoneElses)).post("/calendar/feeds").then().statusCode(404)
                .contentType("application/problem+json");
        with(token).body(Map.of("seriesId", otherOrganisations)).post("/calendar/feeds").then().statusCode(404);
        with(token).body(Map.of("personId", UUID.randomUUID().toString())).post("/calendar/feeds").then().statusCode(403);
        as(ORG).body(Map.of("seriesId", otherOrganisations)).post("/calendar/feeds").then().statusCode(404);
        as(ORG).body(Map.of("personId", UUID.randomUUID().toString())).post("/calendar/feeds").then().statusCode(404);
        as(ORG).body(Map.of()).post("/calendar/feeds").then().statusCode(400).body("errors[0].field", equalTo("personId"));
        as(ORG).body(Map.of("seriesId", theirs, "personId", person.toString())).post("/calendar/feeds").then().statusCode(400);
        with(null).body(Map.of()).post("/calendar/feeds").then().statusCode(401);
    }

    @Test
    void feeds_answer_conditional_requests_and_carry_a_refresh_hint() {
        UUID person = UUID.randomUUID();
        String series = startWeeklySeries(ORG, person, UUID.randomUUID());
        String url = feedOf(person);
        afterThisSecond(); // a Last-Modified in the second of the last change is sent a second early (case 2 below)

        Response first = given().get(url);
        assertEquals(200, first.statusCode());
        String etag = first.header("ETag");
        String lastModified = first.header("Last-Modified");
        assertTrue(etag != null && etag.matches("\"[0-9a-f]{32}\""), etag);
        assertTrue(lastModified != null && lastModified.endsWith(" GMT"), lastModified);
        assertTrue(first.asString().contains("REFRESH-INTERVAL;VALUE=DURATION:PT1H\r\n"), first.asString());
        assertTrue(first.asString().contains("X-PUBLISHED-TTL:PT1H\r\n"), first.asString());
        assertEquals(first.asString(), given().get(url).asString(), "the same state renders the same bytes");

        Response unchanged = given().header("If-None-Match", etag).get(url);
        assertEquals(304, unchanged.statusCode());
        assertEquals("", unchanged.asString());
        assertEquals(etag, unchanged.header("ETag"));
        given().header("If-Modified-Since", lastModified).get(url).then().statusCode(304);
        given().header("If-None-Match", "\"something-else\"").get(url).then().statusCode(200);

        with(personToken(ORG, person)).body(Map.of()).post("/series/{id}/meetings/next", series).then().statusCode(201);
        Response changed = given().header("If-None-Match", etag).get(url);
        assertEquals(200, changed.statusCode());
        assertFalse(etag.equals(changed.header("ETag")));
        given().header("If-None-Match", changed.header("ETag")).get(url).then().statusCode(304);
    }

    /**
     * Issue 14 follow-up, case 2: a change in the same second as the Last-Modified a client holds is not lost. The
     * Last-Modified of a change in the current second is sent one second early; If-Modified-Since answers 304 iff the
     * last change, truncated to seconds, is not after it.
     */
    @Test
    void a_change_in_the_same_second_as_the_last_modified_a_client_holds_is_not_answered_304() {
        UUID person = UUID.randomUUID();
        String series = startWeeklySeries(ORG, person, UUID.randomUUID());
        String url = feedOf(person);
        for (int round = 0; round < 3; round++) {
            // read, change, read with what was read: several requests within one second as a rule, whatever the second
            Response read = given().get(url);
            with(personToken(ORG, person)).body(Map.of()).post("/series/{id}/meetings/next", series).then().statusCode(201);
            Response after = given().header("If-Modified-Since", read.header("Last-Modified")).get(url);
            assertEquals(200, after.statusCode(), "round " + round + ": a change after a read with Last-Modified "
                    + read.header("Last-Modified") + " (" + after.header("Last-Modified") + " now)");
            assertFalse(read.header("ETag").equals(after.header("ETag")));
        }
        // once the second is over: the exact date, and 304s with it
        afterThisSecond();
        String settled = given().get(url).header("Last-Modified");
        given().header("If-Modified-Since", settled).get(url).then().statusCode(304);
        assertEquals(settled, given().header("If-Modified-Since", settled).get(url).header("Last-Modified"));
    }

    @Test
    void a_last_modified_in_the_current_second_is_sent_a_second_early() {
        Instant change = Instant.parse("2026-11-30T04:10:05.250Z");
        Instant second = Instant.parse("2026-11-30T04:10:05Z");
        assertEquals(second.minusSeconds(1), CalendarResource.shownLastModified(second, change.plusMillis(300)));
        assertEquals(second, CalendarResource.shownLastModified(second, Instant.parse("2026-11-30T04:10:06Z")));
        assertEquals(second, CalendarResource.shownLastModified(second, Instant.parse("2026-11-30T05:00:00Z")));
    }

    /** Waits until the wall clock is in the next second (a feed's Last-Modified is exact from then on). */
    private static void afterThisSecond() {
        try {
            Thread.sleep(1000 - Instant.now().toEpochMilli() % 1000 + 5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void malformed_conditional_headers_are_ignored_and_answer_the_feed() {
        UUID person = UUID.randomUUID();
        startWeeklySeries(ORG, person, UUID.randomUUID());
        String url = feedOf(person);
        afterThisSecond();
        Response first = given().get(url);
        String etag = first.header("ETag");
        String lastModified = first.header("Last-Modified");

        // RFC 9110 13.1.3: a recipient ignores an If-Modified-Since that is not a valid HTTP-date
        for (String garbage : List.of("garbage", "", "Tue, 31 Feb 2026 09:00:00 GMT", "2026-11-24T09:00:00Z", "0",
                lastModified + "x", "Mon, 99 Nov 2026 25:61:61 GMT")) {
            Response answer = given().header("If-Modified-Since", garbage).get(url);
            assertEquals(200, answer.statusCode(), "If-Modified-Since: " + garbage + "\n" + answer.asString());
            assertEquals(first.asString(), answer.asString(), "If-Modified-Since: " + garbage);
        }
        for (String garbage : List.of("garbage", "\"unbalanced", "W/", "\"", ",")) {
            Response answer = given().header("If-None-Match", garbage).get(url);
            assertEquals(200, answer.statusCode(), "If-None-Match: " + garbage + "\n" + answer.asString());
            assertEquals(first.asString(), answer.asString(), "If-None-Match: " + garbage);
            // If-None-Match wins over If-Modified-Since (RFC 9110 13.2.2), even a malformed one that matches nothing
            given().header("If-None-Match", garbage).header("If-Modified-Since", lastModified).get(url).then().statusCode(200);
        }
        // a valid date still answers 304, in each of the formats RFC 9110 5.6.7 has a recipient accept
        ZonedDateTime since = ZonedDateTime.parse(lastModified, DateTimeFormatter.RFC_1123_DATE_TIME);
        for (String valid : List.of(lastModified,
                since.format(DateTimeFormatter.ofPattern("EEEE, dd-MMM-yy HH:mm:ss 'GMT'", Locale.US)),
                since.format(DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.US)))) {
            given().header("If-Modified-Since", valid).get(url).then().statusCode(304).header("ETag", etag);
        }
        given().header("If-Modified-Since", DateTimeFormatter.RFC_1123_DATE_TIME.format(since.minusSeconds(1)))
                .get(url).then().statusCode(200);
        given().header("If-None-Match", etag).header("If-Modified-Since", "garbage").get(url).then().statusCode(304);
    }

    @Test
    void if_none_match_compares_weakly_and_takes_a_list_of_entity_tags() {
        UUID person = UUID.randomUUID();
        startWeeklySeries(ORG, person, UUID.randomUUID());
        String url = with(personToken(ORG, person)).body(Map.of()).post("/calendar/feeds").then().statusCode(201)
                .extract().path("url");
        String etag = given().get(url).header("ETag");

        Response weak = given().header("If-None-Match", "W/" + etag).get(url);
        assertEquals(304, weak.statusCode(), "RFC 9110 13.1.2: If-None-Match uses the weak comparison");
        assertEquals("", weak.asString());
        assertEquals(etag, weak.header("ETag"));
        given().header("If-None-Match", "\"other\", W/" + etag).get(url).then().statusCode(304);
        given().header("If-None-Match", etag + " , \"other\"").get(url).then().statusCode(304);
        given().header("If-None-Match", "*").get(url).then().statusCode(304);
        given().header("If-None-Match", "\"other\", W/\"another\"").get(url).then().statusCode(200);
        given().header("If-None-Match", "W/" + etag.replace("\"", "")).get(url).then().statusCode(200); // not an entity tag
        // If-None-Match wins over If-Modified-Since (RFC 9110 13.1.3): a stale tag gets the full feed
        given().header("If-None-Match", "\"other\"").header("If-Modified-Since", given().get(url).header("Last-Modified"))
                .get(url).then().statusCode(200);
    }

    @Test
    void a_public_base_url_is_not_needed_the_feed_url_is_absolute_from_the_request() {
        UUID person = UUID.randomUUID();
        startWeeklySeries(ORG, person, UUID.randomUUID());
        String url = feedOf(person);
        assertTrue(java.net.URI.create(url).isAbsolute(), url);
        given().get(java.net.URI.create(url)).then().statusCode(200);
    }

    @Test
    void case_2_a_moved_then_cancelled_meeting_leaves_no_planned_slot_in_its_week() throws Exception {
        UUID leader = UUID.randomUUID();
        String series = weeklyAtNine(leader, "THURSDAY");
        String token = personToken(ORG, leader);
        LocalDate thursday = LocalDate.now(BERLIN).with(TemporalAdjusters.next(DayOfWeek.THURSDAY)).plusWeeks(1);
        Instant slot = ZonedDateTime.of(thursday, LocalTime.of(9, 0), BERLIN).toInstant();
        String meeting = with(token).body(Map.of("scheduledFor", slot.toString())).post("/series/{id}/meetings", series)
                .then().statusCode(201).extract().path("id");
        with(token).body(Map.of("to", slot.plus(java.time.Duration.ofHours(26)).toString(), "reason", "CONFLICT"))
                .post("/series/{id}/meetings/{m}/reschedule", series, meeting).then().statusCode(200);
        String url = with(token).body(Map.of("seriesId", series)).post("/calendar/feeds").then().statusCode(201).extract().path("url");

        assertTrue(excludedSlots(given().get(url).asString(), series).contains(slot), "the Thursday it left is no planned slot");
        with(token).body(Map.of("reason", "ILLNESS")).post("/series/{id}/meetings/{m}/cancel", series, meeting).then().statusCode(200);
        assertTrue(excludedSlots(given().get(url).asString(), series).contains(slot), "nor once it is cancelled");
    }

    @Test
    void case_3_a_cadence_change_starts_slots_in_phase_with_the_anchor_meetings_next_uses() throws Exception {
        UUID leader = UUID.randomUUID();
        String series = weeklyAtNine(leader, "TUESDAY");
        String token = personToken(ORG, leader);
        LocalDate tuesday = LocalDate.now(BERLIN).with(TemporalAdjusters.next(DayOfWeek.TUESDAY));
        with(token).body(Map.of("scheduledFor", ZonedDateTime.of(tuesday, LocalTime.of(9, 0), BERLIN).toInstant().toString()))
                .post("/series/{id}/meetings", series).then().statusCode(201);
        with(token).body(Map.of("cadence", "BIWEEKLY")).post("/series/{id}/cadence", series).then().statusCode(200);
        String url = with(token).body(Map.of("seriesId", series)).post("/calendar/feeds").then().statusCode(201).extract().path("url");
        Calendar calendar = new CalendarBuilder().build(new StringReader(given().get(url).asString()));

        Instant next = Instant.parse(with(token).body(Map.of()).post("/series/{id}/meetings/next", series).then()
                .statusCode(201).extract().path("scheduledFor"));
        assertEquals(ZonedDateTime.of(tuesday.plusWeeks(2), LocalTime.of(9, 0), BERLIN).toInstant(), next);
        VEvent biweekly = calendar.<VEvent>getComponents("VEVENT").stream()
                .filter(e -> value(e, Property.RRULE) != null && value(e, Property.RRULE).contains("INTERVAL=2"))
                .findFirst().orElseThrow(() -> new AssertionError(calendar.toString()));
        long days = java.time.temporal.ChronoUnit.DAYS.between(Instant.from(start(biweekly).getDate()).atZone(BERLIN).toLocalDate(),
                next.atZone(BERLIN).toLocalDate());
        assertEquals(0, days % 14, "the biweekly slots are in phase with " + next);
    }

    @Test
    void case_4_a_second_pause_keeps_the_series_paused_during_the_first() {
        UUID leader = UUID.randomUUID();
        String series = startWeeklySeries(ORG, leader, UUID.randomUUID());
        LocalDate today = LocalDate.now(BERLIN);
        String token = personToken(ORG, leader);
        with(token).body(Map.of("from", today.toString(), "until", today.plusDays(14).toString()))
                .post("/series/{id}/pause", series).then().statusCode(200).body("status", equalTo("PAUSED"));
        with(token).body(Map.of("from", today.plusDays(40).toString(), "until", today.plusDays(46).toString()))
                .post("/series/{id}/pause", series).then().statusCode(200).body("status", equalTo("PAUSED"));

        with(token).get("/series/{id}", series).then().statusCode(200).body("status", equalTo("PAUSED"))
                .body("pauses.size()", equalTo(2)).body("pauses[0].from", equalTo(today.toString()));
        with(token).get("/series").then().statusCode(200).body("items.find { it.id == '" + series + "' }.status", equalTo("PAUSED"));
    }

    /** A new feed of all the person's series; answers its URL. */
    private static String feedOf(UUID person) {
        return with(personToken(ORG, person)).body(Map.of()).post("/calendar/feeds").then().statusCode(201).extract().path("url");
    }

    /** A weekly series in Berlin, on the weekday at 09:00; answers its id. */
    private static String weeklyAtNine(UUID leader, String weekday) {
        Map<String, Object> body = new HashMap<>(weeklySeries(leader, UUID.randomUUID()));
        body.put("preferredWeekday", weekday);
        body.put("preferredTime", "09:00");
        body.put("timeZone", "Europe/Berlin");
        return startSeries(ORG, body).statusCode(201).extract().path("id");
    }

    private static List<Instant> excludedSlots(String text, String series) throws Exception {
        Calendar calendar = new CalendarBuilder().build(new StringReader(text));
        VEvent slots = event(calendar, "series-" + series + "@oneonone");
        return slots.<ExDate<Temporal>>getProperty(Property.EXDATE).map(e -> e.getDates().stream().map(Instant::from).toList())
                .orElse(List.of());
    }

    private static VEvent event(Calendar calendar, String uid) {
        return calendar.<VEvent>getComponents("VEVENT").stream()
                .filter(event -> event.getProperty(Property.UID).map(Property::getValue).orElse("").equals(uid))
                .findFirst().orElseThrow(() -> new AssertionError("no VEVENT " + uid + " in\n" + calendar));
    }

    private static DateProperty<?> start(VEvent event) {
        return event.<DateProperty<?>>getProperty(Property.DTSTART).orElseThrow();
    }

    private static String value(VEvent event, String property) {
        return event.getProperty(property).map(Property::getValue).orElse(null);
    }
}
