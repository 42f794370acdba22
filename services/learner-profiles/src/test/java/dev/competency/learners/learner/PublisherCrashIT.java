package dev.competency.learners.learner;

import static dev.competency.learners.learner.Examples.JSON;
import static dev.competency.learners.learner.Examples.evidence;
import static dev.competency.learners.learner.Examples.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import dev.competency.contracts.EventTypes;
import dev.competency.contracts.mastery.MasteryChanged;
import dev.competency.learners.LearnerProfilesApplication;
import dev.competency.learners.learner.domain.EvidenceAccepted;
import dev.competency.learners.learner.domain.MasteryRecalculated;
import dev.competency.platform.test.KafkaTestClient;
import dev.competency.platform.test.RunningService;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Crashes between storing and publishing: mastery changes stored while the publisher is down, or while it is half way
 * through, are published after a restart, each under the one {@code ce_id} derived from its place in the learner's
 * stream, and none is lost.
 */
class PublisherCrashIT {

    private static final String DATABASE = "learner-profiles-crash-it";
    private static final Instant DAY1 = Instant.parse("2025-03-10T10:00:00Z");

    private static KafkaTestClient kafka;

    @BeforeAll
    static void start() {
        kafka = new KafkaTestClient();
    }

    @AfterAll
    static void stop() {
        kafka.close();
    }

    @Test
    void failsThePublishersBatch_whenASendFails() {
        try (RunningService service = RunningService.start(LearnerProfilesApplication.class, DATABASE, Examples.EVIDENCE_DRIVEN_ONLY)) {
            EventProcessingConfiguration processing = service.bean(EventProcessingConfiguration.class);
            for (String publisher : List.of("mastery-publisher", "learner-publisher")) {
                assertThat(processing.listenerInvocationErrorHandler(publisher))
                        .as("%s retries a failed send from the same event instead of skipping it", publisher)
                        .isInstanceOf(PropagatingErrorHandler.class);
            }
        }
    }

    @Test
    void publishesStoredChangeOnceAfterRestart_whenServiceStopsBeforePublishing() {
        String learner = UUID.randomUUID().toString();
        try (RunningService service = RunningService.start(LearnerProfilesApplication.class, DATABASE, Examples.EVIDENCE_DRIVEN_ONLY)) {
            Examples.publishFramework(kafka, service, Examples.framework());
            service.bean(EventProcessingConfiguration.class).eventProcessor("mastery-publisher").orElseThrow()
                    .shutDown();
            send(kafka, EventTypes.EVIDENCE_RECORDED, learner, evidence(learner, 0.9, DAY1, DAY1.plusSeconds(1)));
            await().atMost(Duration.ofSeconds(30)).until(() -> storedChanges(service, learner).size() == 1);
        }
        assertThat(ServiceClient.masteryRecords(learner, found -> !found.isEmpty(), Duration.ofSeconds(2)))
                .as("nothing published before the restart").isEmpty();

        try (RunningService restarted = RunningService.start(LearnerProfilesApplication.class, DATABASE, Examples.EVIDENCE_DRIVEN_ONLY)) {
            Map<String, Long> stored = storedChanges(restarted, learner);
            List<ConsumerRecord<String, byte[]>> records = ServiceClient.masteryRecords(learner,
                    found -> !found.isEmpty(), Duration.ofSeconds(45));

            assertThat(records).hasSize(1);
            assertThat(KafkaTestClient.header(records.get(0), "ce_id")).isIn(stored.keySet());
        }
    }

    @Test
    void publishesEveryChangeUnderOneId_whenServiceStopsMidStream() {
        String learner = UUID.randomUUID().toString();
        int evidenceCount = 30;
        try (RunningService service = RunningService.start(LearnerProfilesApplication.class, DATABASE, Examples.EVIDENCE_DRIVEN_ONLY)) {
            Examples.publishFramework(kafka, service, Examples.framework());
            for (int i = 0; i < evidenceCount; i++) {
                // Alternating scores keep the decaying average, and so the mastery, moving with every item.
                double score = i % 2 == 0 ? 0.3 : 0.95;
                Instant at = DAY1.plusSeconds(3600L * i);
                send(kafka, EventTypes.EVIDENCE_RECORDED, learner, evidence(learner, score, at, at.plusSeconds(1)));
            }
            ServiceClient.masteryRecords(learner, found -> !found.isEmpty(), Duration.ofSeconds(45));
        }

        try (RunningService restarted = RunningService.start(LearnerProfilesApplication.class, DATABASE, Examples.EVIDENCE_DRIVEN_ONLY)) {
            // Each evidence is accepted and (all but perhaps one) changes the mastery; parent roll-ups come on top.
            await().atMost(Duration.ofSeconds(60)).until(() -> restarted.bean(MongoDatabase.class)
                    .getCollection("domainevents").countDocuments(Filters.and(
                            Filters.eq("aggregateIdentifier", learner), Filters.in("payloadType",
                                    EvidenceAccepted.class.getName(), MasteryRecalculated.class.getName())))
                    >= 2L * evidenceCount - 1);
            Map<String, Long> stored = storedChanges(restarted, learner);
            List<ConsumerRecord<String, byte[]>> records = ServiceClient.masteryRecords(learner,
                    found -> distinctIds(found).size() >= stored.size(), Duration.ofSeconds(60));

            assertThat(distinctIds(records)).containsExactlyInAnyOrderElementsOf(stored.keySet());
            assertThat(restarted.bean(MongoDatabase.class).getCollection("domainevents").countDocuments(Filters.and(
                    Filters.eq("aggregateIdentifier", learner), Filters.eq("payloadType",
                            "dev.competency.learners.learner.domain.EvidenceAccepted"))))
                    .as("each evidence accepted once across the restart").isEqualTo(evidenceCount);
            Map<String, MasteryChanged> byId = new HashMap<>();
            for (ConsumerRecord<String, byte[]> record : records) {
                MasteryChanged change = JSON.readValue(record.value(), MasteryChanged.class);
                MasteryChanged earlier = byId.putIfAbsent(KafkaTestClient.header(record, "ce_id"), change);
                assertThat(earlier == null || earlier.equals(change)).as("a republished change is the same fact")
                        .isTrue();
            }
        }
    }

    /** ce_id → sequence number of every MasteryRecalculated stored for the learner. */
    private static Map<String, Long> storedChanges(RunningService service, String learner) {
        Map<String, Long> ids = new HashMap<>();
        for (Document event : service.bean(MongoDatabase.class).getCollection("domainevents").find(Filters.and(
                Filters.eq("aggregateIdentifier", learner),
                Filters.eq("payloadType", MasteryRecalculated.class.getName())))) {
            long sequence = ((Number) event.get("sequenceNumber")).longValue();
            ids.put(UUID.nameUUIDFromBytes((learner + ":" + sequence).getBytes(StandardCharsets.UTF_8)).toString(),
                    sequence);
        }
        return ids;
    }

    private static List<String> distinctIds(List<ConsumerRecord<String, byte[]>> records) {
        List<String> ids = new ArrayList<>();
        records.forEach(r -> {
            String id = KafkaTestClient.header(r, "ce_id");
            if (!ids.contains(id)) {
                ids.add(id);
            }
        });
        return ids;
    }
}
