package dev.oneonone.insights.projection;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import dev.oneonone.events.CloudEventHeaders;
import dev.oneonone.events.EventEnvelope;
import dev.oneonone.events.Topics;
import dev.oneonone.events.agenda.AgendaEvent;
import dev.oneonone.events.meetings.MeetingsEvent;
import dev.oneonone.local.SuiteInfrastructure;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;

/**
 * Opt-in (README "Replay"): publishes {@code insights.replay-benchmark} generated events of every kind to Kafka,
 * waits for the live consumer, then replays with the per-event path and with set-based writes, alternately (or the
 * paths {@code insights.replay-benchmark.paths} lists), and prints events per second of each (from the replay's
 * start to its swap, no hold).
 */
@QuarkusTest
@TestProfile(ReplayBenchmark.NoHold.class)
@EnabledIfSystemProperty(named = "insights.replay-benchmark", matches = "\\d+")
class ReplayBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /** The replay swaps as soon as it is done. */
    public static class NoHold implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("insights.replay.hold-before-swap", "0s");
        }
    }

    /**
     * The paths {@code insights.replay-benchmark.paths} may list (comma-separated, in the order to run; by default
     * per-event, set-based, per-event, set-based): one statement per event and projection, or the set-based writes.
     */
    private static final List<String> PATHS = List.of("per-event", "set-based");

    @Inject
    ProjectionReplay replay;

    @Inject
    Pool pool;

    @Test
    void replay_rate() throws Exception {
        int count = Integer.getInteger("insights.replay-benchmark");
        List<ProjectedEvent> events = new GeneratedHistory(16, Math.max(8, count / 4)).events(count);
        long distinct = events.stream().map(one -> one.envelope().id()).distinct().count();
        long publishStart = System.nanoTime();
        publish(events);
        double publishSeconds = (System.nanoTime() - publishStart) / 1e9;
        // the live consumer competes with the replay while it catches up; it may also stop on a generated event
        // its health assessment refuses (the data are random), so it gets a few minutes at most
        long liveStart = System.nanoTime();
        long deadline = liveStart + Duration.ofMinutes(3).toNanos();
        while (observed() < distinct && System.nanoTime() < deadline) {
            Thread.sleep(1000);
        }
        double liveSeconds = (System.nanoTime() - liveStart) / 1e9;

        List<String> lines = new ArrayList<>();
        lines.add("published %d events (%d distinct) in %.1f s; the live consumer had applied %d of them %.1f s later"
                .formatted(count, distinct, publishSeconds, observed(), liveSeconds));
        for (String path : System.getProperty("insights.replay-benchmark.paths",
                "per-event,set-based,per-event,set-based").split(",")) {
            if (!PATHS.contains(path)) {
                throw new IllegalArgumentException("insights.replay-benchmark.paths names " + PATHS + ", not " + path);
            }
            replay.setBasedWrites(!path.equals("per-event"));
            ProjectionReplay.Status done = run();
            double seconds = Duration.between(done.startedAt(), done.finishedAt()).toMillis() / 1000.0;
            lines.add("replay, %-10s %d events in %.2f s: %,.0f events per s".formatted(path, done.events(), seconds,
                    done.events() / seconds));
        }
        replay.setBasedWrites(true);
        lines.forEach(System.out::println);
    }

    private ProjectionReplay.Status run() {
        replay.start();
        ProjectionReplay.Status done = Awaitility.await().atMost(Duration.ofMinutes(30))
                .pollInterval(Duration.ofMillis(50)).until(replay::status,
                        status -> status.state() != ProjectionReplay.State.RUNNING);
        assertEquals(ProjectionReplay.State.DONE, done.state());
        return done;
    }

    private long observed() {
        return pool.query("select count(*) from observed_event").execute()
                .map(rows -> rows.iterator().next().getLong(0)).await().atMost(Duration.ofSeconds(30));
    }

    /** Each event as its service's relay publishes it, with its JSON payload, all at once. */
    private static void publish(List<ProjectedEvent> events) throws Exception {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SuiteInfrastructure.kafka().bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.LINGER_MS_CONFIG, 20, ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            for (ProjectedEvent one : events) {
                EventEnvelope generated = one.envelope();
                boolean agenda = one.event() instanceof AgendaEvent;
                String aggregateType = agenda ? ((AgendaEvent) one.event()).aggregateType()
                        : ((MeetingsEvent) one.event()).aggregateType();
                java.util.UUID aggregate = agenda ? ((AgendaEvent) one.event()).aggregateId()
                        : ((MeetingsEvent) one.event()).aggregateId();
                EventEnvelope envelope = new EventEnvelope(generated.id(), generated.type(),
                        agenda ? "/agenda-service" : "/meetings-service", generated.organisationId(), aggregateType,
                        aggregate, generated.aggregateVersion(), generated.occurredAt(), generated.recordedAt(),
                        JSON.writeValueAsString(one.event()));
                ProducerRecord<String, String> record = new ProducerRecord<>(agenda ? Topics.AGENDA : Topics.MEETINGS,
                        aggregate.toString(), envelope.data());
                CloudEventHeaders.write(envelope, record.headers());
                producer.send(record);
            }
            producer.flush();
        }
    }
}
