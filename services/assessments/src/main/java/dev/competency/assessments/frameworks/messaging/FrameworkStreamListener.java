package dev.competency.assessments.frameworks.messaging;

import dev.competency.assessments.frameworks.query.FrameworkCatalogue;
import dev.competency.contracts.Topics;
import dev.competency.contracts.frameworks.FrameworkPublished;
import dev.competency.contracts.frameworks.FrameworkRetired;
import dev.competency.platform.service.messaging.IdempotentConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Keeps the framework catalogue up to date from {@code competency.frameworks.v1}. */
@Component
class FrameworkStreamListener {

    static final String CONSUMER = FrameworkCatalogue.CONSUMER;

    private final IdempotentConsumer consumer;
    private final FrameworkCatalogue catalogue;

    FrameworkStreamListener(IdempotentConsumer consumer, FrameworkCatalogue catalogue) {
        this.consumer = consumer;
        this.catalogue = catalogue;
    }

    @KafkaListener(id = CONSUMER, groupId = CONSUMER, topics = Topics.FRAMEWORKS)
    void on(ConsumerRecord<String, byte[]> record) {
        consumer.consume(CONSUMER, record, event -> {
            if (event.payload() instanceof FrameworkPublished snapshot) {
                catalogue.store(snapshot);
            } else if (event.payload() instanceof FrameworkRetired retired) {
                catalogue.retire(retired);
            }
        });
    }
}
