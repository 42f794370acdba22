package dev.competency.analytics.evidence.messaging;

import dev.competency.analytics.evidence.query.EvidenceVolume;
import dev.competency.contracts.Topics;
import dev.competency.contracts.evidence.EvidenceRecorded;
import dev.competency.contracts.evidence.EvidenceVoided;
import dev.competency.platform.service.messaging.IdempotentConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

@Component
class EvidenceStreamListener {

    static final String CONSUMER = "analytics.evidence-volume";

    private final IdempotentConsumer consumer;
    private final EvidenceVolume volume;

    EvidenceStreamListener(IdempotentConsumer consumer, EvidenceVolume volume) {
        this.consumer = consumer;
        this.volume = volume;
    }

    @KafkaListener(id = CONSUMER, groupId = CONSUMER, topics = Topics.EVIDENCE)
    void on(ConsumerRecord<String, byte[]> record) {
        consumer.consume(CONSUMER, record, event -> {
            if (event.payload() instanceof EvidenceRecorded recorded) {
                volume.on(recorded);
            } else if (event.payload() instanceof EvidenceVoided voided) {
                volume.on(voided);
            }
        });
    }
}
