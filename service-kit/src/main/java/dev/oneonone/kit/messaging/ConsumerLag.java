package dev.oneonone.kit.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Consumer lag per partition, as an operator alerts on it: for each incoming Kafka channel of the service
 * ({@code mp.messaging.incoming.<channel>.topic} and {@code .group.id}), every
 * {@code suite.consumer.lag-interval} (15 s) the gauge {@code consumer_lag_records{consumer,topic,partition}}
 * is set to the partition's end offset minus the group's committed offset (records not yet applied and
 * committed; the whole partition when the group has committed nothing). Unlike the Kafka client's own
 * {@code records_lag}, it counts from the committed offset, so it also shows a consumer that fetched records
 * but cannot apply them (PostgreSQL away). While Kafka is away the gauges keep their last values.
 * A service without incoming channels (meetings-service) measures nothing.
 */
@ApplicationScoped
public class ConsumerLag {
    private static final Logger LOG = Logger.getLogger(ConsumerLag.class);
    private static final String PREFIX = "mp.messaging.incoming.";

    /** One incoming channel: the consumer's name (its channel), its topic and consumer group. */
    record Channel(String name, String topic, String group) {
    }

    private final MeterRegistry metrics;
    private final Config config;
    private final Map<String, AtomicLong> gauges = new ConcurrentHashMap<>();
    private ScheduledExecutorService timer;
    private Admin admin;

    public ConsumerLag(MeterRegistry metrics, Config config) {
        this.metrics = metrics;
        this.config = config;
    }

    void start(@Observes StartupEvent started) {
        List<Channel> channels = channels(config);
        String bootstrap = config.getOptionalValue("kafka.bootstrap.servers", String.class).orElse(null);
        if (channels.isEmpty() || bootstrap == null) {
            return;
        }
        Duration interval = config.getOptionalValue("suite.consumer.lag-interval", Duration.class)
                .orElse(Duration.ofSeconds(15));
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.CLIENT_ID_CONFIG, "consumer-lag",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000));
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "consumer-lag");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(() -> measure(channels), 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent stopping) {
        if (timer != null) {
            timer.shutdownNow();
            admin.close(Duration.ofSeconds(2));
        }
    }

    /** The incoming channels named in the configuration that have both a topic and a group. */
    static List<Channel> channels(Config config) {
        List<Channel> channels = new ArrayList<>();
        for (String property : config.getPropertyNames()) {
            if (property.startsWith(PREFIX) && property.endsWith(".topic")) {
                String name = property.substring(PREFIX.length(), property.length() - ".topic".length());
                config.getOptionalValue(PREFIX + name + ".group.id", String.class).ifPresent(group -> channels
                        .add(new Channel(name, config.getValue(property, String.class), group)));
            }
        }
        return channels;
    }

    private void measure(List<Channel> channels) {
        for (Channel channel : channels) {
            try {
                measure(channel);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                LOG.debugf("Consumer lag of %s not measured now (Kafka away?): %s", channel.name(), e.getMessage());
            }
        }
    }

    private void measure(Channel channel) throws Exception {
        TopicDescription topic = admin.describeTopics(List.of(channel.topic())).allTopicNames().get()
                .get(channel.topic());
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        topic.partitions().forEach(p -> latest.put(new TopicPartition(channel.topic(), p.partition()), OffsetSpec.latest()));
        Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
        latest.keySet().forEach(partition -> earliest.put(partition, OffsetSpec.earliest()));
        Map<TopicPartition, ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get();
        Map<TopicPartition, ListOffsetsResultInfo> starts = admin.listOffsets(earliest).all().get();
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(channel.group())
                .partitionsToOffsetAndMetadata().get();
        for (TopicPartition partition : latest.keySet()) {
            OffsetAndMetadata offset = committed.get(partition);
            long from = offset != null ? offset.offset() : starts.get(partition).offset();
            long lag = Math.max(0, ends.get(partition).offset() - from);
            gauge(channel, partition).set(lag);
        }
    }

    private AtomicLong gauge(Channel channel, TopicPartition partition) {
        return gauges.computeIfAbsent(channel.name() + "/" + partition, key -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder("consumer.lag.records", value, AtomicLong::get)
                    .tags(Tags.of("consumer", channel.name(), "topic", partition.topic(),
                            "partition", Integer.toString(partition.partition())))
                    .description("Records of the partition not yet applied and committed by the consumer's group")
                    .register(metrics);
            return value;
        });
    }
}
