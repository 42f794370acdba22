package dev.competency.learners.catalogue;

import static dev.competency.platform.test.KafkaTestClient.contractRecord;
import static dev.competency.platform.test.KafkaTestClient.example;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.competency.contracts.EventAttributes;
import dev.competency.contracts.EventTypes;
import dev.competency.contracts.Topics;
import dev.competency.contracts.frameworks.FrameworkPublished;
import dev.competency.learners.LearnerProfilesApplication;
import dev.competency.learners.learner.Examples;
import dev.competency.learners.catalogue.query.FrameworkCatalogue;
import dev.competency.platform.test.KafkaTestClient;
import dev.competency.platform.test.RunningService;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The frameworks topic as the learner-profiles service consumes it, through its real listener. */
class FrameworkStreamIT {

    private static RunningService service;
    private static KafkaTestClient kafka;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @BeforeAll
    static void start() {
        service = RunningService.start(LearnerProfilesApplication.class, "learner-profiles-frameworks-it", Examples.EVIDENCE_DRIVEN_ONLY);
        kafka = new KafkaTestClient();
    }

    @AfterAll
    static void stop() {
        kafka.close();
        service.close();
    }

    @Test
    void storesSnapshotWithItsEventId_whenFrameworkIsPublished() {
        FrameworkPublished example = JSON.readValue(example(EventTypes.FRAMEWORK_PUBLISHED), FrameworkPublished.class);
        String eventId = UUID.randomUUID().toString();
        ProducerRecord<String, byte[]> record = contractRecord(new EventAttributes(eventId,
                EventTypes.FRAMEWORK_PUBLISHED, "/services/frameworks", Instant.now(), example.frameworkId()),
                example.frameworkId(), example(EventTypes.FRAMEWORK_PUBLISHED));
        kafka.send(record);

        FrameworkCatalogue catalogue = service.bean(FrameworkCatalogue.class);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                catalogue.find(example.frameworkId(), example.version()).isPresent());
        FrameworkCatalogue.StoredVersion stored = catalogue.find(example.frameworkId(), example.version()).orElseThrow();
        assertThat(stored.snapshot()).isEqualTo(example);
        assertThat(stored.eventId()).isEqualTo(eventId);
        assertThat(stored.source()).isEqualTo("/services/frameworks");
        assertThat(stored.retired()).isFalse();
    }

    @Test
    void deadLettersRecordAndKeepsConsuming_whenHeadersOrKeyBreakTheContract() {
        byte[] payload = example(EventTypes.FRAMEWORK_PUBLISHED);
        FrameworkPublished example = JSON.readValue(payload, FrameworkPublished.class);

        ProducerRecord<String, byte[]> noEventId = new ProducerRecord<>(Topics.FRAMEWORKS, example.frameworkId(),
                payload);
        noEventId.headers().add("ce_type", EventTypes.FRAMEWORK_PUBLISHED.getBytes(StandardCharsets.UTF_8));
        noEventId.headers().add("test-marker", "missing-id".getBytes(StandardCharsets.UTF_8));
        kafka.send(noEventId);

        ProducerRecord<String, byte[]> wrongKey = contractRecord(EventTypes.FRAMEWORK_PUBLISHED, "another-framework",
                payload);
        wrongKey.headers().add("test-marker", "wrong-key".getBytes(StandardCharsets.UTF_8));
        kafka.send(wrongKey);

        FrameworkPublished next = withVersion(example, example.version() + 40);
        kafka.send(contractRecord(EventTypes.FRAMEWORK_PUBLISHED, next.frameworkId(), JSON.writeValueAsBytes(next)));

        ConsumerRecord<String, byte[]> missingId = KafkaTestClient.awaitRecord(Topics.deadLetter(Topics.FRAMEWORKS),
                r -> "missing-id".equals(KafkaTestClient.header(r, "test-marker")));
        assertThat(KafkaTestClient.header(missingId, "kafka_dlt-exception-message")).contains("ce_id");
        ConsumerRecord<String, byte[]> keyed = KafkaTestClient.awaitRecord(Topics.deadLetter(Topics.FRAMEWORKS),
                r -> "wrong-key".equals(KafkaTestClient.header(r, "test-marker")));
        assertThat(KafkaTestClient.header(keyed, "kafka_dlt-exception-message")).contains("another-framework");

        FrameworkCatalogue catalogue = service.bean(FrameworkCatalogue.class);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                catalogue.find(next.frameworkId(), next.version()).isPresent());
    }

    private static FrameworkPublished withVersion(FrameworkPublished source, int version) {
        var tree = JSON.valueToTree(source);
        ((tools.jackson.databind.node.ObjectNode) tree).put("version", version);
        return JSON.treeToValue(tree, FrameworkPublished.class);
    }
}
