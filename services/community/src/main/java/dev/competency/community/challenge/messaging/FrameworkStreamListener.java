package dev.competency.community.challenge.messaging;

import dev.competency.community.challenge.query.CompetencyScales;
import dev.competency.contracts.Topics;
import dev.competency.contracts.frameworks.FrameworkPublished;
import dev.competency.platform.service.messaging.IdempotentConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Keeps the competencies and their scales from {@code competency.frameworks.v1}. */
@Component
class FrameworkStreamListener {

    private final IdempotentConsumer consumer;
    private final CompetencyScales scales;

    FrameworkStreamListener(IdempotentConsumer consumer, CompetencyScales scales) {
        this.consumer = consumer;
        this.scales = scales;
    }

    @KafkaListener(id = CompetencyScales.CONSUMER, groupId = CompetencyScales.CONSUMER, topics = Topics.FRAMEWORKS)
    void on(ConsumerRecord<String, byte[]> record) {
        consumer.consume(CompetencyScales.CONSUMER, record, event -> {
            if (event.payload() instanceof FrameworkPublished published) {
                scales.publish(published);
            }
        });
    }
}
