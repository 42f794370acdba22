package dev.competency.analytics.mastery.messaging;

import dev.competency.analytics.mastery.query.CurrentMastery;
import dev.competency.contracts.Topics;
import dev.competency.contracts.mastery.MasteryChanged;
import dev.competency.contracts.mastery.ParentMasteryChanged;
import dev.competency.contracts.mastery.ParentRollupEnded;
import dev.competency.platform.service.messaging.IdempotentConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

@Component
class MasteryStreamListener {

    static final String CONSUMER = "analytics.current-mastery";

    private final IdempotentConsumer consumer;
    private final CurrentMastery mastery;

    MasteryStreamListener(IdempotentConsumer consumer, CurrentMastery mastery) {
        this.consumer = consumer;
        this.mastery = mastery;
    }

    @KafkaListener(id = CONSUMER, groupId = CONSUMER, topics = Topics.MASTERY)
    void on(ConsumerRecord<String, byte[]> record) {
        consumer.consume(CONSUMER, record, event -> {
            if (event.payload() instanceof MasteryChanged changed) {
                mastery.on(changed);
            } else if (event.payload() instanceof ParentMasteryChanged changed) {
                mastery.on(changed);
            } else if (event.payload() instanceof ParentRollupEnded ended) {
                mastery.on(ended);
            }
        });
    }
}
