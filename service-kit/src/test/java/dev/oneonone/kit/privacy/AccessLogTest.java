package dev.oneonone.kit.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.oneonone.kit.security.Caller;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class AccessLogTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);
    private final UUID leader = UUID.randomUUID();
    private final UUID companion = UUID.randomUUID();

    @Test
    void a_read_by_someone_else_is_recorded_for_both_participants_with_the_widest_role() {
        AccessLog log = new AccessLog(10, CLOCK, new SimpleMeterRegistry());
        UUID series = UUID.randomUUID();
        log.series(new Caller("acme", "someone", Set.of(Caller.DIRECTOR, Caller.HR)), AccessKind.SERIES_FIGURES, series, leader, companion);

        List<AccessRecord> records = log.take(10);
        assertEquals(List.of(leader, companion), records.stream().map(AccessRecord::subjectId).toList());
        assertTrue(records.stream().allMatch(r -> r.readerRole().equals("hr") && r.readerId().equals("someone")
                && r.resourceId().equals(series) && r.accessedAt().equals(CLOCK.instant()) && r.organisationId().equals("acme")));
    }

    @Test
    void the_participants_reads_and_a_readers_own_record_are_left_out() {
        AccessLog log = new AccessLog(10, CLOCK, new SimpleMeterRegistry());
        log.series(new Caller("acme", leader.toString(), Set.of(Caller.PERSON)), AccessKind.SERIES, null, leader, companion);
        log.series(new Caller("acme", companion.toString(), Set.of(Caller.PERSON, Caller.HR)), AccessKind.SERIES, null, leader, companion);
        assertEquals(0, log.waiting());

        // an HR leader who is also a person reading a list that names them: only the others are recorded
        log.people(new Caller("acme", leader.toString(), Set.of(Caller.PERSON, Caller.HR)), AccessKind.ATTENTION_ITEM, null,
                List.of(leader, companion, companion));
        assertEquals(List.of(companion), log.take(10).stream().map(AccessRecord::subjectId).toList());
    }

    @Test
    void a_readers_own_data_is_left_out_whatever_role_the_token_carries() {
        AccessLog log = new AccessLog(10, CLOCK, new SimpleMeterRegistry());
        // a director-only token of the leader reading attention items about their own series
        log.people(new Caller("acme", leader.toString(), Set.of(Caller.DIRECTOR)), AccessKind.ATTENTION_ITEM, null,
                List.of(leader, companion));
        List<AccessRecord> records = log.take(10);
        assertEquals(List.of(companion), records.stream().map(AccessRecord::subjectId).toList());
        assertEquals("director", records.get(0).readerRole());

        // an HR-only token of the manager reading their own series: both see it anyway, nothing recorded
        log.series(new Caller("acme", leader.toString(), Set.of(Caller.HR)), AccessKind.SERIES, null, leader, companion);
        assertEquals(0, log.waiting());

        // an integration's client id is no person: both recorded
        log.series(new Caller("acme", "hr-platform", Set.of(Caller.INTEGRATION)), AccessKind.SERIES, null, leader, companion);
        assertEquals(2, log.waiting());
    }

    @Test
    void an_export_by_someone_else_is_recorded_for_the_person_and_each_other_participant_once() {
        AccessLog log = new AccessLog(10, CLOCK, new SimpleMeterRegistry());
        UUID peer = UUID.randomUUID();
        Caller integration = new Caller("acme", "hr-platform", Set.of(Caller.INTEGRATION));
        log.export(integration, AccessKind.EXPORT, companion, () -> List.of(leader, peer, leader));
        List<AccessRecord> records = log.take(10);
        assertEquals(List.of(companion, leader, peer), records.stream().map(AccessRecord::subjectId).toList());
        assertTrue(records.stream().allMatch(r -> r.kind() == AccessKind.EXPORT && companion.equals(r.resourceId())),
                "every record names the person exported");

        // the person's own export records nothing and does not even look up the others
        log.export(new Caller("acme", companion.toString(), Set.of(Caller.PERSON)), AccessKind.EXPORT, companion, () -> {
            throw new AssertionError("not asked");
        });
        assertEquals(0, log.waiting());
    }

    @Test
    void a_full_queue_drops_and_counts_never_blocks() {
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        AccessLog log = new AccessLog(3, CLOCK, metrics);
        Caller hr = new Caller("acme", "hr-1", Set.of(Caller.HR));
        for (int i = 0; i < 5; i++) {
            log.series(hr, AccessKind.SERIES_FIGURES, null, leader, companion);
        }
        assertEquals(3, log.waiting());
        assertEquals(7.0, metrics.get("access.log.records.dropped").counter().count());
        assertEquals(3.0, metrics.get("access.log.records.queued").counter().count());
        assertEquals(3.0, metrics.get("access.log.queue.size").gauge().value());
    }
}
