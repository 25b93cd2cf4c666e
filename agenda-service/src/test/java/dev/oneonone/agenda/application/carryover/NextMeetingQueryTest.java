package dev.oneonone.agenda.application.carryover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import dev.oneonone.agenda.domain.CarryOver;
import dev.oneonone.agenda.domain.CarryOver.SeriesMeeting;
import dev.oneonone.agenda.domain.MeetingStatus;
import dev.oneonone.agenda.projection.KnownMeeting;
import dev.oneonone.agenda.projection.KnownSeries;
import dev.oneonone.kit.property.StepSequences;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;

/**
 * The carry-over's bounded read of the next meeting ({@link CarryOverProcess#nextMeeting}, one indexed query) picks
 * the meeting the domain rule {@link CarryOver#nextMeeting} picks from every meeting of the series, against the real
 * PostgreSQL: random series of up to 60 meetings on 10 start instants (so many ties on the start, broken by ids of
 * any sign: PostgreSQL and Java order uuids differently), of every status, with meetings of a neighbouring series
 * and of another organisation on the same instants, asked as of instants before, on, between and after the starts.
 */
@QuarkusTest
class NextMeetingQueryTest {
    private static final String ORG = "acme";
    private static final String OTHER_ORG = "globex";
    private static final Instant FIRST_START = Instant.parse("2026-03-02T09:00:00Z");
    private static final int SLOTS = 10;
    private static final Duration SLOT = Duration.ofHours(1);

    @Inject
    CarryOverProcess carryOver;

    private int ties;
    private int found;

    @Test
    void the_query_picks_the_meeting_of_the_domain_rule() {
        StepSequences.check(80, 60, this::sameNextMeeting);
        // the generator must reach what it is there for: ties on the start, and series with and without a next meeting
        assertTrue(ties > 0, "no tie on the next meeting's start was generated");
        assertTrue(found > 0, "no next meeting was ever found");
    }

    private void sameNextMeeting(long setupSeed, long[] stepSeeds) {
        UUID seriesId = UUID.randomUUID();
        UUID neighbourId = UUID.randomUUID();
        List<KnownMeeting> ours = new ArrayList<>();
        List<KnownMeeting> rows = new ArrayList<>();
        // ids differ from run to run (a shrinking run repeats step seeds); their order within a run is the seeds'
        long salt = UUID.randomUUID().getLeastSignificantBits();
        for (long seed : stepSeeds) {
            SplittableRandom random = new SplittableRandom(seed);
            KnownMeeting meeting = new KnownMeeting();
            meeting.meetingId = new UUID(random.nextLong(), random.nextLong() ^ salt);
            meeting.scheduledFor = FIRST_START.plus(SLOT.multipliedBy(random.nextInt(SLOTS)));
            meeting.status = MeetingStatus.values()[random.nextInt(MeetingStatus.values().length)].name();
            int where = random.nextInt(8);
            meeting.seriesId = where == 0 ? neighbourId : seriesId;
            meeting.organisationId = where == 1 ? OTHER_ORG : ORG;
            meeting.firstOfSeries = false;
            rows.add(meeting);
            if (where > 1) {
                ours.add(meeting);
            }
        }
        await(() -> Panache.withTransaction(() -> KnownSeries.persist(series(seriesId), series(neighbourId))
                .chain(() -> KnownMeeting.persist(rows))));

        List<SeriesMeeting> all = ours.stream()
                .map(m -> new SeriesMeeting(m.meetingId, m.scheduledFor, MeetingStatus.valueOf(m.status))).toList();
        for (Instant asOf : asOfs()) {
            Optional<SeriesMeeting> expected = CarryOver.nextMeeting(all, asOf);
            Optional<SeriesMeeting> read = await(() -> Panache.withSession(
                    () -> carryOver.nextMeeting(ORG, seriesId, asOf)));
            assertEquals(expected.map(SeriesMeeting::meetingId), read.map(SeriesMeeting::meetingId),
                    "next meeting as of " + asOf + " among " + all);
            if (expected.isPresent()) {
                found++;
                Instant start = expected.get().startsAt();
                if (all.stream().filter(m -> m.status() == MeetingStatus.SCHEDULED && m.startsAt().equals(start))
                        .count() > 1) {
                    ties++;
                }
            }
        }
    }

    /** Before every start, exactly on each start (not "after" it), between two starts, and after the last. */
    private static List<Instant> asOfs() {
        List<Instant> asOfs = new ArrayList<>();
        asOfs.add(FIRST_START.minus(Duration.ofDays(30)));
        for (int slot = 0; slot < SLOTS; slot++) {
            Instant start = FIRST_START.plus(SLOT.multipliedBy(slot));
            asOfs.add(start);
            asOfs.add(start.plus(SLOT.dividedBy(2)));
        }
        return asOfs;
    }

    private static KnownSeries series(UUID seriesId) {
        KnownSeries series = new KnownSeries();
        series.seriesId = seriesId;
        series.organisationId = ORG;
        series.leaderId = UUID.randomUUID();
        series.companionId = UUID.randomUUID();
        return series;
    }

    private static <T> T await(Supplier<Uni<T>> step) {
        try {
            return VertxContextSupport.subscribeAndAwait(step);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
