package dev.oneonone.kit.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.Uni;

/** Who counts as a leaver: past the last day in the organisation's zone; each person's last day read once per period. */
class LeaverCheckTest {
    private static final String ORG = "acme";
    // 30 November 2026, 23:30 UTC: already 1 December in Berlin
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T23:30:00Z"), ZoneOffset.UTC);
    private static final UUID PERSON = UUID.randomUUID();

    private static final class Directory implements Employment {
        final Map<UUID, LocalDate> lastDays = new HashMap<>();
        final AtomicInteger reads = new AtomicInteger();
        ZoneId zone = ZoneOffset.UTC;

        @Override
        public Uni<Optional<LocalDate>> lastDay(String organisationId, UUID personId) {
            reads.incrementAndGet();
            return Uni.createFrom().item(Optional.ofNullable(lastDays.get(personId)));
        }

        @Override
        public ZoneId zoneOf(String organisationId) {
            return zone;
        }
    }

    private static boolean hasLeft(LeaverCheck check) {
        return check.hasLeft(ORG, PERSON).await().indefinitely();
    }

    @Test
    void the_last_day_itself_is_a_working_day_the_day_after_is_not() {
        Directory directory = new Directory();
        directory.lastDays.put(PERSON, LocalDate.parse("2026-11-30"));
        assertFalse(hasLeft(new LeaverCheck(directory, null, CLOCK, Duration.ZERO)));

        directory.lastDays.put(PERSON, LocalDate.parse("2026-11-29"));
        assertTrue(hasLeft(new LeaverCheck(directory, null, CLOCK, Duration.ZERO)));
    }

    @Test
    void the_day_is_the_organisations() {
        Directory directory = new Directory();
        directory.lastDays.put(PERSON, LocalDate.parse("2026-11-30"));
        directory.zone = ZoneId.of("Europe/Berlin");
        assertTrue(hasLeft(new LeaverCheck(directory, null, CLOCK, Duration.ZERO)));
    }

    @Test
    void someone_without_a_last_day_or_a_service_without_employment_refuses_nobody() {
        assertFalse(hasLeft(new LeaverCheck(new Directory(), null, CLOCK, Duration.ZERO)));
        assertFalse(hasLeft(new LeaverCheck((Employment) null, null, CLOCK, Duration.ZERO)));
    }

    @Test
    void a_last_day_is_read_once_per_cache_period_unless_forgotten() {
        Directory directory = new Directory();
        LeaverCheck check = new LeaverCheck(directory, null, CLOCK, Duration.ofMinutes(5));
        assertFalse(hasLeft(check));

        directory.lastDays.put(PERSON, LocalDate.parse("2026-11-01"));
        assertFalse(hasLeft(check), "still the kept answer");
        assertEquals(1, directory.reads.get());

        check.forget(ORG, PERSON);
        assertTrue(hasLeft(check));
        assertEquals(2, directory.reads.get());
    }
}
