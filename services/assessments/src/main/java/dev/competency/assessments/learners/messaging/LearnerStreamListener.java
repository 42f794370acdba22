package dev.competency.assessments.learners.messaging;

import dev.competency.assessments.learners.query.LearnerDirectory;
import dev.competency.contracts.Topics;
import dev.competency.contracts.learners.LearnerErased;
import dev.competency.contracts.learners.LearnerRegistered;
import dev.competency.platform.service.messaging.IdempotentConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Keeps the learner directory up to date from {@code competency.learners.v1}. */
@Component
class LearnerStreamListener {

    static final String CONSUMER = LearnerDirectory.CONSUMER;

    private final IdempotentConsumer consumer;
    private final LearnerDirectory directory;

    LearnerStreamListener(IdempotentConsumer consumer, LearnerDirectory directory) {
        this.consumer = consumer;
        this.directory = directory;
    }

    /**
     * A record without a value (a tombstone) is no contract event: it has neither attributes nor an id to deduplicate
     * on, and forgetting a learner twice is harmless, so it erases the learner in its key directly.
     */
    @KafkaListener(id = CONSUMER, groupId = CONSUMER, topics = Topics.LEARNERS)
    void on(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            if (record.key() != null) {
                directory.erase(record.key());
            }
            return;
        }
        consumer.consume(CONSUMER, record, event -> {
            if (event.payload() instanceof LearnerRegistered registered) {
                directory.register(registered);
            } else if (event.payload() instanceof LearnerErased erased) {
                directory.erase(erased.learnerId());
            }
        });
    }
}
