package dev.competency.community.notification.messaging;

import dev.competency.community.notification.delivery.NotificationDelivery;
import dev.competency.community.notification.query.NotificationKind;
import dev.competency.community.notification.query.NotificationSettings;
import dev.competency.community.notification.query.Notifications;
import dev.competency.contracts.Topics;
import dev.competency.contracts.evidence.EvidenceRecorded;
import dev.competency.contracts.evidence.SourceType;
import dev.competency.contracts.learners.LearnerErased;
import dev.competency.contracts.mastery.MasteryChanged;
import dev.competency.platform.service.messaging.IdempotentConsumer;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Notifications from the public streams: a learner's level or mastered flag changed ({@code mastery.changed}), and
 * one of their assessment attempts was graded ({@code evidence.recorded} with an attempt id: one notification per
 * attempt and grading, whatever the number of competencies). An erased learner's notifications and settings go.
 */
@Component
public class StreamNotifier {

    public static final String CONSUMER = "community.notifications";

    private final IdempotentConsumer consumer;
    private final NotificationDelivery delivery;
    private final Notifications notifications;
    private final NotificationSettings settings;

    StreamNotifier(IdempotentConsumer consumer, NotificationDelivery delivery, Notifications notifications,
                   NotificationSettings settings) {
        this.consumer = consumer;
        this.delivery = delivery;
        this.notifications = notifications;
        this.settings = settings;
    }

    @KafkaListener(id = CONSUMER, groupId = CONSUMER, topics = {Topics.MASTERY, Topics.EVIDENCE, Topics.LEARNERS})
    void on(ConsumerRecord<String, byte[]> record) {
        consumer.consume(CONSUMER, record, event -> {
            if (event.payload() instanceof MasteryChanged changed) {
                levelChanged(event.attributes().id(), changed);
            } else if (event.payload() instanceof EvidenceRecorded recorded) {
                graded(recorded);
            } else if (event.payload() instanceof LearnerErased erased) {
                erase(erased.learnerId());
            }
        });
    }

    private void levelChanged(String eventId, MasteryChanged changed) {
        if (Objects.equals(changed.level(), changed.previousLevel())
                && changed.mastered() == changed.previouslyMastered()) {
            return;
        }
        String text = changed.level() == null ? "You no longer hold a level on a competency"
                : "Your level on a competency is now " + changed.level()
                        + (changed.mastered() && !changed.previouslyMastered() ? ": mastered" : "")
                        + (!changed.mastered() && changed.previouslyMastered() ? ": no longer mastered" : "");
        delivery.deliver(Notifications.Source.STREAM, "mastery:" + eventId, changed.learnerId(),
                NotificationKind.LEVEL_CHANGED, text,
                "/api/learners/" + changed.learnerId() + "/mastery/" + changed.competencyId(), changed.changedAt());
    }

    private void graded(EvidenceRecorded recorded) {
        if (recorded.sourceType() != SourceType.ASSESSMENT || recorded.provenance() == null
                || recorded.provenance().attemptId() == null) {
            return;
        }
        Integer revision = recorded.provenance().gradingRevision();
        delivery.deliver(Notifications.Source.STREAM, "graded:" + recorded.provenance().attemptId() + ":"
                        + (revision == null ? 0 : revision), recorded.learnerId(), NotificationKind.ATTEMPT_GRADED,
                "Your attempt was graded", "/api/assessments/attempts/" + recorded.provenance().attemptId(),
                recorded.recordedAt());
    }

    private void erase(String learnerId) {
        notifications.erase(learnerId);
        settings.erase(learnerId);
    }
}
