package dev.competency.frameworks.framework.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import dev.competency.contracts.EventTypes;
import dev.competency.contracts.Topics;
import dev.competency.frameworks.FrameworksApplication;
import dev.competency.frameworks.framework.messaging.ContractPublishing;
import dev.competency.platform.test.KafkaTestClient;
import dev.competency.platform.test.RunningService;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * The framework survives a restart in the MongoDB event store, and a publication stored while the publisher was down
 * (the process died between storing and publishing) reaches the broker after the restart, once, under its id.
 */
class FrameworkEventStoreIT {

    private static final String DATABASE = "frameworks-store-it";

    @Test
    void sourcesFrameworkAndPublishesWhatWasStoredOnce_whenServiceRestartsAfterACrash() {
        String frameworkId = UUID.randomUUID().toString();
        try (RunningService service = RunningService.start(FrameworksApplication.class, DATABASE)) {
            assertThat(service.health("/actuator/health"))
                    .containsEntry("status", "UP").containsEntry("mongo", "UP").containsEntry("kafka", "UP");
            service.bean(EventProcessingConfiguration.class).eventProcessor(ContractPublishing.PROCESSING_GROUP)
                    .orElseThrow().shutDown();

            CommandGateway commands = service.bean(CommandGateway.class);
            commands.sendAndWait(new CreateFramework(frameworkId, "DEV.API", "API design", "HTTP APIs", "author-1"));
            commands.sendAndWait(new EditFramework(frameworkId, Contents.valid(), "author-1"));
            commands.sendAndWait(new PublishFramework(frameworkId, "author-1"));

            Document stored = service.bean(MongoDatabase.class).getCollection("domainevents")
                    .find(Filters.and(Filters.eq("aggregateIdentifier", frameworkId),
                            Filters.eq("payloadType", FrameworkVersionPublished.class.getName()))).first();
            assertThat(stored).isNotNull();
        }
        assertThat(KafkaTestClient.records(Topics.FRAMEWORKS, r -> frameworkId.equals(r.key()))).as("nothing published before the crash")
                .isEmpty();

        try (RunningService restarted = RunningService.start(FrameworksApplication.class, DATABASE)) {
            Framework framework = restarted.aggregate("frameworkRepository", frameworkId);
            assertThat(framework.code()).isEqualTo("DEV.API");
            assertThat(framework.title()).isEqualTo("Backend engineering");
            assertThat(framework.status()).isEqualTo(FrameworkStatus.PUBLISHED);
            assertThat(framework.publishedVersion()).isEqualTo(1);

            KafkaTestClient.awaitRecord(Topics.FRAMEWORKS, r -> frameworkId.equals(r.key()));
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() ->
                    KafkaTestClient.records(Topics.FRAMEWORKS, r -> frameworkId.equals(r.key())).size() == 1);
            List<ConsumerRecord<String, byte[]>> records = KafkaTestClient.records(Topics.FRAMEWORKS, r -> frameworkId.equals(r.key()));
            assertThat(KafkaTestClient.header(records.get(0), "ce_type")).isEqualTo(EventTypes.FRAMEWORK_PUBLISHED);
            assertThat(KafkaTestClient.header(records.get(0), "ce_id")).isEqualTo(ContractPublishing.eventId(
                    EventTypes.FRAMEWORK_PUBLISHED, frameworkId, 1).toString());
        }
    }
}
