package dev.oneonone.benchmark;

import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Meetings scheduled through meetings-service's REST API ({@code POST /series/{id}/meetings} with If-Match), each
 * client on series of its own, so no two requests race for one series.
 */
final class CommandLoad {
    private final Api api;

    CommandLoad(HttpClient http, SuiteTarget suite) {
        this.api = new Api(http, suite, "bench-commands");
    }

    /** What a phase measured. */
    record Phase(long accepted, long failed, double seconds, Stats latency, double firstQuarterRate,
            double lastQuarterRate, int meetingsPerSeries) {
        double rate() {
            return accepted / seconds;
        }
    }

    /** A series and the version last read. */
    private static final class Series {
        final String id;
        String etag;
        int meetings;

        Series(String id, String etag) {
            this.id = id;
            this.etag = etag;
        }
    }

    List<List<Series>> newSeries(int clients, int perClient) {
        List<List<Series>> all = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            List<Series> own = new ArrayList<>();
            for (int s = 0; s < perClient; s++) {
                Api.Answer started = api.startSeries().expect(201, "POST /series");
                own.add(new Series(started.json().get("id").asText(), started.etag()));
            }
            all.add(own);
        }
        return all;
    }

    /** Clients as fast as they can for {@code seconds}, or until each has scheduled {@code limitPerClient}. */
    Phase closedLoop(int clients, int seriesPerClient, int seconds, int limitPerClient) throws InterruptedException {
        return run(newSeries(clients, seriesPerClient), seconds, limitPerClient, 0);
    }

    /**
     * One client alternating between one series and four others: a command into the long series, then one into the
     * next of the four, until the long series has {@code history} meetings and each of the four a quarter of that.
     * Both rates (accepted over the time spent in their own requests) are taken in the same seconds, so a machine
     * whose load drifts during the phase weighs on both alike. Answers {long, short}.
     */
    Phase[] alternating(int history) {
        List<Series> one = newSeries(1, 1).get(0);
        List<Series> four = newSeries(1, 4).get(0);
        Stats[] latency = { new Stats(), new Stats() };
        long[] accepted = new long[2];
        long[] failed = new long[2];
        long[] nanos = new long[2];
        for (int i = 0; i < 2 * history; i++) {
            int which = i % 2;
            Series series = which == 0 ? one.get(0) : four.get((i / 2) % 4);
            Instant at = Instant.now().plus(Duration.ofDays(1 + series.meetings % 300)).plusSeconds(series.meetings);
            long begin = System.nanoTime();
            Api.Answer answer = api.schedule(series.id, series.etag, at);
            long took = System.nanoTime() - begin;
            nanos[which] += took;
            if (answer.status() == 201) {
                series.etag = answer.etag();
                series.meetings++;
                accepted[which]++;
                latency[which].addNanos(took);
            } else {
                failed[which]++;
                Api.Answer current = api.meetingsGet("/series/" + series.id);
                if (current.etag() != null) {
                    series.etag = current.etag();
                }
            }
        }
        Phase[] phases = new Phase[2];
        for (int k = 0; k < 2; k++) {
            phases[k] = new Phase(accepted[k], failed[k], nanos[k] / 1e9, latency[k], 0, 0, (int) accepted[k]);
        }
        return phases;
    }

    /** Clients paced to {@code totalRate} per second together; latency from each request's planned start. */
    Phase paced(int clients, int seriesPerClient, int seconds, double totalRate) throws InterruptedException {
        return run(newSeries(clients, seriesPerClient), seconds, Integer.MAX_VALUE, totalRate);
    }

    private Phase run(List<List<Series>> seriesOfClients, int seconds, int limitPerClient, double totalRate)
            throws InterruptedException {
        int clients = seriesOfClients.size();
        Stats latency = new Stats();
        AtomicLong accepted = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long quarter = seconds * 250_000_000L;
        AtomicLong inFirstQuarter = new AtomicLong();
        AtomicLong inLastQuarter = new AtomicLong();
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        long interval = totalRate > 0 ? (long) (clients * 1e9 / totalRate) : 0;
        List<Thread> threads = new ArrayList<>();
        for (List<Series> own : seriesOfClients) {
            Thread thread = new Thread(() -> {
                long planned = start;
                for (int i = 0; i < limitPerClient; i++) {
                    if (interval > 0) {
                        planned += interval;
                        long wait = planned - System.nanoTime();
                        if (wait > 0) {
                            sleepNanos(wait);
                        }
                    }
                    long begin = interval > 0 ? planned : System.nanoTime();
                    if (begin >= end) {
                        break;
                    }
                    Series series = own.get(i % own.size());
                    Instant at = Instant.now().plus(Duration.ofDays(1 + series.meetings % 300)).plusSeconds(series.meetings);
                    Api.Answer answer = api.schedule(series.id, series.etag, at);
                    long done = System.nanoTime();
                    if (answer.status() == 201) {
                        series.etag = answer.etag();
                        series.meetings++;
                        accepted.incrementAndGet();
                        latency.addNanos(done - begin);
                        if (done - start < quarter) {
                            inFirstQuarter.incrementAndGet();
                        } else if (end - done < quarter) {
                            inLastQuarter.incrementAndGet();
                        }
                    } else {
                        failed.incrementAndGet();
                        if (failed.get() <= 3) {
                            System.err.println("schedule answered " + answer.status() + ": " + answer.body());
                        }
                        Api.Answer current = api.meetingsGet("/series/" + series.id);
                        if (current.etag() != null) {
                            series.etag = current.etag();
                        }
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        int meetingsPerSeries = (int) (accepted.get() / Math.max(1, seriesOfClients.stream().mapToInt(List::size).sum()));
        return new Phase(accepted.get(), failed.get(), elapsed, latency, inFirstQuarter.get() / (seconds / 4.0),
                inLastQuarter.get() / (seconds / 4.0), meetingsPerSeries);
    }

    private static void sleepNanos(long nanos) {
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
