package dev.oneonone.agenda.application.carryover;

import static dev.oneonone.agenda.MeetingsEventsFeed.awaitAgenda;
import static dev.oneonone.agenda.MeetingsEventsFeed.envelope;
import static dev.oneonone.agenda.MeetingsEventsFeed.meetingScheduled;
import static dev.oneonone.agenda.MeetingsEventsFeed.personToken;
import static dev.oneonone.agenda.MeetingsEventsFeed.publish;
import static dev.oneonone.agenda.MeetingsEventsFeed.seriesStarted;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import dev.oneonone.agenda.application.topics.AgendaStreams;
import dev.oneonone.agenda.application.topics.Agendas;
import dev.oneonone.agenda.domain.AddTopic;
import dev.oneonone.agenda.domain.Agenda;
import dev.oneonone.agenda.domain.Decision;
import dev.oneonone.agenda.domain.Rejection;
import dev.oneonone.agenda.projection.Topic;
import dev.oneonone.events.agenda.AuthorRole;
import dev.oneonone.events.agenda.TopicKind;
import dev.oneonone.events.meetings.ActorRole;
import dev.oneonone.events.meetings.CancelReason;
import dev.oneonone.events.meetings.MeetingCancelled;
import dev.oneonone.kit.eventstore.ConcurrentAppendException;
import dev.oneonone.kit.security.Caller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;

/**
 * A topic added while its meeting is being cancelled, against a real PostgreSQL and Kafka, in the two orders that
 * used to strand it on the cancelled meeting: the cancel's carry-over and the topic add meet on the meeting's own
 * stream ({@code AgendaClosed} at the version read), so the topic is either refused or carried with the others.
 */
@QuarkusTest
class CarryOverRaceTest {
    private static final String ORG = "acme";

    @Inject
    AgendaStreams streams;
    @Inject
    Agendas agendas;

    private final UUID series = UUID.randomUUID();
    private final UUID leader = UUID.randomUUID();
    private final UUID companion = UUID.randomUUID();
    private final UUID cancelled = UUID.randomUUID();
    private final UUID next = UUID.randomUUID();
    private final Instant startsAt = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

    @Test
    void a_topic_add_that_read_the_agenda_before_the_cancel_loses_and_is_then_refused() throws Throwable {
        publish(envelope(ORG, 1, seriesStarted(series, leader, companion)),
                envelope(ORG, 2, meetingScheduled(series, cancelled, startsAt, false)),
                envelope(ORG, 3, meetingScheduled(series, next, startsAt.plus(7, ChronoUnit.DAYS), false)));
        awaitAgenda(personToken(ORG, companion), cancelled);
        awaitAgenda(personToken(ORG, companion), next);
        UUID early = add(companion, cancelled, "Vacation in March").topicId;

        // the topic add reads the agenda and decides, as Agendas.addTopic does ...
        Agenda read = await(() -> Panache.withSession(() -> streams.agenda(ORG, cancelled)));
        Decision decision = read.addTopic(new AddTopic(UUID.randomUUID(), TopicKind.CAREER, AuthorRole.COMPANION,
                false, "SCHEDULED", startsAt, Instant.now()));
        // ... the cancel is applied meanwhile, its topic carried ...
        publish(envelope(ORG, 4, new MeetingCancelled(series, cancelled, ActorRole.LEADER, leader, CancelReason.ILLNESS)));
        awaitTopics(next, List.of(early.toString()));
        // ... then the topic add appends at the version it read: it loses instead of landing behind the carry
        try {
            await(() -> Panache.withTransaction(() -> streams.record(ORG, cancelled, read.version(), decision,
                    Instant.now())));
            fail("The topic was added to the agenda of a meeting already cancelled and carried");
        } catch (ConcurrentAppendException expected) {
            // the loser reads again, and the agenda itself refuses, even to a copy of the meeting still scheduled
        }
        Agenda again = await(() -> Panache.withSession(() -> streams.agenda(ORG, cancelled)));
        Decision retried = again.addTopic(new AddTopic(UUID.randomUUID(), TopicKind.CAREER, AuthorRole.COMPANION,
                false, "SCHEDULED", startsAt, Instant.now()));
        Rejection refused = assertInstanceOf(Decision.Rejected.class, retried).rejection();
        assertEquals(Rejection.MEETING_NOT_OPEN, refused.reason());
        assertEquals("The meeting was cancelled: topics go on the agenda of a scheduled meeting.", refused.detail());
        given().auth().oauth2(personToken(ORG, companion)).contentType("application/json")
                .body(Map.of("title", "Too late", "kind", "CAREER")).post("/meetings/{id}/topics", cancelled)
                .then().statusCode(409).body("type", equalTo("https://oneonone.dev/problems/meeting-not-open"));
        given().auth().oauth2(personToken(ORG, companion)).get("/meetings/{id}/agenda", cancelled).then()
                .body("topics", empty());
    }

    @Test
    void a_topic_committed_while_the_cancel_is_applied_waits_with_the_others_and_moves_to_the_next_meeting()
            throws Throwable {
        publish(envelope(ORG, 1, seriesStarted(series, leader, companion)),
                envelope(ORG, 2, meetingScheduled(series, cancelled, startsAt, false)));
        awaitAgenda(personToken(ORG, companion), cancelled);
        UUID early = add(companion, cancelled, "Vacation in March").topicId;

        // the topic add appends (not yet committed) and holds its transaction open ...
        CompletableFuture<Void> appended = new CompletableFuture<>();
        CompletableFuture<Void> commit = new CompletableFuture<>();
        CompletableFuture<Topic> late = CompletableFuture.supplyAsync(() -> {
            try {
                return await(() -> Panache.withTransaction(() -> agendas.addTopic(caller(leader), cancelled,
                                new Agendas.NewTopic("Team reshuffle", null, TopicKind.BIG_PICTURE, false))
                        .invoke(topic -> appended.complete(null))
                        .call(topic -> onThisContext(Uni.createFrom().completionStage(commit)))));
            } catch (Throwable e) {
                appended.completeExceptionally(e);
                throw new IllegalStateException(e);
            }
        });
        appended.get(30, TimeUnit.SECONDS);
        // ... while the cancel's carry-over read the agenda without it and waits on the same stream version
        try {
            publish(envelope(ORG, 3, new MeetingCancelled(series, cancelled, ActorRole.LEADER, leader,
                    CancelReason.ILLNESS)));
            Awaitility.await("the carry-over appending to the cancelled meeting's stream")
                    .atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                    .until(() -> transactionsWaitingOnALock() > 0);
        } finally {
            commit.complete(null);
        }
        UUID lateId = late.get(30, TimeUnit.SECONDS).topicId;

        // the carry-over lost, ran again and saw the topic: both wait, and go to the meeting scheduled next
        publish(envelope(ORG, 4, meetingScheduled(series, next, startsAt.plus(7, ChronoUnit.DAYS), false)));
        awaitAgenda(personToken(ORG, companion), next);
        awaitTopics(next, List.of(early.toString(), lateId.toString()));
        given().auth().oauth2(personToken(ORG, companion)).get("/meetings/{id}/agenda", next).then()
                .body("topics.carriedFromMeetingId", contains(cancelled.toString(), cancelled.toString()));
        given().auth().oauth2(personToken(ORG, companion)).get("/meetings/{id}/agenda", cancelled).then()
                .body("topics", empty());
    }

    private Topic add(UUID person, UUID meeting, String title) throws Throwable {
        return await(() -> Panache.withTransaction(() -> agendas.addTopic(caller(person), meeting,
                new Agendas.NewTopic(title, null, TopicKind.PLANNING, false))));
    }

    private static Caller caller(UUID person) {
        return new Caller(ORG, person.toString(), Set.of(Caller.PERSON));
    }

    private void awaitTopics(UUID meeting, List<String> ids) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> given().auth().oauth2(personToken(ORG, companion)).get("/meetings/{id}/agenda", meeting)
                        .then().extract().jsonPath().getList("topics.id").containsAll(ids));
    }

    private static long transactionsWaitingOnALock() throws Exception {
        try {
            return await(() -> Panache.withSession(() -> Panache.getSession().chain(session -> session
                    .createNativeQuery("select count(*) from pg_stat_activity where wait_event_type = 'Lock'"
                            + " and datname = current_database()", Long.class)
                    .getSingleResult())));
        } catch (Exception | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** The item or failure of {@code released}, delivered back on the Vert.x context of the caller's session. */
    private static <T> Uni<T> onThisContext(Uni<T> released) {
        io.vertx.core.Context context = io.vertx.core.Vertx.currentContext();
        return released.emitOn(command -> context.runOnContext(ignored -> command.run()));
    }

    /** Runs a reactive step on a Vert.x context and waits for it; its failure is thrown as is. */
    private static <T> T await(Supplier<Uni<T>> step) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(step);
    }
}
