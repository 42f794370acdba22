package dev.competency.community.people.messaging;

import dev.competency.community.people.query.PeopleDirectory;
import dev.competency.contracts.Topics;
import dev.competency.contracts.learners.LearnerErased;
import dev.competency.contracts.learners.LearnerRegistered;
import dev.competency.contracts.learners.LearnerTeamChanged;
import dev.competency.platform.service.messaging.IdempotentConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Keeps the people directory up to date from {@code competency.learners.v1}. */
@Component
class LearnerStreamListener {

    private final IdempotentConsumer consumer;
    private final PeopleDirectory directory;

    LearnerStreamListener(IdempotentConsumer consumer, PeopleDirectory directory) {
        this.consumer = consumer;
        this.directory = directory;
    }

    /** Every record goes through the contract's reader: one without a value breaks it and is dead-lettered. */
    @KafkaListener(id = PeopleDirectory.CONSUMER, groupId = PeopleDirectory.CONSUMER, topics = Topics.LEARNERS)
    void on(ConsumerRecord<String, byte[]> record) {
        consumer.consume(PeopleDirectory.CONSUMER, record, event -> {
            if (event.payload() instanceof LearnerRegistered registered) {
                directory.register(registered, record.offset());
            } else if (event.payload() instanceof LearnerTeamChanged changed) {
                directory.changeTeam(changed, record.offset());
            } else if (event.payload() instanceof LearnerErased erased) {
                directory.erase(erased.learnerId());
            }
        });
    }
}
