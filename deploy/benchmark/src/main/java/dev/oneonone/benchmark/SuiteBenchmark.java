package dev.oneonone.benchmark;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import com.fasterxml.jackson.databind.JsonNode;

import dev.oneonone.local.PostgresAddress;
import dev.oneonone.local.SuiteDataDirectory;

/**
 * The benchmark command of issue 16: {@code java -jar deploy/benchmark/target/benchmark.jar [options]}. Starts the
 * packaged suite as the README's run command does (or uses a running one), measures a PostgreSQL baseline in the
 * same run, then every figure of the table, and prints a Markdown table (also written to {@code --out}).
 */
public final class SuiteBenchmark {
    private static final String USAGE = """
            Usage: java -jar deploy/benchmark/target/benchmark.jar [options]
              --clients N          concurrent clients of the command phases (8)
              --seconds N          length of each timed command phase and of the baseline, in s (20)
              --history N          meetings of the one long series in the history comparison (1000; vs 4 x N/4)
              --people N           size of the seeded organisation, in departments of 1,011 people (10000)
              --weeks N            weeks of past meetings seeded per series (4; 26 as DashboardBenchmark)
              --samples N          cold/cached rollup samples (20)
              --latency-samples N  event-to-figure samples (40)
              --dashboard-loads N  dashboard loads, cold and cached each (3)
              --flow-rate X        events per second in the organisation while timing 'with events flowing' (2)
              --baseline MODE      auto (pgbench if on PATH, else JDBC), pgbench or jdbc (auto)
              --out FILE           where the table goes (deploy/benchmark/target/benchmark.md)
              --only commands      only the baseline and the command rows (through the p99 at half rate)
              --only access-log    only the access log's cost on a read (recorded vs not recorded)
              --warmup N           seconds of the first command load before any command row, not counted (60)
              --running            measure the suite of the README's run command (localhost:8081-8083, PostgreSQL
                                   localhost:15432 postgres/postgres, key in .suite-data/jwt) instead of starting one
              --meetings URL --agenda URL --insights URL --postgres HOST:PORT --postgres-user U
              --postgres-password P --jwt-dir DIR   another running suite (implies --running)
            """;

    private final Map<String, String> options;
    private final List<String[]> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    private SuiteBenchmark(Map<String, String> options) {
        this.options = options;
    }

    /** Kept: a JUL logger's level lasts as long as the logger object. */
    private static final java.util.logging.Logger SELENIUM = java.util.logging.Logger.getLogger("org.openqa.selenium");

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        SELENIUM.setLevel(java.util.logging.Level.SEVERE); // "Unable to find CDP implementation": CDP is not used
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (name.equals("--help") || name.equals("-h")) {
                System.out.print(USAGE);
                return;
            }
            if (name.equals("--running")) {
                options.put("running", "true");
            } else if (name.startsWith("--") && i + 1 < args.length) {
                options.put(name.substring(2), args[++i]);
            } else {
                System.err.print("Unknown option " + name + "\n" + USAGE);
                System.exit(2);
            }
        }
        new SuiteBenchmark(options).run();
        System.exit(0);
    }

    private int number(String name, int fallback) {
        return Integer.parseInt(options.getOrDefault(name, String.valueOf(fallback)));
    }

    private void run() throws Exception {
        Path root = SuiteDataDirectory.repositoryRoot();
        Path out = Path.of(options.getOrDefault("out", root.resolve("deploy/benchmark/target/benchmark.md").toString()));
        int clients = number("clients", 8);
        int seconds = number("seconds", 20);
        Instant began = Instant.now();
        try (SuiteTarget suite = target(root)) {
            HttpClient http = Api.newClient();
            measure(suite, http, clients, seconds);
        }
        notes.add(Api.rateLimitNote());
        String table = table(began);
        System.out.println("\n" + table);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, table);
        System.out.println("Written to " + out.toAbsolutePath());
    }

    private SuiteTarget target(Path root) throws Exception {
        boolean running = options.containsKey("running") || options.containsKey("meetings");
        if (!running) {
            System.out.println("Starting the packaged suite (PostgreSQL durable, Kafka, the three services) ...");
            return SuiteTarget.start();
        }
        String[] hostPort = options.getOrDefault("postgres", "localhost:15432").split(":");
        PostgresAddress postgres = new PostgresAddress(hostPort[0], Integer.parseInt(hostPort[1]),
                options.getOrDefault("postgres-user", "postgres"), options.getOrDefault("postgres-password", "postgres"));
        return SuiteTarget.attach(options.getOrDefault("meetings", "http://localhost:8081"),
                options.getOrDefault("agenda", "http://localhost:8082"),
                options.getOrDefault("insights", "http://localhost:8083"), postgres,
                Path.of(options.getOrDefault("jwt-dir", root.resolve(".suite-data/jwt").toString())));
    }

    private void measure(SuiteTarget suite, HttpClient http, int clients, int seconds) throws Exception {
        if ("access-log".equals(options.get("only"))) {
            accessLogRow(suite, http);
            return;
        }
        step("Baseline: one-row inserts, " + clients + " clients, " + seconds + " s");
        Baseline.Result baseline = Baseline.run(suite.postgres(), clients, seconds, options.getOrDefault("baseline", "auto"));
        Baseline.dropTable(suite.postgres());
        double base = baseline.perSecond();
        notes.add("PostgreSQL: " + baseline.durability() + " (the services' server, the same settings for both)");
        row("PostgreSQL one-row insert per transaction, " + clients + " clients (" + baseline.how()
                + ", event-shaped row)", perSecond(base), "100 %", "the baseline");

        CommandLoad load = new CommandLoad(http, suite);
        int warmup = number("warmup", 60);
        if (warmup > 0) {
            // the services' JIT compiles the command path under load first; not counted in any figure. On 2 cores
            // shared by three services, C2 was still compiling a minute into the load (10 s left the first command
            // row a quarter below the steady rate), so a minute by default
            step("Warm-up (not counted): " + clients + " clients, 4 series each, " + warmup + " s");
            CommandLoad.Phase warm = load.closedLoop(clients, 4, warmup, Integer.MAX_VALUE);
            System.out.printf("%.0f per s while warming up%n", warm.rate());
            notes.add(String.format("Command rows after a %d s warm-up of the same load (%.0f per s then, not counted)",
                    warmup, warm.rate()));
        }
        step("Commands: " + clients + " clients, 4 series each, " + seconds + " s");
        CpuTime cpu = new CpuTime(suite);
        Map<String, Long> cpuBefore = cpu.sample();
        CommandLoad.Phase shortSeries = load.closedLoop(clients, 4, seconds, Integer.MAX_VALUE);
        CpuTime.Settled cpuAfter = cpu.settled(Duration.ofMinutes(3));
        row("schedule a meeting through REST, " + clients + " clients, 4 series each", perSecond(shortSeries.rate())
                + String.format(" (p50 %.0f / p99 %.0f ms%s)", shortSeries.latency().p(50), shortSeries.latency().p(99),
                        failures(shortSeries)), percent(shortSeries.rate(), base),
                "≥ 20 % of the baseline, same durability settings for both");
        row(String.format("CPU per command in that phase, until the consumers had applied its events (%.0f s after its "
                + "last command)%s", cpuAfter.seconds(), cpu.measuresKafka() ? "" : "; Kafka not measured (a running suite)"),
                CpuTime.perCommand(cpuBefore, cpuAfter.ticks(), shortSeries.accepted()), "",
                "– (not in the issue: the rate the cores can sustain)");

        int longSeconds = Math.max(seconds, seconds * 3 / 2);
        step("Commands: " + clients + " clients, one series each, " + longSeconds + " s");
        CommandLoad.Phase longSeries = load.closedLoop(clients, 1, longSeconds, Integer.MAX_VALUE);
        row("the same, one series per client (" + longSeries.meetingsPerSeries() + " meetings each by the end)",
                perSecond(longSeries.rate()) + String.format(" (first quarter %.0f, last quarter %.0f per s%s)",
                        longSeries.firstQuarterRate(), longSeries.lastQuarterRate(), failures(longSeries)),
                percent(longSeries.rate(), base), "the same as with short series");

        int history = number("history", 1000);
        step("History: one client, a series with " + history + " meetings vs four with " + history / 4);
        // alternating, so that both rates are measured under the same load of the machine
        CommandLoad.Phase[] alternated = load.alternating(history);
        CommandLoad.Phase oneLong = alternated[0];
        CommandLoad.Phase fourShort = alternated[1];
        row(String.format("one client, a series with %,d meetings vs four with %,d", history, history / 4),
                String.format("%.0f vs %.0f per s (p50 %.0f vs %.0f ms)", oneLong.rate(), fourShort.rate(),
                        oneLong.latency().p(50), fourShort.latency().p(50)),
                percent(oneLong.rate(), base) + " vs " + percent(fourShort.rate(), base),
                "equal: a command's cost must not grow with the series' history");

        double half = shortSeries.rate() / 2;
        step(String.format("Latency at half the measured rate: %.0f per s, %d clients, %d s", half, clients, seconds));
        CommandLoad.Phase paced = load.paced(clients, 4, seconds, half);
        row(String.format("p99 at half the measured rate (%.0f per s offered, %.0f done)", half, paced.rate()),
                String.format("%.0f ms (p50 %.0f ms%s)", paced.latency().p(99), paced.latency().p(50), failures(paced)),
                "", "< 50 ms");

        if ("commands".equals(options.get("only"))) {
            return;
        }
        step("Event to insights figure");
        Stats eventToFigure = eventToFigure(http, suite, number("latency-samples", 40));
        row("event to insights figure, p50 / p99 (" + eventToFigure.count() + " meetings)",
                String.format("%.0f / %.0f ms", eventToFigure.p(50), eventToFigure.p(99)), "", "p99 < 300 ms (keep it)");

        accessLogRow(suite, http);

        Organisation organisation = new Organisation(http, suite, number("people", 10000), number("weeks", 4));
        step("Seeding the organisation through POST /people/import and POST /series/import");
        String seeded = organisation.seed();
        notes.add("Organisation " + organisation.api.organisation + ": " + seeded);
        System.out.println(seeded);
        rollups(organisation, suite);

        step("Replay of insights-service's projections");
        replay(http, suite, base);

        step("Resident memory");
        StringBuilder memory = new StringBuilder();
        for (String url : List.of(suite.meetingsUrl(), suite.agendaUrl(), suite.insightsUrl())) {
            OptionalLong mb = Memory.residentMegabytes(url);
            memory.append(memory.length() == 0 ? "" : " / ").append(mb.isPresent() ? String.format("%,d", mb.getAsLong()) : "?");
        }
        row("resident memory after load: meetings / agenda / insights", memory + " MB", "", "< 300 MB each");
    }

    private static String failures(CommandLoad.Phase phase) {
        return phase.failed() == 0 ? "" : String.format("; %,d refused", phase.failed());
    }

    private void accessLogRow(SuiteTarget suite, HttpClient http) throws Exception {
        step("Access log: a read recorded (HR) vs the same read not recorded (a participant)");
        Stats[] reads = accessLogCost(http, suite, number("latency-samples", 40) * 5);
        row(String.format("series figures read, recorded in the access log vs not, p50 / p99 (%d each, alternating)",
                reads[0].count()), String.format("%.1f / %.1f vs %.1f / %.1f ms; %s", reads[0].p(50), reads[0].p(99),
                        reads[1].p(50), reads[1].p(99), droppedRecords(http, suite)), "", "the same: recording never blocks a read");
    }

    /**
     * The access log's cost on the read path: the same GET /series/{id} on insights-service, alternately by HR
     * (recorded for both participants) and by a participant (not recorded), one client, [recorded, not recorded].
     */
    private static Stats[] accessLogCost(HttpClient http, SuiteTarget suite, int samples) throws Exception {
        Api api = new Api(http, suite, "bench-access-log");
        var series = api.startSeries().expect(201, "POST /series").json();
        String path = "/series/" + series.get("id").asText();
        String participant = api.personToken(series.get("companionId").asText());
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (api.insightsGetAs(path, participant).status() != 200) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("insights-service did not show " + path);
            }
            Thread.sleep(20);
        }
        Stats recorded = new Stats();
        Stats notRecorded = new Stats();
        for (int i = 0; i < samples + 10; i++) {
            long start = System.nanoTime();
            api.insightsGetAs(path, api.hr).expect(200, "GET " + path + " by HR");
            long middle = System.nanoTime();
            api.insightsGetAs(path, participant).expect(200, "GET " + path + " by a participant");
            if (i >= 10) { // the first ten warm up
                recorded.addNanos(middle - start);
                notRecorded.addNanos(System.nanoTime() - middle);
            }
        }
        return new Stats[] { recorded, notRecorded };
    }

    /** insights-service's access_log_records_dropped_total, as text for the table. */
    private static String droppedRecords(HttpClient http, SuiteTarget suite) {
        try {
            String metrics = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(suite.insightsUrl() + "/q/metrics"))
                    .GET().build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
            return metrics.lines().filter(line -> line.startsWith("access_log_records_dropped_total"))
                    .map(line -> line.substring(line.lastIndexOf(' ') + 1) + " records dropped").findFirst().orElse("drops not measured");
        } catch (Exception e) {
            return "drops not measured";
        }
    }

    /** A fresh series; each sample schedules one meeting and polls insights until the series counts it. */
    private static Stats eventToFigure(HttpClient http, SuiteTarget suite, int samples) throws Exception {
        Api api = new Api(http, suite, "bench-latency");
        String series = api.startSeries().expect(201, "POST /series").json().get("id").asText();
        Stats stats = new Stats();
        // the first sample waits for the command phases' backlog to drain: not counted
        for (int i = 0; i <= samples; i++) {
            long start = System.nanoTime();
            api.schedule(series, null, Instant.now().plus(Duration.ofDays(1)).plusSeconds(i))
                    .expect(201, "POST /series/{id}/meetings");
            long deadline = start + Duration.ofMinutes(5).toNanos();
            while (true) {
                Api.Answer answer = api.insightsGet("/series/" + series);
                if (answer.status() == 200 && answer.json().path("meetingsScheduled").asInt() == i + 1) {
                    break;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("insights-service did not show meeting " + (i + 1) + " of " + series);
                }
                Thread.sleep(5);
            }
            if (i > 0) {
                stats.addNanos(System.nanoTime() - start);
            }
            Thread.sleep(100);
        }
        return stats;
    }

    private void rollups(Organisation organisation, SuiteTarget suite) throws Exception {
        int samples = number("samples", 20);
        String orgPath = "/rollups/organisation?weeks=12";
        String teamPath = "/rollups/teams/" + Organisation.FIRST_TEAM;
        String size = String.format("%,d people", organisation.people());
        step("Rollups at " + size + ": cold (each after a new event applied), cached, with events flowing");
        Stats orgCold = new Stats();
        Stats teamCold = new Stats();
        for (int i = 0; i < samples; i++) {
            organisation.newEventApplied();
            orgCold.add(organisation.time(orgPath));
            organisation.newEventApplied();
            teamCold.add(organisation.time(teamPath));
        }
        Stats orgCached = new Stats();
        organisation.time(orgPath);
        for (int i = 0; i < samples; i++) {
            orgCached.add(organisation.time(orgPath));
        }
        double flowRate = Double.parseDouble(options.getOrDefault("flow-rate", "2"));
        // a request every 250 ms while events arrive at flowRate: the samples span many events, as a director's day
        Stats orgFlowing = new Stats();
        int eventsBefore = organisation.eventsSent();
        try (AutoCloseable flowing = organisation.eventsFlowing(flowRate)) {
            for (int i = 0; i < Math.max(samples, 30); i++) {
                orgFlowing.add(organisation.time(orgPath));
                Thread.sleep(250);
            }
        }
        int eventsDuring = organisation.eventsSent() - eventsBefore;
        row("org rollup with 12-week trend at " + size + ", computed afresh (after a new event), p95",
                String.format("%,.0f ms (p50 %,.0f)", orgCold.p(95), orgCold.p(50)), "", "< 100 ms");
        row("the same, cached (no event since), p50 / p95",
                String.format("%,.0f / %,.0f ms", orgCached.p(50), orgCached.p(95)), "", "– (not in the issue)");
        row(String.format("the same, with events flowing (%.1f per s in the organisation: %d during %d requests, "
                + "one every 250 ms), p50 / p95", flowRate, eventsDuring, orgFlowing.count()),
                String.format("%,.0f / %,.0f ms", orgFlowing.p(50), orgFlowing.p(95)), "", "< 100 ms");
        row("one team's rollup computed afresh, p50", String.format("%,.0f ms (p95 %,.0f)", teamCold.p(50),
                teamCold.p(95)), "", "< 20 ms");

        if (!Dashboard.available()) {
            row("dashboard load in Chromium", "not measured: no " + Dashboard.CHROMIUM + " or " + Dashboard.CHROMEDRIVER
                    + " (apt-get install chromium chromium-driver)", "", "< 0.5 s");
            return;
        }
        int loads = number("dashboard-loads", 3);
        Stats cold = new Stats();
        Stats cached = new Stats();
        try (Dashboard dashboard = Dashboard.open(suite.insightsUrl(), organisation.api.hr)) {
            dashboard.load(); // chromium's own start-up, not counted
            for (int i = 0; i < loads; i++) {
                organisation.newEventApplied();
                cold.add(dashboard.load());
                cached.add(dashboard.load());
            }
        }
        row("dashboard load in Chromium, figures computed afresh, p50 (max)",
                String.format("%.2f s (%.2f)", cold.p(50) / 1000, cold.p(100) / 1000), "", "< 0.5 s");
        row("dashboard load in Chromium, figures cached, p50 (max)",
                String.format("%.2f s (%.2f)", cached.p(50) / 1000, cached.p(100) / 1000), "", "< 0.5 s");
    }

    private void replay(HttpClient http, SuiteTarget suite, double base) throws Exception {
        Api api = new Api(http, suite, "bench-admin");
        Api.Answer started = api.insightsAdmin(true);
        if (started.status() != 202) {
            row("insights replay", "not measured: POST answered " + started.status() + " " + started.body(), "",
                    "≥ 50,000 per s");
            return;
        }
        long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
        JsonNode status = started.json();
        while (!status.path("state").asText().equals("DONE") && !status.path("state").asText().equals("FAILED")
                && System.nanoTime() < deadline) {
            Thread.sleep(200);
            try {
                status = api.insightsAdmin(false).expect(200, "GET /admin/projections/replay").json();
            } catch (IllegalStateException stopped) {
                // the service died (e.g. out of memory): say so in the table, and still measure what is left
                row("insights replay", "not measured: insights-service stopped answering during the replay ("
                        + stopped.getMessage() + "; see its log)", "", "≥ 50,000 per s");
                return;
            }
        }
        if (!status.path("state").asText().equals("DONE")) {
            row("insights replay", "not measured: " + status, "", "≥ 50,000 per s");
            return;
        }
        long events = status.path("events").asLong();
        double secondsTaken = Duration.between(Instant.parse(status.path("startedAt").asText()),
                Instant.parse(status.path("finishedAt").asText())).toMillis() / 1000.0;
        double rate = events / Math.max(0.001, secondsTaken);
        row(String.format("insights replay (%,d events, %.1f s)", events, secondsTaken),
                perSecond(rate).replace(" per s", " events per s"), percent(rate, base), "≥ 50,000 per s");
    }

    private void step(String what) {
        System.out.println("\n== " + what + " ==");
    }

    private void row(String figure, String measured, String ratio, String target) {
        rows.add(new String[] { figure, measured, ratio, target });
        System.out.println("| " + String.join(" | ", figure, measured, ratio, target) + " |");
    }

    private static String perSecond(double rate) {
        return String.format("%,.0f per s", rate);
    }

    private static String percent(double rate, double base) {
        return String.format("%.1f %%", 100 * rate / base);
    }

    private String table(Instant began) {
        StringBuilder text = new StringBuilder();
        text.append(String.format("Benchmark of %s, %d cores, %s, %.0f min%n%n", began,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                Duration.between(began, Instant.now()).toSeconds() / 60.0));
        text.append("| figure | measured | baseline ratio | target |\n|---|---|---|---|\n");
        for (String[] row : rows) {
            text.append("| ").append(String.join(" | ", row)).append(" |\n");
        }
        text.append('\n');
        for (String note : notes) {
            text.append("- ").append(note).append('\n');
        }
        return text.toString();
    }
}
