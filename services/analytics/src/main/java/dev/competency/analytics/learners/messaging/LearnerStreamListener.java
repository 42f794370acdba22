package dev.competency.analytics.learners.messaging;

import dev.competency.analytics.evidence.query.EvidenceVolume;
import dev.competency.analytics.learners.query.LearnerDirectory;
import dev.competency.analytics.mastery.query.CurrentMastery;
import dev.competency.contracts.Topics;
import dev.competency.contracts.learners.LearnerErased;
import dev.competency.contracts.learners.LearnerRegistered;
import dev.competency.contracts.learners.LearnerRoleAssigned;
import dev.competency.contracts.learners.LearnerTeamChanged;
import dev.competency.platform.service.messaging.IdempotentConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

@Component
class LearnerStreamListener {

    static final String CONSUMER = "analytics.learner-directory";

    private final IdempotentConsumer consumer;
    private final LearnerDirectory directory;
    private final EvidenceVolume evidence;
    private final CurrentMastery mastery;

    LearnerStreamListener(IdempotentConsumer consumer, LearnerDirectory directory, EvidenceVolume evidence,
                          CurrentMastery mastery) {
        this.consumer = consumer;
        this.directory = directory;
        this.evidence = evidence;
        this.mastery = mastery;
    }

    @KafkaListener(id = CONSUMER, groupId = CONSUMER, topics = Topics.LEARNERS)
    void on(ConsumerRecord<String, byte[]> record) {
        consumer.consume(CONSUMER, record, event -> {
            if (event.payload() instanceof LearnerRegistered registered) {
                directory.on(registered);
            } else if (event.payload() instanceof LearnerRoleAssigned assigned) {
                directory.on(assigned);
            } else if (event.payload() instanceof LearnerTeamChanged changed) {
                directory.on(changed);
            } else if (event.payload() instanceof LearnerErased erased) {
                directory.erase(erased.learnerId());
                evidence.forget(erased.learnerId());
                mastery.forget(erased.learnerId());
            }
        });
    }
}
