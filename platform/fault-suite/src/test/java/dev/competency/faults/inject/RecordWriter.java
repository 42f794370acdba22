package dev.competency.faults.inject;

import dev.competency.contracts.EventAttributes;
import dev.competency.contracts.EventTypes;
import dev.competency.contracts.IntegrationEvent;
import dev.competency.contracts.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes straight to the public topics, as a faulty or hostile producer would: poison records of every kind, and
 * contract events in an order the platform's own producers never use.
 */
public final class RecordWriter implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** A record this large still fits the broker's default limit (1 MiB), with room for the dead-letter headers. */
    private static final int OVERSIZED_BYTES = 900 * 1024;
    /** A type of each topic, for the poison records that claim to be one. */
    private static final Map<String, String> TYPE_OF_TOPIC = Map.of(
            Topics.FRAMEWORKS, EventTypes.FRAMEWORK_PUBLISHED,
            Topics.EVIDENCE, EventTypes.EVIDENCE_RECORDED,
            Topics.LEARNERS, EventTypes.LEARNER_REGISTERED,
            Topics.MASTERY, EventTypes.MASTERY_CHANGED);

    private final KafkaProducer<String, byte[]> producer;

    public RecordWriter(String bootstrapServers) {
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 2 * 1024 * 1024),
                new StringSerializer(), new ByteArraySerializer());
    }

    /** A poison record: where it went, what is wrong with it, and its key (unique, to find it again). */
    public record Poison(String topic, String kind, String key) {
    }

    /**
     * Writes one record of each kind of poison to the topic: a payload that is not JSON, an unknown {@code ce_type},
     * a payload that breaks its schema, and an oversized one (900 KiB, also breaking its schema).
     */
    public List<Poison> poison(String topic) {
        String type = TYPE_OF_TOPIC.get(topic);
        List<Poison> written = new ArrayList<>();
        written.add(write(topic, "invalid JSON", type, "{\"evidenceId\": \"unterminated".getBytes(StandardCharsets.UTF_8)));
        written.add(write(topic, "unknown ce_type", "competency.unheard-of.v1",
                "{\"learnerId\":\"nobody\"}".getBytes(StandardCharsets.UTF_8)));
        written.add(write(topic, "schema violation", type,
                "{\"evidenceId\":42,\"learnerId\":[],\"frameworkId\":{\"not\":\"an id\"}}"
                        .getBytes(StandardCharsets.UTF_8)));
        written.add(write(topic, "oversized", type, ("{\"padding\":\"" + "x".repeat(OVERSIZED_BYTES) + "\"}")
                .getBytes(StandardCharsets.UTF_8)));
        producer.flush();
        return written;
    }

    private Poison write(String topic, String kind, String type, byte[] value) {
        String key = "poison-" + UUID.randomUUID();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("ce_specversion", "1.0");
        headers.put("ce_id", UUID.randomUUID().toString());
        headers.put("ce_type", type);
        headers.put("ce_source", "/fault-suite");
        headers.put("ce_time", Instant.now().toString());
        headers.put("ce_subject", key);
        headers.put("content-type", "application/json");
        send(new ProducerRecord<>(topic, key, value), headers);
        return new Poison(topic, kind, key);
    }

    /** Publishes a contract event as the platform's producers do: keyed by its partition key, CloudEvents headers. */
    public void publish(String topic, String eventId, IntegrationEvent event, String source) {
        EventAttributes attributes = EventAttributes.of(eventId, event, source, Instant.now());
        send(new ProducerRecord<>(topic, event.partitionKey(), JSON.writeValueAsBytes(event)), attributes.toHeaders());
    }

    private void send(ProducerRecord<String, byte[]> record, Map<String, String> headers) {
        headers.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        try {
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while writing to " + record.topic(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not write to " + record.topic() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
