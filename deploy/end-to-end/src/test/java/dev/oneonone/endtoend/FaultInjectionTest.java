package dev.oneonone.endtoend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import dev.oneonone.events.schema.RecordContract;
import dev.oneonone.local.LocalKafka;
import dev.oneonone.local.LocalPostgres;
import dev.oneonone.local.LocalSigningKey;
import dev.oneonone.local.ServiceProcess;
import dev.oneonone.local.SuiteService;

/**
 * Fault injection (issue 13): two instances of each packaged service on one Kafka and one PostgreSQL (same consumer
 * groups), load from a few client threads, and in sequence: Kafka stopped ~10 s, one instance of each service killed
 * with SIGKILL and replaced, PostgreSQL stopped ~30 s. Afterwards every accepted command's events must be stored,
 * on Kafka (exactly once; duplicates are counted and explained, missing records fail) and applied once by
 * agenda-service and insights-service, with no manual restart beyond the replacement of the killed instances.
 *
 * <p>System properties: {@code fault.load-seconds} (least load time, default 10: the faults set the length),
 * {@code fault.clients} (3), {@code fault.kafka-stop-seconds} (10), {@code fault.postgres-stop-seconds} (30),
 * {@code fault.settle-seconds} (90). Logs: {@code target/e2e-logs/fault/}.
 */
@Order(1)
class FaultInjectionTest {

    private static final String ORGANISATION = "fault-org";
    private static final String TOPIC = "oneonone.meetings.v1";
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration TOKEN_LIFETIME = Duration.ofHours(3);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration CATCH_UP_TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-fA-F-]{36})\"");

    private static final int LOAD_SECONDS = Integer.getInteger("fault.load-seconds", 10);
    private static final int CLIENTS = Integer.getInteger("fault.clients", 3);
    private static final int KAFKA_STOP_SECONDS = Integer.getInteger("fault.kafka-stop-seconds", 10);
    private static final int POSTGRES_STOP_SECONDS = Integer.getInteger("fault.postgres-stop-seconds", 30);
    private static final int SETTLE_SECONDS = Integer.getInteger("fault.settle-seconds", 90);

    private static Path repositoryRoot;
    private static Path logs;
    private static LocalPostgres postgres;
    private static LocalKafka kafka;
    private static LocalSigningKey signingKey;
    /** The AsyncAPI document meetings-service serves; every record read from its topic must keep it. */
    private static RecordContract contract;
    /** Index service.ordinal() * 2 + instance (0 or 1): the live process of each instance. */
    private static final AtomicReferenceArray<ServiceProcess> instances = new AtomicReferenceArray<>(6);
    private static final List<ServiceProcess> allStarted = new ArrayList<>();
    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    // what the load recorded
    private final Set<UUID> acceptedSeries = ConcurrentHashMap.newKeySet();
    private final Set<UUID> acceptedMeetings = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> refusedByStatus = new ConcurrentHashMap<>();
    private final AtomicInteger retried503 = new AtomicInteger();
    private final AtomicInteger retriedConnection = new AtomicInteger();
    private final AtomicInteger gaveUp = new AtomicInteger();
    private final AtomicInteger replayed = new AtomicInteger();
    private final ConcurrentLinkedQueue<Instant> successes = new ConcurrentLinkedQueue<>();
    private volatile boolean loadRunning = true;

    @BeforeAll
    static void startInfrastructure() throws Exception {
        repositoryRoot = Path.of(System.getProperty("suite.repository-root")).toAbsolutePath().normalize();
        logs = Path.of(System.getProperty("suite.e2e-logs")).toAbsolutePath().normalize().resolve("fault");
        Files.createDirectories(logs);
        for (SuiteService service : SuiteService.values()) {
            if (!Files.isRegularFile(service.jar(repositoryRoot))) {
                fail("missing " + service.jar(repositoryRoot) + ": run ./mvnw verify from the root");
            }
        }
        postgres = LocalPostgres.start(null, 0);
        for (SuiteService service : SuiteService.values()) {
            postgres.createDatabaseIfMissing(service.database());
        }
        kafka = LocalKafka.start(null, 0);
        signingKey = LocalSigningKey.loadOrCreate(Files.createTempDirectory("fault-jwt"));

        Instant launched = Instant.now();
        // instance 0 of each first, so the schemas are migrated by one instance before the second starts
        for (int instance = 0; instance < 2; instance++) {
            for (SuiteService service : SuiteService.values()) {
                instances.set(slot(service, instance), launch(service, instance, 0));
            }
            for (SuiteService service : SuiteService.values()) {
                awaitReady(instances.get(slot(service, instance)));
            }
        }
        System.out.printf("[fault] six instances ready %.1f s after launch%n", seconds(launched, Instant.now()));
        HttpResponse<String> document = http.send(HttpRequest.newBuilder(URI.create(
                instances.get(slot(SuiteService.MEETINGS, 0)).url() + "/asyncapi")).timeout(REQUEST_TIMEOUT).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, document.statusCode(), "GET /asyncapi");
        contract = new RecordContract(document.body());
    }

    @AfterAll
    static void stopEverything() throws Exception {
        for (ServiceProcess process : allStarted) {
            if (process.isAlive()) {
                process.kill();
            }
        }
        try (AutoCloseable second = postgres; AutoCloseable first = kafka) {
            // Kafka first, then PostgreSQL
        }
    }

    @Test
    void noAcceptedEventIsLostOrAppliedTwiceThroughKafkaOutageCrashesAndDatabaseOutage() throws Exception {
        Instant testStart = Instant.now();
        List<Thread> clients = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            int client = i;
            Thread thread = new Thread(() -> load(client), "fault-client-" + i);
            thread.start();
            clients.add(thread);
        }
        Map<String, Recovery> recoveries = new LinkedHashMap<>();
        sleepSeconds(3);

        // 1. Kafka away
        System.out.println("[fault] stopping Kafka for " + KAFKA_STOP_SECONDS + " s");
        Instant kafkaStopped = Instant.now();
        kafka.stop();
        sleepSeconds(KAFKA_STOP_SECONDS);
        kafka.restart();
        recoveries.put("kafka stopped " + KAFKA_STOP_SECONDS + " s", recovery(kafkaStopped, Instant.now()));

        // 2. one instance of each service killed (SIGKILL) and replaced
        System.out.println("[fault] killing instance 0 of each service (SIGKILL)");
        for (SuiteService service : SuiteService.values()) {
            instances.get(slot(service, 0)).kill();
        }
        Instant killed = Instant.now();
        for (SuiteService service : SuiteService.values()) {
            instances.set(slot(service, 0), launch(service, 0, 1));
        }
        for (SuiteService service : SuiteService.values()) {
            awaitReady(instances.get(slot(service, 0)));
        }
        Instant replaced = Instant.now();
        System.out.printf("[fault] replacements ready %.1f s after the kill%n", seconds(killed, replaced));
        // the fault lasts from the kill until the replacements are ready; the other instances serve meanwhile
        recoveries.put("SIGKILL + replacement", recovery(killed, replaced));

        // 3. PostgreSQL away while the load goes on
        System.out.println("[fault] stopping PostgreSQL for " + POSTGRES_STOP_SECONDS + " s");
        Instant postgresStopped = Instant.now();
        postgres.stop();
        sleepSeconds(POSTGRES_STOP_SECONDS);
        postgres.restart();
        recoveries.put("postgres stopped " + POSTGRES_STOP_SECONDS + " s", recovery(postgresStopped, Instant.now()));

        long remaining = LOAD_SECONDS - Duration.between(testStart, Instant.now()).toSeconds();
        sleepSeconds((int) Math.max(3, remaining));
        loadRunning = false;
        for (Thread thread : clients) {
            thread.join(Duration.ofSeconds(90).toMillis());
        }

        // first successes after each fault (computed once the load is over)
        for (Map.Entry<String, Recovery> entry : recoveries.entrySet()) {
            Instant end = entry.getValue().faultEnd;
            entry.getValue().firstSuccess = successes.stream().filter(t -> !t.isBefore(end)).min(Instant::compareTo)
                    .orElse(null);
            Instant start = entry.getValue().faultStart;
            entry.getValue().acceptedDuring = successes.stream().filter(t -> !t.isBefore(start) && t.isBefore(end))
                    .count();
        }

        // settle: everything stored is published, on Kafka, and applied by both consumers
        Instant settleStart = Instant.now();
        Instant settleDeadline = settleStart.plusSeconds(SETTLE_SECONDS);
        Verdict verdict = null;
        while (Instant.now().isBefore(settleDeadline)) {
            try {
                verdict = verdict();
                if (verdict.settled()) {
                    break;
                }
            } catch (SQLException e) {
                System.out.println("[fault] not settled yet: " + e.getMessage());
            }
            sleepSeconds(1);
        }
        assertTrue(verdict != null, "could not read the databases within " + SETTLE_SECONDS + " s");
        double settledAfter = seconds(settleStart, Instant.now());

        Map<String, Integer> doubleApplied = doubleAppliedPerSeries(verdict);
        List<String> notAlive = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ServiceProcess process = instances.get(i);
            if (!process.isAlive() || !isReady(process)) {
                notAlive.add(process + (process.isAlive() ? " (not ready)" : " (exited " + process.exitValue() + ")"));
            }
        }

        // figures
        int accepted = acceptedSeries.size() + acceptedMeetings.size();
        int refused = refusedByStatus.values().stream().mapToInt(AtomicInteger::get).sum();
        StringBuilder report = new StringBuilder("\n[fault] ===== figures =====\n");
        report.append(String.format("load: %d client threads, %.0f s%n", CLIENTS, seconds(testStart, Instant.now())));
        report.append(String.format("commands accepted: %d (%d series started, %d meetings scheduled; %d answered "
                        + "by replay of an Idempotency-Key)%n", accepted, acceptedSeries.size(), acceptedMeetings.size(),
                replayed.get()));
        report.append(String.format("refused or failed: %d %s; retried after 503: %d, after a connection error: %d; "
                + "given up at the end of the load: %d%n", refused, new TreeMap<>(refusedByStatus), retried503.get(),
                retriedConnection.get(), gaveUp.get()));
        report.append(String.format("events stored: %d (%d SeriesStarted, %d MeetingScheduled; unpublished: %d)%n",
                verdict.stored.size(), verdict.seriesStarted.size(), verdict.meetingScheduled.size(),
                verdict.unpublished));
        report.append(String.format("records on Kafka: %d (%d distinct events)%n", verdict.kafkaRecords,
                verdict.recordsPerEvent.size()));
        report.append(String.format("accepted commands without their event: %d%n", verdict.acceptedWithoutEvent.size()));
        report.append(String.format("lost (stored, not on Kafka): %d%n", verdict.lost().size()));
        report.append(String.format("duplicated on Kafka: %d%n", verdict.duplicated().size()));
        Verdict finalVerdict = verdict;
        verdict.duplicated().forEach((event, count) -> report.append("  event ").append(event).append(" on Kafka ")
                .append(count).append(" times ").append(finalVerdict.copies.get(event)).append(": ")
                .append(whyDuplicated(Instant.ofEpochMilli(finalVerdict.firstCopyAt.get(event)), recoveries))
                .append("; consumers skip the second copy by its event id\n"));
        report.append(String.format("not applied by agenda-service: %d, by insights-service: %d%n",
                verdict.agendaMissing.size(), verdict.insightsMissing.size()));
        report.append(String.format("double-applied: %d %s%n", doubleApplied.size(), doubleApplied));
        for (Map.Entry<String, Recovery> entry : recoveries.entrySet()) {
            Recovery r = entry.getValue();
            report.append(String.format("%-26s %d commands accepted during the fault (%.1f s); after its end: first "
                            + "accepted command %s, all events stored by then on Kafka %s, consumers caught up %s%n",
                    entry.getKey() + ":", r.acceptedDuring, seconds(r.faultStart, r.faultEnd), after(r, r.firstSuccess),
                    after(r, r.published), after(r, r.caughtUp)));
        }
        report.append(String.format("settled %.1f s after the load stopped%n", settledAfter));
        report.append("instances not alive/ready at the end: ").append(notAlive).append('\n');
        System.out.println(report);

        assertTrue(accepted > 0, "no command was accepted" + report);
        assertEquals(List.of(), List.copyOf(verdict.acceptedWithoutEvent), "accepted commands without stored event" + report);
        assertEquals(0, verdict.unpublished, "events never published" + report);
        assertEquals(Set.of(), verdict.lost(), "events stored but missing on Kafka" + report);
        assertEquals(List.of(), verdict.contractViolations, verdict.recordsBreakingContract
                + " records break the AsyncAPI document (the first shown)" + report);
        assertEquals(Set.of(), verdict.agendaMissing, "events agenda-service did not apply" + report);
        assertEquals(Set.of(), verdict.insightsMissing, "events insights-service did not apply" + report);
        assertEquals(Map.of(), doubleApplied, "series whose meetings were counted twice" + report);
        assertEquals(List.of(), notAlive, "instances that would need a manual restart" + report);
        for (Map.Entry<String, Recovery> entry : recoveries.entrySet()) {
            assertTrue(entry.getValue().firstSuccess != null, "no command accepted after " + entry.getKey() + report);
        }
    }

    // ---------------------------------------------------------------- load

    private void load(int client) {
        int call = client;
        String token = signingKey.mint(ORGANISATION, "integration-" + ORGANISATION, List.of("integration"),
                TOKEN_LIFETIME);
        while (loadRunning) {
            String body = """
                    {"leaderId": "%s", "companionId": "%s", "relationship": "MANAGER_REPORT",
                     "cadence": "WEEKLY", "timeZone": "Europe/Berlin"}
                    """.formatted(UUID.randomUUID(), UUID.randomUUID());
            Answer series = command(call++, token, "/series", null, body);
            if (series == null || !series.accepted()) {
                continue;
            }
            acceptedSeries.add(series.id);
            String etag = series.etag;
            Instant first = Instant.now().plus(Duration.ofDays(7)).truncatedTo(ChronoUnit.SECONDS);
            for (int meeting = 0; meeting < 3 && loadRunning && etag != null; meeting++) {
                Answer scheduled = command(call++, token, "/series/" + series.id + "/meetings", etag,
                        "{\"scheduledFor\": \"" + first.plus(Duration.ofDays(7L * meeting)) + "\"}");
                if (scheduled == null || !scheduled.accepted()) {
                    break;
                }
                acceptedMeetings.add(scheduled.id);
                etag = scheduled.etag;
            }
        }
    }

    /** One command, retried with the same Idempotency-Key on 503 and connection errors; null if given up. */
    private Answer command(int call, String token, String path, String ifMatch, String body) {
        String key = UUID.randomUUID().toString();
        Instant giveUpAt = null;
        for (int attempt = 0; ; attempt++) {
            // alternate the two meetings-service instances, and move to the other one on a retry
            ServiceProcess target = instances.get(slot(SuiteService.MEETINGS, (call + attempt) % 2));
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target.url() + path))
                    .timeout(REQUEST_TIMEOUT)
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", key)
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            if (ifMatch != null) {
                request.header("If-Match", ifMatch);
            }
            try {
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status / 100 == 2) {
                    Matcher id = ID.matcher(response.body());
                    if (!id.find()) {
                        count(status + " without id");
                        return null;
                    }
                    if (response.headers().firstValue("Idempotent-Replayed").isPresent()) {
                        replayed.incrementAndGet();
                    }
                    successes.add(Instant.now());
                    return new Answer(UUID.fromString(id.group(1)), response.headers().firstValue("ETag").orElse(null));
                }
                if (status != 503) {
                    count(String.valueOf(status));
                    return null;
                }
                retried503.incrementAndGet();
            } catch (IOException connectionError) {
                retriedConnection.incrementAndGet();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
            if (!loadRunning) {
                giveUpAt = giveUpAt == null ? Instant.now().plusSeconds(30) : giveUpAt;
                if (Instant.now().isAfter(giveUpAt)) {
                    gaveUp.incrementAndGet();
                    return null;
                }
            }
            sleepMillis(200 + ThreadLocalRandom.current().nextInt(200));
        }
    }

    private void count(String what) {
        refusedByStatus.computeIfAbsent(what, k -> new AtomicInteger()).incrementAndGet();
    }

    private record Answer(UUID id, String etag) {
        boolean accepted() {
            return id != null;
        }
    }

    // ---------------------------------------------------------------- checks

    private static final class Recovery {
        final Instant faultStart;
        final Instant faultEnd;
        volatile Instant firstSuccess;
        volatile Instant published;
        volatile Instant caughtUp;
        volatile long acceptedDuring;

        Recovery(Instant faultStart, Instant faultEnd) {
            this.faultStart = faultStart;
            this.faultEnd = faultEnd;
        }
    }

    /** Waits (bounded, load still running) until both consumers applied every event stored when the fault ended. */
    private static String after(Recovery recovery, Instant then) {
        return then == null ? "not within " + CATCH_UP_TIMEOUT.toSeconds() + " s"
                : String.format("%.1f s", seconds(recovery.faultEnd, then));
    }

    /** The likely cause of a record sent twice, from the fault during which its first copy was sent. */
    private static String whyDuplicated(Instant firstCopy, Map<String, Recovery> recoveries) {
        for (Map.Entry<String, Recovery> fault : recoveries.entrySet()) {
            Recovery r = fault.getValue();
            if (!firstCopy.isBefore(r.faultStart.minusSeconds(5)) && !firstCopy.isAfter(r.faultEnd.plusSeconds(5))) {
                String name = fault.getKey();
                if (name.startsWith("kafka")) {
                    return "first sent as Kafka went away (" + name + "): the broker kept it but the relay had no "
                            + "acknowledgement, so the event stayed unpublished and was sent again";
                }
                if (name.startsWith("SIGKILL")) {
                    return "first sent just before the relay's instance was killed (" + name + "): Kafka had it but "
                            + "it was not yet marked published, so the surviving instance's relay sent it again";
                }
                return "first sent as PostgreSQL went away (" + name + "): Kafka acknowledged it but marking it "
                        + "published failed, so it was sent again";
            }
        }
        return "first sent outside every fault window (unexpected)";
    }

    private Recovery recovery(Instant faultStart, Instant faultEnd) {
        Recovery recovery = new Recovery(faultStart, faultEnd);
        Instant deadline = faultEnd.plus(CATCH_UP_TIMEOUT);
        Set<UUID> stored = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                if (stored == null) {
                    stored = new HashSet<>(queryUuids(SuiteService.MEETINGS, "select event_id from event"));
                }
                if (recovery.published == null) {
                    Set<UUID> unpublished = new HashSet<>(queryUuids(SuiteService.MEETINGS,
                            "select event_id from event where published_at is null"));
                    unpublished.retainAll(stored);
                    if (unpublished.isEmpty()) {
                        recovery.published = Instant.now();
                    }
                }
                Set<UUID> agenda = new HashSet<>(queryUuids(SuiteService.AGENDA, "select event_id from processed_event"));
                Set<UUID> insights = new HashSet<>(queryUuids(SuiteService.INSIGHTS, "select event_id from observed_event"));
                if (agenda.containsAll(stored) && insights.containsAll(stored)) {
                    recovery.caughtUp = Instant.now();
                    break;
                }
            } catch (SQLException notYet) {
                // PostgreSQL still starting
            }
            sleepMillis(250);
        }
        return recovery;
    }

    private final class Verdict {
        final Map<UUID, String> stored = new HashMap<>();
        final Map<UUID, UUID> seriesStarted = new HashMap<>(); // event id -> series id
        final Map<UUID, UUID> meetingScheduled = new HashMap<>(); // event id -> meeting id
        final Map<UUID, UUID> meetingSeries = new HashMap<>(); // meeting id -> series id
        int unpublished;
        long kafkaRecords;
        final Map<UUID, Integer> recordsPerEvent = new HashMap<>();
        /** event id -> "partition/offset at time" of each of its records */
        final Map<UUID, List<String>> copies = new HashMap<>();
        final Map<UUID, Long> firstCopyAt = new HashMap<>();
        final Set<UUID> acceptedWithoutEvent = new HashSet<>();
        final Set<UUID> agendaMissing = new HashSet<>();
        final Set<UUID> insightsMissing = new HashSet<>();
        /** How many records read break the AsyncAPI document, and the violations of the first few. */
        long recordsBreakingContract;
        final List<String> contractViolations = new ArrayList<>();

        Set<UUID> lost() {
            Set<UUID> lost = new HashSet<>(stored.keySet());
            lost.removeAll(recordsPerEvent.keySet());
            return lost;
        }

        Map<UUID, Integer> duplicated() {
            Map<UUID, Integer> duplicated = new TreeMap<>();
            recordsPerEvent.forEach((event, count) -> {
                if (count > 1) {
                    duplicated.put(event, count);
                }
            });
            return duplicated;
        }

        boolean settled() {
            return unpublished == 0 && lost().isEmpty() && agendaMissing.isEmpty() && insightsMissing.isEmpty()
                    && acceptedWithoutEvent.isEmpty();
        }
    }

    private Verdict verdict() throws SQLException {
        Verdict v = new Verdict();
        try (Connection meetings = connect(SuiteService.MEETINGS);
                PreparedStatement select = meetings.prepareStatement("select event_id, event_type, stream_id, "
                        + "payload->>'meetingId', published_at is null from event")) {
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    UUID event = rows.getObject(1, UUID.class);
                    String type = rows.getString(2);
                    v.stored.put(event, type);
                    if (type.endsWith("SeriesStarted")) {
                        v.seriesStarted.put(event, rows.getObject(3, UUID.class));
                    } else if (type.endsWith("MeetingScheduled")) {
                        UUID meeting = UUID.fromString(rows.getString(4));
                        v.meetingScheduled.put(event, meeting);
                        v.meetingSeries.put(meeting, rows.getObject(3, UUID.class));
                    }
                    if (rows.getBoolean(5)) {
                        v.unpublished++;
                    }
                }
            }
        }
        Set<UUID> startedSeries = new HashSet<>(v.seriesStarted.values());
        acceptedSeries.stream().filter(id -> !startedSeries.contains(id)).forEach(v.acceptedWithoutEvent::add);
        acceptedMeetings.stream().filter(id -> !v.meetingSeries.containsKey(id)).forEach(v.acceptedWithoutEvent::add);

        readKafka(v);

        Set<UUID> agendaProcessed = new HashSet<>(queryUuids(SuiteService.AGENDA, "select event_id from processed_event"));
        Set<UUID> knownSeries = new HashSet<>(queryUuids(SuiteService.AGENDA, "select series_id from known_series"));
        Set<UUID> knownMeetings = new HashSet<>(queryUuids(SuiteService.AGENDA, "select meeting_id from known_meeting"));
        Set<UUID> observed = new HashSet<>(queryUuids(SuiteService.INSIGHTS, "select event_id from observed_event"));
        for (UUID event : v.stored.keySet()) {
            if (!agendaProcessed.contains(event)) {
                v.agendaMissing.add(event);
            }
            if (!observed.contains(event)) {
                v.insightsMissing.add(event);
            }
        }
        v.seriesStarted.forEach((event, series) -> {
            if (!knownSeries.contains(series)) {
                v.agendaMissing.add(event);
            }
        });
        v.meetingScheduled.forEach((event, meeting) -> {
            if (!knownMeetings.contains(meeting)) {
                v.agendaMissing.add(event);
            }
        });
        return v;
    }

    /**
     * Counts the records of each event id (CloudEvents header ce_id) on the topic, read from the beginning, and checks
     * each against the AsyncAPI document.
     */
    private static void readKafka(Verdict v) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo info : consumer.partitionsFor(TOPIC, Duration.ofSeconds(10))) {
                partitions.add(new TopicPartition(TOPIC, info.partition()));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(10));
            Instant deadline = Instant.now().plusSeconds(30);
            while (Instant.now().isBefore(deadline)
                    && partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    v.kafkaRecords++;
                    List<String> violations = contract.violations(record);
                    if (!violations.isEmpty() && v.recordsBreakingContract++ < 5) {
                        v.contractViolations.add(record.partition() + "/" + record.offset() + ": " + violations);
                    }
                    Header id = record.headers().lastHeader("ce_id");
                    if (id != null) {
                        UUID event = UUID.fromString(new String(id.value(), StandardCharsets.UTF_8));
                        v.recordsPerEvent.merge(event, 1, Integer::sum);
                        v.copies.computeIfAbsent(event, e -> new ArrayList<>()).add(record.partition() + "/"
                                + record.offset() + " at " + Instant.ofEpochMilli(record.timestamp()));
                        v.firstCopyAt.merge(event, record.timestamp(), Math::min);
                    }
                }
            }
        }
    }

    /**
     * Double apply: insights-service counts the meetings of each series from the events it applied; a MeetingScheduled
     * applied twice would count two. Compared with the MeetingScheduled events stored for the series.
     */
    private Map<String, Integer> doubleAppliedPerSeries(Verdict v) {
        Map<UUID, Integer> storedPerSeries = new HashMap<>();
        v.meetingSeries.values().forEach(series -> storedPerSeries.merge(series, 1, Integer::sum));
        Map<String, Integer> wrong = new TreeMap<>();
        String token = signingKey.mint(ORGANISATION, UUID.randomUUID().toString(), List.of("hr"), TOKEN_LIFETIME);
        for (UUID series : v.seriesStarted.values()) {
            int expected = storedPerSeries.getOrDefault(series, 0);
            ServiceProcess insights = instances.get(slot(SuiteService.INSIGHTS, 1));
            try {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(insights.url() + "/series/"
                        + series)).header("Authorization", "Bearer " + token).timeout(REQUEST_TIMEOUT).build(),
                        HttpResponse.BodyHandlers.ofString());
                Matcher counted = Pattern.compile("\"meetingsScheduled\"\\s*:\\s*(\\d+)").matcher(answer.body());
                int seen = counted.find() ? Integer.parseInt(counted.group(1)) : -1;
                if (answer.statusCode() != 200 || seen != expected) {
                    wrong.put(series + " (" + answer.statusCode() + ", stored " + expected + ")", seen);
                }
            } catch (IOException | InterruptedException e) {
                wrong.put(series + " (" + e + ")", -1);
            }
        }
        return wrong;
    }

    // ---------------------------------------------------------------- processes and helpers

    private static ServiceProcess launch(SuiteService service, int instance, int generation) throws IOException {
        int port = freePort();
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        environment.put("QUARKUS_DATASOURCE_REACTIVE_URL", postgres.reactiveUrl(service.database()));
        environment.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(service.database()));
        environment.put("QUARKUS_DATASOURCE_USERNAME", postgres.username());
        environment.put("QUARKUS_DATASOURCE_PASSWORD", postgres.password());
        environment.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        environment.put("QUARKUS_PROFILE", "local");
        environment.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", signingKey.verificationKeys().toUri().toString());
        environment.put("MP_JWT_VERIFY_ISSUER", LocalSigningKey.ISSUER);
        environment.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
        Path log = logs.resolve(service.module() + "-" + instance + (generation == 0 ? "" : "-replacement") + ".log");
        ServiceProcess process = ServiceProcess.start(service, repositoryRoot, port, environment, log);
        synchronized (allStarted) {
            allStarted.add(process);
        }
        System.out.println("[fault] started " + process + " (log " + log + ")");
        return process;
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void awaitReady(ServiceProcess process) {
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        while (!isReady(process)) {
            if (!process.isAlive()) {
                fail(process + " exited with " + process.exitValue() + ":\n" + process.logTail());
            }
            if (Instant.now().isAfter(deadline)) {
                fail(process + " not ready within " + READY_TIMEOUT.toSeconds() + " s:\n" + process.logTail());
            }
            sleepMillis(250);
        }
    }

    private static boolean isReady(ServiceProcess process) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(process.url() + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static int slot(SuiteService service, int instance) {
        return service.ordinal() * 2 + instance;
    }

    private static Connection connect(SuiteService service) throws SQLException {
        DriverManager.setLoginTimeout(3);
        return DriverManager.getConnection(postgres.jdbcUrl(service.database()), postgres.username(),
                postgres.password());
    }

    private static Collection<UUID> queryUuids(SuiteService service, String sql) throws SQLException {
        List<UUID> ids = new ArrayList<>();
        try (Connection connection = connect(service);
                PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                ids.add(rows.getObject(1, UUID.class));
            }
        }
        return ids;
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }

    private static void sleepSeconds(int seconds) {
        sleepMillis(seconds * 1000L);
    }

    private static void sleepMillis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
