package dev.oneonone.agenda.messaging;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A second member of a consumer group in a process of its own, for {@link TakeoverAfterCrashTest}: it joins with
 * the given session timeout, prints {@code ASSIGNED <partitions>} when it holds partitions, polls without ever
 * committing (it applies nothing), and is killed with SIGKILL by the test, as a crashed instance would die.
 * Arguments: bootstrap servers, topic, group id, session timeout in ms.
 */
public final class GroupMemberProcess {
    private GroupMemberProcess() {
    }

    public static void main(String[] args) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, args[0],
                ConsumerConfig.GROUP_ID_CONFIG, args[2],
                ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, Integer.parseInt(args[3]),
                ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, Math.max(500, Integer.parseInt(args[3]) / 4),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(args[1]), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    if (!partitions.isEmpty()) {
                        System.out.println("ASSIGNED " + partitions);
                        System.out.flush();
                    }
                }
            });
            while (true) {
                consumer.poll(Duration.ofMillis(200));
            }
        }
    }
}
