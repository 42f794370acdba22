package dev.competency.platform.bench;

import dev.competency.contracts.CloudEventHeaders;
import dev.competency.contracts.EventTypes;
import dev.competency.contracts.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads {@code competency.mastery.v1} from its end as the service publishes, and matches each
 * {@code mastery.changed} to the evidence that triggered it ({@code triggeringEvidenceId}): the latency is the time
 * from just before the evidence was handed to the producer until the change was polled here, both on this JVM's
 * monotonic clock.
 */
final class MasteryWatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MasteryWatcher.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final KafkaConsumer<String, byte[]> consumer;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong matched = new AtomicLong();
    private final AtomicLong lastMatchNanos = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;

    private record Pending(long sentNanos, LongConsumer latencies) {
    }

    MasteryWatcher(String bootstrapServers) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.CLIENT_ID_CONFIG, "bench-mastery-watcher",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.MASTERY).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        thread = new Thread(this::run, "bench-mastery-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    /** Call just before sending the evidence; its change, when it arrives, adds a sample to {@code latencies}. */
    void expect(String evidenceId, Latencies latencies) {
        expect(evidenceId, latencies::record);
    }

    /** Call just before sending the evidence; its change, when it arrives, gives {@code latency} its nanoseconds. */
    void expect(String evidenceId, LongConsumer latency) {
        pending.put(evidenceId, new Pending(System.nanoTime(), latency));
    }

    long matched() {
        return matched.get();
    }

    long received() {
        return received.get();
    }

    long lastMatchNanos() {
        return lastMatchNanos.get();
    }

    private void run() {
        try {
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    long now = System.nanoTime();
                    Header type = record.headers().lastHeader(CloudEventHeaders.TYPE);
                    if (type == null || !EventTypes.MASTERY_CHANGED.equals(
                            new String(type.value(), StandardCharsets.UTF_8))) {
                        continue; // a parent's roll-up carries the same trigger as its child's change
                    }
                    received.incrementAndGet();
                    JsonNode change = JSON.readTree(record.value());
                    String trigger = change.path("triggeringEvidenceId").asString(null);
                    Pending sent = trigger == null ? null : pending.remove(trigger);
                    if (sent != null) {
                        sent.latencies().accept(now - sent.sentNanos());
                        matched.incrementAndGet();
                        lastMatchNanos.set(now);
                    }
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            log.error("The mastery watcher stopped", e);
        } finally {
            consumer.close();
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
