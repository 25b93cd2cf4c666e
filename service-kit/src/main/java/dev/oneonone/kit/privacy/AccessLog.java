package dev.oneonone.kit.privacy;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Supplier;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.oneonone.kit.security.Caller;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Records reads of a person's 1:1 data by anyone but the person and the other participant (issue 18, docs/privacy.md).
 * A read endpoint calls {@link #series} or {@link #people}; the call never blocks and never fails the read: it puts
 * the records in a bounded in-memory queue ({@code suite.access-log.queue-capacity}, default 10,000) that
 * {@link AccessRecordWriter} empties into table {@code access_record}. When the queue is full the record is dropped
 * and counted ({@code access_log_records_dropped_total}); {@code access_log_records_queued_total} counts the others,
 * the gauge {@code access_log_queue_size} shows what waits.
 */
@ApplicationScoped
public class AccessLog {
    private final BlockingQueue<AccessRecord> queue;
    private final Clock clock;
    private final Counter queued;
    private final Counter dropped;

    public AccessLog(@ConfigProperty(name = "suite.access-log.queue-capacity", defaultValue = "10000") int capacity,
            Clock clock, MeterRegistry metrics) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.clock = clock;
        this.queued = metrics.counter("access.log.records.queued");
        this.dropped = Counter.builder("access.log.records.dropped")
                .description("Access records lost because the queue was full (the database did not keep up)").register(metrics);
        Gauge.builder("access.log.queue.size", queue, BlockingQueue::size)
                .description("Access records waiting to be written").register(metrics);
    }

    /**
     * A read of one series (or of something computed from it) by {@code reader}: recorded for both participants,
     * unless the reader is one of them (their own 1:1, or the other participant's: both see it anyway).
     */
    public void series(Caller reader, AccessKind kind, UUID seriesId, UUID leaderId, UUID companionId) {
        UUID self = reader.subjectPersonId(); // whatever the role: a director reading their own series is no one else's read
        if (self != null && (self.equals(leaderId) || self.equals(companionId))) {
            return;
        }
        people(reader, kind, seriesId, List.of(leaderId, companionId));
    }

    /**
     * A read about each of {@code subjects} (the reader's own id is left out, whatever roles their token carries: the
     * token's subject is their person id), {@code resourceId} may be null.
     */
    public void people(Caller reader, AccessKind kind, UUID resourceId, Iterable<UUID> subjects) {
        UUID self = reader.subjectPersonId();
        Set<UUID> distinct = new LinkedHashSet<>();
        subjects.forEach(distinct::add);
        String role = roleOf(reader);
        for (UUID subject : distinct) {
            if (subject.equals(self)) {
                continue;
            }
            AccessRecord record = new AccessRecord(UUID.randomUUID(), reader.organisationId(), subject,
                    reader.subject() == null ? "unknown" : reader.subject(), role, kind, resourceId, clock.instant());
            if (queue.offer(record)) {
                queued.increment();
            } else {
                dropped.increment();
            }
        }
    }

    /**
     * An export of {@code person}'s data by someone else (the organisation's integration): recorded for the person
     * and for each other participant of their series ({@code otherParticipants}, asked only then), once each,
     * whose series and meetings the export holds too; each record's resourceId is the exported person, so a
     * participant's log tells an export of their manager from one of their report. The person's own export records
     * nothing.
     */
    public void export(Caller reader, AccessKind kind, UUID person, Supplier<List<UUID>> otherParticipants) {
        if (person.equals(reader.subjectPersonId())) {
            return;
        }
        List<UUID> subjects = new ArrayList<>();
        subjects.add(person);
        subjects.addAll(otherParticipants.get());
        people(reader, kind, person, subjects);
    }

    /** The role the read was allowed by: the widest the token carries. */
    static String roleOf(Caller reader) {
        for (String role : List.of(Caller.INTEGRATION, Caller.HR, Caller.DIRECTOR, Caller.PERSON)) {
            if (reader.is(role)) {
                return role;
            }
        }
        return "none";
    }

    /** Takes up to {@code max} queued records, oldest first. */
    List<AccessRecord> take(int max) {
        List<AccessRecord> batch = new ArrayList<>(Math.min(max, queue.size()));
        queue.drainTo(batch, max);
        return batch;
    }

    /** Records waiting to be written. */
    public int waiting() {
        return queue.size();
    }
}
