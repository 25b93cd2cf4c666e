package dev.oneonone.meetings.application.series;

import static dev.oneonone.meetings.rest.MeetingsApi.scheduleMeeting;
import static dev.oneonone.meetings.rest.MeetingsApi.startWeeklySeries;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import dev.oneonone.events.meetings.MeetingsEvent;
import dev.oneonone.kit.eventstore.EventJson;
import dev.oneonone.kit.eventstore.EventStore;
import dev.oneonone.kit.eventstore.StreamTail;
import dev.oneonone.meetings.domain.series.Series;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;

/**
 * The command path profile of docs/performance/command-path.md, not part of the test command: one client schedules
 * meetings through REST into one series until it has a thousand, then alternates between that series and four short
 * ones, and times the loading of the long series alone. Run with {@code -Dprofile.commands=true} (add
 * {@code -Dsuite.eventstore.snapshot-every=1000000000} for the fold from the first event, as before snapshots).
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "profile.commands", matches = "true")
class CommandPathProfile {
    private static final String ORG = "profile-org";
    private static final int LONG = 1000;
    private static final int ROUNDS = 200;

    @Inject
    EventStore store;

    @Inject
    EventJson json;

    @Test
    void profile() throws Throwable {
        Instant first = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        String longSeries = startWeeklySeries(ORG);
        long[] growing = new long[LONG];
        for (int i = 0; i < LONG; i++) {
            long start = System.nanoTime();
            scheduleMeeting(ORG, longSeries, first.plus(i, ChronoUnit.MINUTES)).statusCode(201);
            growing[i] = System.nanoTime() - start;
        }
        List<String> shortSeries = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            shortSeries.add(startWeeklySeries(ORG));
        }
        long[] onLong = new long[ROUNDS];
        long[] onShort = new long[ROUNDS];
        for (int i = 0; i < ROUNDS; i++) {
            Instant at = first.plus(LONG + i, ChronoUnit.MINUTES);
            long start = System.nanoTime();
            scheduleMeeting(ORG, longSeries, at).statusCode(201);
            onLong[i] = System.nanoTime() - start;
            start = System.nanoTime();
            scheduleMeeting(ORG, shortSeries.get(i % 4), at).statusCode(201);
            onShort[i] = System.nanoTime() - start;
        }
        UUID id = UUID.fromString(longSeries);
        long[] fullLoad = new long[50];
        long[] tailLoad = new long[50];
        int[] tailEvents = new int[1];
        for (int i = 0; i < 50; i++) {
            long start = System.nanoTime();
            VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> store.load(ORG, id)
                    .map(events -> Series.from(events.stream()
                            .map(e -> json.<MeetingsEvent>read(e, MeetingsEvent::classOf)).toList()))));
            fullLoad[i] = System.nanoTime() - start;
            start = System.nanoTime();
            VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> store
                    .loadTail(ORG, id, SeriesCommands.SNAPSHOT).map((StreamTail<Series.State> tail) -> {
                        tailEvents[0] = tail.events().size();
                        Series series = tail.snapshot() == null ? Series.from(List.of()) : Series.restore(tail.snapshot());
                        tail.events().forEach(e -> series.apply(json.read(e, MeetingsEvent::classOf)));
                        return series;
                    })));
            tailLoad[i] = System.nanoTime() - start;
        }
        System.out.printf("PROFILE schedule into one series, meetings 1-100: %s%n", figures(Arrays.copyOfRange(growing, 0, 100)));
        System.out.printf("PROFILE schedule into one series, meetings 451-550: %s%n", figures(Arrays.copyOfRange(growing, 450, 550)));
        System.out.printf("PROFILE schedule into one series, meetings 901-1000: %s%n", figures(Arrays.copyOfRange(growing, 900, 1000)));
        System.out.printf("PROFILE alternating, the series of 1000+ meetings: %s%n", figures(onLong));
        System.out.printf("PROFILE alternating, four short series: %s%n", figures(onShort));
        System.out.printf("PROFILE load + fold of the long series from its first event: %s%n", figures(fullLoad));
        System.out.printf("PROFILE load + fold from its snapshot (tail of %d events): %s%n", tailEvents[0], figures(tailLoad));
    }

    /** Median, 90th percentile and mean in ms, and the rate of one client in commands per second. */
    private static String figures(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        double mean = Arrays.stream(sorted).average().orElse(0) / 1e6;
        return String.format("median %.2f ms, p90 %.2f ms, mean %.2f ms (%.0f per s)", sorted[sorted.length / 2] / 1e6,
                sorted[sorted.length * 9 / 10] / 1e6, mean, 1000 / mean);
    }
}
