package dev.oneonone.insights.projection;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import dev.oneonone.events.CloudEventHeaders;
import dev.oneonone.events.EventEnvelope;
import dev.oneonone.events.Topics;
import dev.oneonone.kit.memory.HeapRelease;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

/**
 * Rebuilds every projection's tables (the timelines and the directory's history: each {@link Projection})
 * from the first event on Kafka while the service keeps answering: builds copies of the tables
 * ({@code <table>_next}) with a consumer of its own that reads both topics
 * from offset 0 up to where they ended when the replay began; meanwhile the live consumer writes every
 * event it takes to both sets, so nothing is missed. Then the copies are swapped in, in one transaction
 * (readers wait a moment, never see a half-built table), and {@code history_position} moves in the
 * same transaction so that no rollup computed from the old tables is served again. Every instance's live
 * consumer feeds the copies ({@link ProjectionTargets} asks the database), and an advisory lock lets one
 * instance replay at a time ({@link ReplayRunningException} otherwise). The writes are
 * idempotent upserts, so an event applied by both consumers changes nothing. The replay takes up to
 * {@value #BATCH} records per poll and writes them in one transaction, a few set-based statements per
 * projection ({@link Projection#applyAll}), where the live consumer writes event by event.
 *
 * <p>How it goes fast (docs/performance/insights.md, "Replay"): a thread of its own polls Kafka while the replay's
 * thread decodes the previous poll and the one before is written (a pipeline of bounded length: a queue of one
 * poll, one batch being written); records of types no projection {@linkplain Projection#follows follows} are
 * skipped before their payloads are parsed; and the replay's transactions commit with
 * {@code synchronous_commit = off}. That last one is safe because the copies are the replay's own until the swap:
 * a crash may lose the last commits to them, but a crash also ends the replay, whose copies the next one drops and
 * builds again from Kafka; the swap's own transaction commits durably as every other, and since the write-ahead log
 * is flushed in order, that flushes the replay's earlier commits too.
 *
 * <p>A replay refuses to start, and fails, when Kafka no longer holds the whole history (a partition's earliest
 * offset above 0: {@link HistoryIncompleteException}), since it would silently lose the deleted events; the
 * suite's topics keep everything ({@code retention.ms=-1}). Metrics: {@code projection_replay_state{state}},
 * {@code projection_replay_events}, {@code projection_replay_progress_ratio}.
 */
@ApplicationScoped
public class ProjectionReplay {
    private static final Logger LOG = Logger.getLogger(ProjectionReplay.class);
    private static final int SWAP_ATTEMPTS = 5;
    private static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(10);
    /** How often the replay's lock session reads, well under the pool's 5 s read-idle timeout ({@link HeldLock}). */
    static final Duration HEARTBEAT = Duration.ofSeconds(1);
    /** Records a replay takes from Kafka and writes in one transaction at most. */
    static final int BATCH = 10_000;
    /** The replay's advisory lock: one instance of the service replays at a time. */
    static final long LOCK_KEY = UUID.nameUUIDFromBytes("insights projection replay".getBytes(StandardCharsets.UTF_8))
            .getMostSignificantBits();

    /** Where a replay stands. */
    public enum State { IDLE, RUNNING, DONE, FAILED }

    /**
     * Fired (synchronously) as a replay begins: whatever was computed from the live tables is dropped at the swap
     * anyway, so holders of large derived state (the rollups' kept figures and snapshots) may let it go now and
     * leave the heap to the replay's batches.
     */
    public record Started(Instant at) {
    }

    /**
     * The last (or running) replay: how many events it applied, how many it has to apply (the records on the topics
     * when it began; 0 until known), when it started and finished.
     */
    public record Status(State state, long events, long total, Instant startedAt, Instant finishedAt) {
        /** Events applied over events to apply, 0 to 1; 1 once done. */
        public double progress() {
            return state == State.DONE ? 1 : total == 0 ? 0 : Math.min(1, (double) events / total);
        }
    }

    private final Pool pool;
    private final List<Projection> projections;
    private final List<String> tables;
    private final SuiteEventReader reader;
    private final Map<String, Object> kafka;
    private final Duration holdBeforeSwap;
    private final Clock clock;
    private final Event<Started> started;
    private final HeapRelease heap;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "projection-replay"));
    private volatile Status status = new Status(State.IDLE, 0, 0, null, null);
    private volatile boolean setBased = true;
    /** Per event type, whether a projection follows it ({@link #followed}). */
    private final Map<String, Boolean> followed = new ConcurrentHashMap<>();

    public ProjectionReplay(Pool pool, Instance<Projection> projections, SuiteEventReader reader,
            @Identifier("default-kafka-broker") Map<String, Object> kafka,
            @ConfigProperty(name = "insights.replay.hold-before-swap", defaultValue = "0s") Duration holdBeforeSwap,
            Clock clock, MeterRegistry metrics, Event<Started> started, HeapRelease heap) {
        this.pool = pool;
        this.projections = ordered(projections);
        this.tables = this.projections.stream().flatMap(projection -> projection.tables().stream()).toList();
        this.reader = reader;
        this.kafka = kafka;
        this.holdBeforeSwap = holdBeforeSwap;
        this.clock = clock;
        this.started = started;
        this.heap = heap;
        for (State state : State.values()) {
            Gauge.builder("projection.replay.state", this, replay -> replay.status.state() == state ? 1 : 0)
                    .tag("state", state.name()).description("1 for the state the last replay is in").register(metrics);
        }
        Gauge.builder("projection.replay.events", this, replay -> replay.status.events())
                .description("Events the running (or last) replay applied").register(metrics);
        Gauge.builder("projection.replay.progress.ratio", this, replay -> replay.status.progress())
                .description("Events applied over events to apply by the running (or last) replay, 0 to 1").register(metrics);
    }

    /** The projections in a fixed order (by class name), so every consumer applies them alike. */
    public static List<Projection> ordered(Instance<Projection> projections) {
        return projections.stream().sorted(Comparator.comparing(projection -> projection.getClass().getName())).toList();
    }

    /** Every table a replay rebuilds. */
    public List<String> tables() {
        return tables;
    }

    public Status status() {
        return status;
    }

    /**
     * Starts a replay unless one runs; answers the status either way.
     *
     * @throws HistoryIncompleteException when a partition of the topics no longer starts at offset 0 (retention
     *         deleted its first records): a replay would lose them, so none starts and the tables stay as they are
     * @throws HistoryUnavailableException when Kafka cannot be asked
     */
    public synchronized Status start() {
        if (status.state() != State.RUNNING) {
            verifyCompleteHistory();
            HeldLock lock = new HeldLock(lockAcrossInstances());
            status = new Status(State.RUNNING, 0, 0, clock.instant(), null);
            worker.submit(() -> {
                try {
                    run(lock);
                } finally {
                    lock.release();
                }
            });
        }
        return status;
    }

    /**
     * Takes the replay's PostgreSQL advisory lock on a connection held for the whole replay, so that one instance
     * of the service replays at a time.
     *
     * @throws ReplayRunningException when another instance holds it
     */
    private SqlConnection lockAcrossInstances() {
        SqlConnection connection = pool.getConnection().await().atMost(KAFKA_TIMEOUT);
        boolean locked;
        try {
            locked = connection.preparedQuery("select pg_try_advisory_lock($1)").execute(Tuple.of(LOCK_KEY))
                    .map(rows -> rows.iterator().next().getBoolean(0)).await().atMost(KAFKA_TIMEOUT);
        } catch (RuntimeException e) {
            connection.closeAndAwait();
            throw e;
        }
        if (!locked) {
            connection.closeAndAwait();
            throw new ReplayRunningException();
        }
        return connection;
    }

    /**
     * The replay's advisory lock, held by a session that would otherwise read nothing for the whole replay: the
     * pool's read-idle timeout (kit {@code DatabaseTimeouts}, {@code suite.datasource.reply-timeout}, 5 s) then
     * closed it after 5 s, which ended the session and so released the lock while the replay went on (another
     * instance could start one and drop its copies). A {@code select 1} every {@link #HEARTBEAT} keeps the session
     * reading; when one fails, the lock counts as lost and the replay fails before its swap.
     */
    private static final class HeldLock {
        private final SqlConnection connection;
        private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "projection-replay-lock");
            thread.setDaemon(true);
            return thread;
        });
        private volatile boolean lost;

        HeldLock(SqlConnection connection) {
            this.connection = connection;
            heartbeat.scheduleWithFixedDelay(this::beat, HEARTBEAT.toMillis(), HEARTBEAT.toMillis(),
                    TimeUnit.MILLISECONDS);
        }

        private void beat() {
            if (lost) {
                return;
            }
            try {
                connection.query("select 1").execute().await().atMost(KAFKA_TIMEOUT);
            } catch (RuntimeException e) {
                lost = true;
                LOG.warnf("The replay's lock session failed (%s): the lock is lost, the replay will not swap",
                        e.getMessage());
            }
        }

        /** @throws IllegalStateException when the lock's session failed: another instance may be replaying */
        void requireHeld() {
            if (lost) {
                throw new IllegalStateException("The replay's advisory lock was lost (its session failed)");
            }
        }

        void release() {
            heartbeat.shutdown(); // a beat under way ends first: the unlock never shares the session with it
            try {
                heartbeat.awaitTermination(KAFKA_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                if (!lost) {
                    connection.preparedQuery("select pg_advisory_unlock($1)").execute(Tuple.of(LOCK_KEY)).await()
                            .atMost(KAFKA_TIMEOUT);
                }
            } catch (RuntimeException e) {
                LOG.warnf("Replay lock not released (%s); closing its connection releases it", e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                connection.closeAndAwait();
            }
        }
    }

    /** Refuses when a partition's earliest offset is above 0: its first records are gone. */
    private void verifyCompleteHistory() {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig())) {
            List<TopicPartition> partitions = partitions(consumer);
            Map<String, Long> incomplete = incomplete(consumer.beginningOffsets(partitions, KAFKA_TIMEOUT));
            if (!incomplete.isEmpty()) {
                LOG.warnf("Replay refused: Kafka no longer holds the whole history %s", incomplete);
                throw new HistoryIncompleteException(incomplete);
            }
        } catch (KafkaException e) {
            throw new HistoryUnavailableException("Kafka could not be asked for the topics' earliest offsets", e);
        }
    }

    private static Map<String, Long> incomplete(Map<TopicPartition, Long> beginnings) {
        Map<String, Long> incomplete = new TreeMap<>();
        beginnings.forEach((partition, offset) -> {
            if (offset != null && offset > 0) {
                incomplete.put(partition.toString(), offset);
            }
        });
        return incomplete;
    }

    private Map<String, Object> consumerConfig() {
        Map<String, Object> config = new HashMap<>(kafka);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, BATCH);
        // fetches of about a batch (an event is about 1 KB with its headers): a poll fills a batch in a round trip
        // or two, and the heap holds one fetch, not 64 MB of them (with 64 MB fetches, the figures kept for the
        // rollups and two batches in flight, insights-service ran out of its 192 MB heap replaying 10,000 people)
        config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 4 * 1024 * 1024);
        config.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 12 * 1024 * 1024);
        config.put(ConsumerConfig.RECEIVE_BUFFER_CONFIG, 1024 * 1024);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        return config;
    }

    private static List<TopicPartition> partitions(KafkaConsumer<String, String> consumer) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : List.of(Topics.MEETINGS, Topics.AGENDA)) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, KAFKA_TIMEOUT);
            if (infos != null) {
                infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
            }
        }
        return partitions;
    }

    void stop(@Observes ShutdownEvent shutdown) {
        worker.shutdownNow();
    }

    private void run(HeldLock lock) {
        try {
            started.fire(new Started(status.startedAt()));
            // from the commit of the copies on, every instance's consumer writes them too (ProjectionTargets)
            long t0 = System.nanoTime();
            prepareCopies();
            long t1 = System.nanoTime();
            long events = replayFromTheStart();
            long t2 = System.nanoTime();
            if (!holdBeforeSwap.isZero()) {
                Thread.sleep(holdBeforeSwap.toMillis());
            }
            long t3 = System.nanoTime();
            lock.requireHeld();
            swap();
            status = new Status(State.DONE, events, status.total(), status.startedAt(), clock.instant());
            LOG.infof("Projections replayed from %d events: copies made in %d ms, loaded in %d ms, swapped in %d ms",
                    events, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (System.nanoTime() - t3) / 1_000_000);
            // the replay grew the heap with records, decoded events and garbage: handed back now rather than once
            // the service has been quiet for a while (kit HeapRelease)
            heap.release();
        } catch (Exception e) {
            dropCopies();
            status = new Status(State.FAILED, status.events(), status.total(), status.startedAt(), clock.instant());
            LOG.error("Projection replay failed; the live tables are untouched", e);
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void prepareCopies() {
        pool.withTransaction(connection -> Multi.createFrom().iterable(tables)
                .onItem().transformToUniAndConcatenate(table -> execute(connection, "drop table if exists " + table
                        + ProjectionTargets.NEXT).chain(() -> execute(connection, "create table " + table
                                + ProjectionTargets.NEXT + " (like " + table + " including all)")))
                .collect().last()).await().indefinitely();
    }

    private long replayFromTheStart() throws InterruptedException {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig())) {
            List<TopicPartition> partitions = partitions(consumer);
            consumer.assign(partitions);
            // checked again here: retention may have run since the request
            Map<String, Long> incomplete = incomplete(consumer.beginningOffsets(partitions, KAFKA_TIMEOUT));
            if (!incomplete.isEmpty()) {
                throw new HistoryIncompleteException(incomplete);
            }
            consumer.seekToBeginning(partitions);
            // the live consumer writes to the copies from now on: the replay needs to reach only this far
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long total = end.values().stream().mapToLong(Long::longValue).sum();
            status = new Status(State.RUNNING, 0, total, status.startedAt(), null);
            Poller poller = new Poller(consumer, end);
            Thread polling = new Thread(poller, "projection-replay-poll");
            polling.start();
            try {
                return decodeAndWrite(poller);
            } finally {
                // the consumer is closed (leaving this block) only once its thread is done with it
                polling.interrupt();
                polling.join();
            }
        }
    }

    /**
     * The replay's pipeline past Kafka: takes each poll from the {@link Poller}, decodes it on this thread (and the
     * common pool) while the previous one is written, then starts its write. So polling, decoding and writing all
     * overlap, and at most four polls are held at once: one being fetched, one queued, one decoded, one written.
     */
    private long decodeAndWrite(Poller poller) throws InterruptedException {
        CompletableFuture<Void> writing = CompletableFuture.completedFuture(null);
        long written = 0;
        long waitingForKafka = 0;
        long decoding = 0;
        long waitingForWrites = 0;
        try {
            while (true) {
                long t0 = System.nanoTime();
                ConsumerRecords<String, String> records = poller.next();
                long t1 = System.nanoTime();
                waitingForKafka += t1 - t0;
                if (records == null) {
                    break;
                }
                List<ProjectedEvent> batch = decode(records);
                long t2 = System.nanoTime();
                decoding += t2 - t1;
                writing.join();
                waitingForWrites += System.nanoTime() - t2;
                status = new Status(State.RUNNING, written, status.total(), status.startedAt(), null);
                writing = write(batch).subscribeAsCompletionStage().toCompletableFuture();
                written += records.count();
            }
        } catch (RuntimeException | InterruptedException e) {
            // no write of this replay may still run when the caller drops the copies
            writing.handle((ignored, failure) -> null).join();
            throw e;
        }
        long t3 = System.nanoTime();
        writing.join();
        waitingForWrites += System.nanoTime() - t3;
        LOG.infof("Replay read %d records: polling Kafka %d ms (its own thread), waiting for a poll %d ms, "
                + "decoding %d ms, waiting for writes %d ms", written, poller.polling / 1_000_000,
                waitingForKafka / 1_000_000, decoding / 1_000_000, waitingForWrites / 1_000_000);
        return written;
    }

    /**
     * Polls the replay's consumer on a thread of its own until every partition reached its end offset, and hands
     * the polls over through a queue of one: a poll waits there while the previous one is decoded, and the next
     * fetch waits for room, so the heap holds a bounded number of polls. Ends with an empty item; a failure is
     * handed over too, and thrown by {@link #next}.
     */
    private static final class Poller implements Runnable {
        private static final Object END = new Object();
        private final KafkaConsumer<String, String> consumer;
        private final Map<TopicPartition, Long> end;
        private final BlockingQueue<Object> polls = new ArrayBlockingQueue<>(1);
        private volatile long polling;

        Poller(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end) {
            this.consumer = consumer;
            this.end = end;
        }

        @Override
        public void run() {
            try {
                try {
                    long spent = 0;
                    while (!reached(consumer, end)) {
                        long t0 = System.nanoTime();
                        ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
                        spent += System.nanoTime() - t0;
                        polling = spent;
                        if (!records.isEmpty()) {
                            polls.put(records);
                        }
                    }
                    polls.put(END);
                } catch (RuntimeException e) {
                    polls.put(e);
                }
            } catch (InterruptedException e) {
                // the replay stopped taking polls: nothing waits for this thread's items any more
                Thread.currentThread().interrupt();
            }
        }

        /** The next poll, or null once every partition reached its end. */
        @SuppressWarnings("unchecked")
        ConsumerRecords<String, String> next() throws InterruptedException {
            Object next = polls.take();
            if (next instanceof RuntimeException failure) {
                throw failure;
            }
            return next == END ? null : (ConsumerRecords<String, String>) next;
        }
    }

    private static boolean reached(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> partition : end.entrySet()) {
            if (consumer.position(partition.getKey()) < partition.getValue()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Writes one poll's records to the copies in one transaction: each projection gets the whole batch
     * ({@link Projection#applyAll}, a few set-based statements), or with {@link #setBasedWrites(boolean) false}
     * every event in turn (the per-event path, kept to compare with).
     */
    private Uni<Void> write(List<ProjectedEvent> events) {
        boolean batched = setBased;
        return pool.withTransaction(connection -> execute(connection, "set local synchronous_commit = off")
                .chain(() -> Multi.createFrom().iterable(projections)
                        .onItem().transformToUniAndConcatenate(projection -> batched
                                ? projection.applyAll(connection, ProjectionTargets.NEXT, events)
                                : perEvent(connection, projection, events))
                        .collect().last()))
                .onFailure().retry().withBackOff(Duration.ofMillis(100), Duration.ofSeconds(2)).atMost(5)
                .replaceWithVoid();
    }

    /**
     * The records' envelopes and payloads, in the records' order, without those of types this version does not
     * know. Decoded side by side (a parallel stream: the calling thread and the common pool's, one per core but
     * one), since decoding is as costly as writing; the next batch is decoded while the previous one is written.
     */
    private List<ProjectedEvent> decode(ConsumerRecords<String, String> records) {
        List<ConsumerRecord<String, String>> all = new ArrayList<>(records.count());
        records.forEach(all::add);
        return all.parallelStream().map(this::decode).filter(java.util.Objects::nonNull).toList();
    }

    private ProjectedEvent decode(ConsumerRecord<String, String> record) {
        String type = CloudEventHeaders.get(record.headers(), CloudEventHeaders.TYPE);
        if (type != null && !followed.computeIfAbsent(type, this::followed)) {
            return null;
        }
        EventEnvelope envelope = CloudEventHeaders.read(record.headers(), record.value());
        Object event = reader.payloadOf(envelope);
        // the batch being written keeps no JSON: its payloads are decoded, and the projections read no data
        return event == null ? null : new ProjectedEvent(new EventEnvelope(envelope.id(), envelope.type(),
                envelope.source(), envelope.organisationId(), envelope.aggregateType(), envelope.aggregateId(),
                envelope.aggregateVersion(), envelope.occurredAt(), envelope.recordedAt(), ""), event);
    }

    /**
     * Whether a projection follows the payload of this type: a record of a type none follows (an agenda's notes,
     * reorderings, ...) is skipped before its envelope and payload are parsed. A type this version does not know,
     * or a record without one, is not skipped here: {@link #decode} drops the first and refuses the second as before.
     */
    private boolean followed(String type) {
        Class<?> payloadClass = SuiteEventReader.classOf(type);
        return payloadClass == null || projections.stream().anyMatch(projection -> projection.follows(payloadClass));
    }

    private static Uni<Void> perEvent(SqlConnection connection, Projection projection, List<ProjectedEvent> events) {
        return Multi.createFrom().iterable(events).onItem().transformToUniAndConcatenate(
                one -> projection.apply(connection, ProjectionTargets.NEXT, one.envelope(), one.event()))
                .collect().last().replaceWithVoid();
    }

    /** Set-based writes (the default) or one statement per event and projection; for comparing the two. */
    void setBasedWrites(boolean setBased) {
        this.setBased = setBased;
    }

    /**
     * Renames the copies over the live tables in one transaction, and moves {@code history_position}: the
     * rollups' caches hold figures of the old tables until it moves (no event need come after a replay).
     */
    private void swap() {
        StringBuilder all = new StringBuilder();
        for (String table : tables) {
            all.append(all.isEmpty() ? "" : ", ").append(table).append(", ").append(table).append(ProjectionTargets.NEXT);
        }
        pool.withTransaction(connection -> execute(connection, "lock table " + all + " in access exclusive mode")
                // from the commit on the consumers write the live tables only: a transaction of one that decided
                // to write the copies too waits for the lock, then finds the copies gone, fails and is tried again
                .chain(() -> Multi.createFrom().iterable(tables)
                        .onItem().transformToUniAndConcatenate(table -> execute(connection,
                                "alter table " + table + " rename to " + table + "_old")
                                .chain(() -> execute(connection, "alter table " + table + ProjectionTargets.NEXT
                                        + " rename to " + table))
                                .chain(() -> execute(connection, "drop table " + table + "_old")))
                        .collect().last())
                .chain(() -> execute(connection, "update history_position set position = position + 1")))
                // a live transaction still writing to both sets may deadlock with the locks: try again
                .onFailure().retry().withBackOff(Duration.ofMillis(100), Duration.ofSeconds(1)).atMost(SWAP_ATTEMPTS)
                .await().indefinitely();
    }

    /** After a failure: without the copies, the consumers stop writing them. */
    private void dropCopies() {
        try {
            pool.withTransaction(connection -> Multi.createFrom().iterable(tables)
                    .onItem().transformToUniAndConcatenate(table -> execute(connection,
                            "drop table if exists " + table + ProjectionTargets.NEXT))
                    .collect().last()).await().atMost(KAFKA_TIMEOUT);
        } catch (RuntimeException e) {
            LOG.warnf("The replay's copies were not dropped (%s); the next replay drops them", e.getMessage());
        }
    }

    private static Uni<Void> execute(SqlConnection connection, String statement) {
        return connection.query(statement).execute().replaceWithVoid();
    }
}
