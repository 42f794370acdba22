package dev.competency.community.discussion.messaging;

import dev.competency.community.discussion.query.AuthorNames;
import dev.competency.contracts.Topics;
import dev.competency.contracts.learners.LearnerErased;
import dev.competency.platform.service.messaging.IdempotentConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Deletes an erased learner's display name from the discussions' author names ({@code learner.erased}). Their posts
 * stay, under their pseudonymous id and without a name. Deleting twice changes nothing.
 */
@Component
class AuthorErasureListener {

    static final String CONSUMER = "community.discussion-authors";

    private final IdempotentConsumer consumer;
    private final AuthorNames names;

    AuthorErasureListener(IdempotentConsumer consumer, AuthorNames names) {
        this.consumer = consumer;
        this.names = names;
    }

    @KafkaListener(id = CONSUMER, groupId = CONSUMER, topics = Topics.LEARNERS)
    void on(ConsumerRecord<String, byte[]> record) {
        consumer.consume(CONSUMER, record, event -> {
            if (event.payload() instanceof LearnerErased erased) {
                names.erase(erased.learnerId());
            }
        });
    }
}
