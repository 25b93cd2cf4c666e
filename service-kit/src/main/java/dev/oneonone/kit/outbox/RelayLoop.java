package dev.oneonone.kit.outbox;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

/**
 * Runs an {@link OutboxPublisher} on a thread of its own, one round every {@code interval}: each round
 * publishes batches until one comes back short. A failed round marks nothing published, so the next
 * round retries. Every write service wraps one of these in its own relay bean, with its own metrics.
 */
public final class RelayLoop implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(RelayLoop.class.getName());

    private final OutboxPublisher publisher;
    private final int batchSize;
    private final Duration interval;
    private final IntConsumer onPublished;
    private final Runnable onInterrupted;
    private final ScheduledExecutorService rounds;

    /**
     * @param onPublished   told how many events each batch published
     * @param onInterrupted told when a batch stopped early because Kafka refused an event
     */
    public RelayLoop(OutboxPublisher publisher, int batchSize, Duration interval, String threadName,
            IntConsumer onPublished, Runnable onInterrupted) {
        this.publisher = publisher;
        this.batchSize = batchSize;
        this.interval = interval;
        this.onPublished = onPublished;
        this.onInterrupted = onInterrupted;
        this.rounds = Executors.newSingleThreadScheduledExecutor(runnable -> new Thread(runnable, threadName));
    }

    public void start() {
        rounds.scheduleWithFixedDelay(this::round, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One round: batches until the store has no more than a short batch left to publish. */
    public void round() {
        try {
            OutboxPublisher.Round round;
            do {
                round = publisher.publishBatch();
                onPublished.accept(round.published());
                if (round.interrupted()) {
                    onInterrupted.run();
                }
            } while (round.full(batchSize));
        } catch (SQLException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Outbox relay round failed: {0}", e.getMessage());
        }
    }

    @Override
    public void close() {
        rounds.shutdown();
    }
}
