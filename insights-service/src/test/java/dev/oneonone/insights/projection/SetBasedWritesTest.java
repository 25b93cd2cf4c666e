package dev.oneonone.insights.projection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Multi;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

/**
 * The replay's set-based writes ({@link Projection#applyAll}) leave exactly the rows of the per-event path
 * ({@link Projection#apply} of each event in turn) on seeded random histories, applied in batches of random
 * sizes to copies of every projection table.
 */
@QuarkusTest
class SetBasedWritesTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Inject
    Pool pool;

    @Inject
    Instance<Projection> projectionBeans;

    @ParameterizedTest(name = "seed {0}: {1} events over {2} keys, batches up to {3}")
    @CsvSource({ "1, 3000, 8, 400", "2, 3000, 40, 1500", "3, 4000, 200, 4000", "4, 600, 4, 1", "5, 2000, 12, 97" })
    void batched_writes_equal_the_per_event_path(long seed, int count, int keys, int maxBatch) {
        List<Projection> projections = ProjectionReplay.ordered(projectionBeans);
        List<String> tables = projections.stream().flatMap(projection -> projection.tables().stream()).toList();
        String perEvent = "_pe" + seed;
        String setBased = "_sb" + seed;
        for (String table : tables) {
            for (String suffix : List.of(perEvent, setBased)) {
                execute("drop table if exists " + table + suffix);
                execute("create table " + table + suffix + " (like " + table + " including all)");
            }
        }
        List<ProjectedEvent> events = new GeneratedHistory(seed, keys).events(count);
        Random batches = new Random(seed);
        int from = 0;
        while (from < events.size()) {
            List<ProjectedEvent> batch = events.subList(from, Math.min(events.size(), from + 1 + batches.nextInt(maxBatch)));
            from += batch.size();
            pool.withTransaction(sql -> Multi.createFrom().iterable(projections)
                    .onItem().transformToUniAndConcatenate(projection -> Multi.createFrom().iterable(batch)
                            .onItem().transformToUniAndConcatenate(one -> projection.apply(sql, perEvent,
                                    one.envelope(), one.event()))
                            .collect().last()
                            .chain(() -> projection.applyAll(sql, setBased, batch)))
                    .collect().last()).await().atMost(TIMEOUT);
        }
        int rows = 0;
        for (String table : tables) {
            List<String> expected = contents(table + perEvent);
            assertEquals(expected, contents(table + setBased), table);
            rows += expected.size();
        }
        assertTrue(rows > count / 5, "the history wrote rows: " + rows);
        for (String table : tables) {
            execute("drop table " + table + perEvent);
            execute("drop table " + table + setBased);
        }
    }

    private List<String> contents(String table) {
        return pool.query("select row_to_json(t)::text as row from " + table + " t order by 1").execute()
                .map(rows -> {
                    List<String> all = new java.util.ArrayList<>();
                    for (Row row : rows) {
                        all.add(row.getString(0));
                    }
                    return all;
                }).await().atMost(TIMEOUT);
    }

    private void execute(String statement) {
        pool.query(statement).execute().await().atMost(TIMEOUT);
    }
}
