package dev.oneonone.kit.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.Uni;

/** Who counts as a leaver: at or after the instant their employment ended; each person read once per period. */
class LeaverCheckTest {
    private static final String ORG = "acme";
    // 30 November 2026, 23:30 UTC: already 1 December in Berlin
    private static final Instant NOW = Instant.parse("2026-11-30T23:30:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final UUID PERSON = UUID.randomUUID();

    private static final class Directory implements Employment {
        final Map<UUID, Instant> leftAt = new HashMap<>();
        final AtomicInteger reads = new AtomicInteger();

        @Override
        public Uni<Optional<Instant>> leftAt(String organisationId, UUID personId) {
            reads.incrementAndGet();
            return Uni.createFrom().item(Optional.ofNullable(leftAt.get(personId)));
        }

        /** As meetings-service records it: the start of the day after the last day in the organisation's zone. */
        void lastDay(LocalDate lastDay, ZoneId zone) {
            leftAt.put(PERSON, lastDay.plusDays(1).atStartOfDay(zone).toInstant());
        }
    }

    private static boolean hasLeft(LeaverCheck check) {
        return check.hasLeft(ORG, PERSON).await().indefinitely();
    }

    @Test
    void the_last_day_itself_is_a_working_day_the_day_after_is_not() {
        Directory directory = new Directory();
        directory.lastDay(LocalDate.parse("2026-11-30"), ZoneOffset.UTC);
        assertFalse(hasLeft(new LeaverCheck(directory, null, CLOCK, Duration.ZERO)));

        directory.lastDay(LocalDate.parse("2026-11-29"), ZoneOffset.UTC);
        assertTrue(hasLeft(new LeaverCheck(directory, null, CLOCK, Duration.ZERO)));
    }

    @Test
    void the_day_is_the_organisations_as_the_instant_says() {
        Directory directory = new Directory();
        directory.lastDay(LocalDate.parse("2026-11-30"), ZoneId.of("Europe/Berlin"));
        assertTrue(hasLeft(new LeaverCheck(directory, null, CLOCK, Duration.ZERO)));

        directory.lastDay(LocalDate.parse("2026-11-30"), ZoneId.of("America/New_York"));
        assertFalse(hasLeft(new LeaverCheck(directory, null, CLOCK, Duration.ZERO)));
    }

    @Test
    void the_instant_itself_is_already_past_employment() {
        Directory directory = new Directory();
        directory.leftAt.put(PERSON, NOW);
        assertTrue(hasLeft(new LeaverCheck(directory, null, CLOCK, Duration.ZERO)));
        directory.leftAt.put(PERSON, NOW.plusNanos(1));
        assertFalse(hasLeft(new LeaverCheck(directory, null, CLOCK, Duration.ZERO)));
    }

    @Test
    void someone_without_an_end_or_a_service_without_employment_refuses_nobody() {
        assertFalse(hasLeft(new LeaverCheck(new Directory(), null, CLOCK, Duration.ZERO)));
        assertFalse(hasLeft(new LeaverCheck((Employment) null, null, CLOCK, Duration.ZERO)));
    }

    @Test
    void people_tokens_are_checked_integrations_are_not() {
        String id = PERSON.toString();
        assertEquals(PERSON, LeaverCheck.personOf(new Caller(ORG, id, Set.of(Caller.PERSON))));
        assertEquals(PERSON, LeaverCheck.personOf(new Caller(ORG, id, Set.of(Caller.DIRECTOR))));
        assertEquals(PERSON, LeaverCheck.personOf(new Caller(ORG, id, Set.of(Caller.HR))));
        assertEquals(PERSON, LeaverCheck.personOf(new Caller(ORG, id, Set.of(Caller.DIRECTOR, Caller.PERSON))));
        assertNull(LeaverCheck.personOf(new Caller(ORG, id, Set.of(Caller.INTEGRATION))));
        assertNull(LeaverCheck.personOf(new Caller(ORG, "hris-sync", Set.of(Caller.DIRECTOR))));
        assertNull(LeaverCheck.personOf(new Caller(ORG, null, Set.of(Caller.HR))));
    }

    @Test
    void an_end_is_read_once_per_cache_period_unless_forgotten() {
        Directory directory = new Directory();
        LeaverCheck check = new LeaverCheck(directory, null, CLOCK, Duration.ofMinutes(5));
        assertFalse(hasLeft(check));

        directory.lastDay(LocalDate.parse("2026-11-01"), ZoneOffset.UTC);
        assertFalse(hasLeft(check), "still the kept answer");
        assertEquals(1, directory.reads.get());

        check.forget(ORG, PERSON);
        assertTrue(hasLeft(check));
        assertEquals(2, directory.reads.get());
    }
}
