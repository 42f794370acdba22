package dev.competency.community.challenge.messaging;

import dev.competency.community.challenge.ChallengeTracker;
import dev.competency.community.challenge.domain.MasteryFact;
import dev.competency.community.challenge.domain.MembershipFact;
import dev.competency.contracts.Topics;
import dev.competency.contracts.community.ChallengeGroup;
import dev.competency.contracts.learners.LearnerErased;
import dev.competency.contracts.learners.LearnerRegistered;
import dev.competency.contracts.learners.LearnerTeamChanged;
import dev.competency.contracts.mastery.MasteryChanged;
import dev.competency.platform.service.id.LearnerId;
import dev.competency.platform.service.messaging.IdempotentConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Mastery changes and team and unit moves, as the challenges count them. Each fact carries its record's offset: one
 * learner's records share a partition, so the offset orders a learner's facts as the stream does.
 */
@Component
public class ChallengeStreamListener {

    public static final String CONSUMER = "community.challenges";

    private final IdempotentConsumer consumer;
    private final ChallengeTracker tracker;

    ChallengeStreamListener(IdempotentConsumer consumer, ChallengeTracker tracker) {
        this.consumer = consumer;
        this.tracker = tracker;
    }

    @KafkaListener(id = CONSUMER, groupId = CONSUMER, topics = {Topics.MASTERY, Topics.LEARNERS})
    void on(ConsumerRecord<String, byte[]> record) {
        consumer.consume(CONSUMER, record, event -> {
            if (event.payload() instanceof MasteryChanged changed) {
                tracker.take(new MasteryFact(changed.learnerId(), changed.competencyId(), record.offset(),
                        changed.changedAt(), changed.level(), changed.mastered()));
            } else if (event.payload() instanceof LearnerTeamChanged changed) {
                tracker.take(new MembershipFact(changed.learnerId(), ChallengeGroup.TEAM, changed.teamId(),
                        record.offset(), changed.changedAt()));
            } else if (event.payload() instanceof LearnerRegistered registered) {
                tracker.take(new MembershipFact(registered.learnerId(), ChallengeGroup.UNIT,
                        registered.organisationUnit(), record.offset(), registered.registeredAt()));
            } else if (event.payload() instanceof LearnerErased erased) {
                tracker.erase(new LearnerId(erased.learnerId()));
            }
        });
    }
}
