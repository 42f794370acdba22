package dev.competency.platform.service.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.competency.contracts.CloudEventHeaders;
import dev.competency.contracts.EventTypes;
import dev.competency.contracts.Topics;
import dev.competency.contracts.evidence.EvidenceRecorded;
import dev.competency.platform.service.StarterTestApplication;
import dev.competency.platform.test.KafkaTestClient;
import dev.competency.platform.test.RunningService;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class IntegrationEventPublisherIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void publishesUnderItsKeyWithCloudEventsHeaders_whenEventMeetsItsContract() throws Exception {
        EvidenceRecorded evidence = JSON.readValue(KafkaTestClient.example(EventTypes.EVIDENCE_RECORDED),
                EvidenceRecorded.class);
        UUID eventId = UUID.randomUUID();
        try (RunningService service = RunningService.start(StarterTestApplication.class, "starter-publisher-it",
                "spring.application.name=starter-test")) {
            service.bean(IntegrationEventPublisher.class).publish(eventId, evidence).get();
        }

        ConsumerRecord<String, byte[]> record = KafkaTestClient.awaitRecord(Topics.EVIDENCE,
                r -> eventId.toString().equals(KafkaTestClient.header(r, CloudEventHeaders.ID)));
        assertThat(record.key()).isEqualTo(evidence.learnerId());
        assertThat(KafkaTestClient.header(record, CloudEventHeaders.TYPE)).isEqualTo(EventTypes.EVIDENCE_RECORDED);
        assertThat(KafkaTestClient.header(record, CloudEventHeaders.SOURCE)).isEqualTo("/services/starter-test");
        assertThat(KafkaTestClient.header(record, CloudEventHeaders.SUBJECT)).isEqualTo(evidence.learnerId());
        assertThat(KafkaTestClient.header(record, CloudEventHeaders.TIME)).isNotBlank();
        assertThat(KafkaTestClient.header(record, CloudEventHeaders.CONTENT_TYPE)).isEqualTo("application/json");
        assertThat(JSON.readValue(record.value(), EvidenceRecorded.class)).isEqualTo(evidence);
    }
}
