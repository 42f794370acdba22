package dev.competency.platform.bench;

import dev.competency.contracts.EventAttributes;
import dev.competency.contracts.EventCatalog;
import dev.competency.contracts.EventTypes;
import dev.competency.contracts.IntegrationEvent;
import dev.competency.contracts.Topics;
import dev.competency.contracts.evidence.Actor;
import dev.competency.contracts.evidence.ActorKind;
import dev.competency.contracts.evidence.EvidenceRecorded;
import dev.competency.contracts.evidence.SourceType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
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
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the bench sends: one framework version with {@code competencies} competencies (the contract example with
 * its competency tree replaced), and {@code evidence.recorded} events built and sent the way the assessments
 * service sends them (contract JSON, CloudEvents headers, keyed by learner).
 */
final class Workload implements AutoCloseable {

    static final String SOURCE = "/platform/bench";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant FIRST_OCCURRED_AT = Instant.parse("2026-01-05T08:00:00Z");

    private final String runId;
    private final String frameworkId;
    private final List<String> competencyIds;
    private final KafkaProducer<String, byte[]> producer;
    private final SplittableRandom random = new SplittableRandom(42);

    Workload(String bootstrapServers, int competencies) {
        this.runId = UUID.randomUUID().toString().substring(0, 8);
        this.frameworkId = UUID.nameUUIDFromBytes(("bench-framework-" + runId).getBytes(StandardCharsets.UTF_8))
                .toString();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < competencies; i++) {
            ids.add(UUID.nameUUIDFromBytes((frameworkId + ":" + i).getBytes(StandardCharsets.UTF_8)).toString());
        }
        this.competencyIds = List.copyOf(ids);
        this.producer = producer(bootstrapServers);
    }

    static KafkaProducer<String, byte[]> producer(String bootstrapServers) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.CLIENT_ID_CONFIG, "bench-producer",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
    }

    String frameworkId() {
        return frameworkId;
    }

    List<String> competencyIds() {
        return competencyIds;
    }

    /** A learner id of this run: distinct runs against one service never share learners. */
    String learnerId(String purpose, int index) {
        return UUID.nameUUIDFromBytes(("bench-" + runId + "-" + purpose + "-" + index)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** Publishes version 1 of the bench framework: every competency under the example's decaying-average policy. */
    void publishFramework() {
        ObjectNode framework = (ObjectNode) JSON.readTree(example("framework.published"));
        framework.put("frameworkId", frameworkId);
        framework.put("version", 1);
        framework.put("code", "BENCH-" + runId);
        framework.put("title", "Bench framework " + runId);
        framework.remove("externalId");
        ArrayNode competencies = framework.putArray("competencies");
        for (int i = 0; i < competencyIds.size(); i++) {
            competencies.addObject()
                    .put("id", competencyIds.get(i))
                    .put("code", "BENCH." + i)
                    .put("title", "Bench competency " + i)
                    .put("description", "A competency of the bench framework.")
                    .put("position", i)
                    .put("taxonomyLabel", "apply");
        }
        framework.putArray("relations");
        ((ObjectNode) framework.get("masteryPolicy")).put("minimumEvidence", 1);
        EventAttributes attributes = new EventAttributes(UUID.randomUUID().toString(),
                EventTypes.FRAMEWORK_PUBLISHED, SOURCE, Instant.now(), frameworkId);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.FRAMEWORKS, frameworkId,
                JSON.writeValueAsBytes(framework));
        attributes.toHeaders().forEach((name, value) ->
                record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        try {
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while publishing the framework", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot publish the bench framework", e);
        }
    }

    /**
     * The {@code index}-th evidence of a learner on a competency; occurredAt advances one minute per index so that
     * as-of queries can pick an instant in the middle of a history.
     */
    EvidenceRecorded evidence(String learnerId, String competencyId, int index) {
        Instant occurredAt = FIRST_OCCURRED_AT.plus(Duration.ofMinutes(index));
        return new EvidenceRecorded(UUID.randomUUID().toString(), learnerId, competencyId, frameworkId, 1,
                Math.round(random.nextDouble() * 1000) / 1000.0, null, null, SourceType.ASSESSMENT,
                new Actor("bench-quiz-scorer", ActorKind.SYSTEM), occurredAt, Instant.now(),
                new EvidenceRecorded.Provenance(UUID.randomUUID().toString(), UUID.randomUUID().toString(), null, 1,
                        null), null, null);
    }

    static Instant occurredAt(int index) {
        return FIRST_OCCURRED_AT.plus(Duration.ofMinutes(index));
    }

    /** The Kafka record of an evidence event, as the assessments service would publish it. */
    static ProducerRecord<String, byte[]> record(EvidenceRecorded evidence) {
        EventAttributes attributes = EventAttributes.of(UUID.randomUUID().toString(), evidence, SOURCE,
                evidence.recordedAt());
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.EVIDENCE, evidence.learnerId(),
                JSON.writeValueAsBytes(evidence));
        attributes.toHeaders().forEach((name, value) ->
                record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    /**
     * The Kafka record of any contract payload, as the platform's producers publish it: on the topic of its type,
     * keyed by its partition key, contract JSON with CloudEvents headers from {@code source}, a fresh event id.
     */
    static ProducerRecord<String, byte[]> record(IntegrationEvent payload, String source) {
        EventAttributes attributes = new EventAttributes(UUID.randomUUID().toString(),
                EventCatalog.byPayloadType(payload.getClass()).type(), source, Instant.now(), payload.partitionKey());
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(EventCatalog.byType(attributes.type()).topic(),
                payload.partitionKey(), JSON.writeValueAsBytes(payload));
        attributes.toHeaders().forEach((name, value) ->
                record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    KafkaProducer<String, byte[]> producer() {
        return producer;
    }

    private static byte[] example(String type) {
        try (InputStream in = Workload.class.getResourceAsStream("/contracts/examples/" + type + ".json")) {
            if (in == null) {
                throw new IllegalStateException("No contract example for " + type);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
