package dev.oneonone.kit.privacy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Writes the {@link AccessLog}'s queue to table {@code access_record} (kit migration {@code db/kit/access-log}) on its
 * own thread, every {@code suite.access-log.flush-interval} (200 ms), up to 500 records a batch in one JDBC batch
 * insert. A batch the database refused is kept and tried again next round (records are written at least once: the
 * record id is the primary key, so a retry of a batch that did commit adds nothing); meanwhile the queue fills and,
 * once full, drops (counted). {@code access_log_write_failures_total} counts refused rounds.
 */
@ApplicationScoped
public class AccessRecordWriter {
    private static final System.Logger LOG = System.getLogger(AccessRecordWriter.class.getName());
    private static final int BATCH = 500;
    private static final String INSERT = "insert into access_record (record_id, organisation_id, subject_id, reader_id, "
            + "reader_role, resource_kind, resource_id, accessed_at) values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing";

    private final AccessLog log;
    private final DataSource dataSource;
    private final Duration interval;
    private final Counter failures;
    private final List<AccessRecord> pending = new ArrayList<>();
    private ScheduledExecutorService thread;

    public AccessRecordWriter(AccessLog log, DataSource dataSource,
            @ConfigProperty(name = "suite.access-log.flush-interval", defaultValue = "200ms") Duration interval,
            MeterRegistry metrics) {
        this.log = log;
        this.dataSource = dataSource;
        this.interval = interval;
        this.failures = metrics.counter("access.log.write.failures");
    }

    void start(@Observes StartupEvent startup) {
        thread = Executors.newSingleThreadScheduledExecutor(runnable -> new Thread(runnable, "access-log-writer"));
        thread.scheduleWithFixedDelay(this::writeQuietly, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (thread != null) {
            thread.shutdown();
            try {
                thread.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        writeQuietly();
    }

    private void writeQuietly() {
        try {
            write();
        } catch (SQLException | RuntimeException e) {
            failures.increment();
            LOG.log(System.Logger.Level.WARNING, "Access records not written yet ({0} waiting): {1}", pending.size(), e.getMessage());
        }
    }

    /** Writes everything queued now (what the thread does every interval; tests call it not to wait). */
    public synchronized void write() throws SQLException {
        while (true) {
            if (pending.isEmpty()) {
                pending.addAll(log.take(BATCH));
            }
            if (pending.isEmpty()) {
                return;
            }
            insert(pending);
            pending.clear();
        }
    }

    private void insert(List<AccessRecord> batch) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (AccessRecord record : batch) {
                insert.setObject(1, record.recordId());
                insert.setString(2, record.organisationId());
                insert.setObject(3, record.subjectId());
                insert.setString(4, record.readerId());
                insert.setString(5, record.readerRole());
                insert.setString(6, record.kind().name());
                insert.setObject(7, record.resourceId());
                insert.setTimestamp(8, Timestamp.from(record.accessedAt()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
