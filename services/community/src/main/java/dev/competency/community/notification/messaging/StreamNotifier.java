package dev.competency.community.notification.messaging;

import dev.competency.community.notification.delivery.ExpiryWarnings;
import dev.competency.community.notification.delivery.NotificationDelivery;
import dev.competency.community.notification.query.MasteryExpiries;
import dev.competency.community.notification.query.NotificationKind;
import dev.competency.community.notification.query.NotificationSettings;
import dev.competency.community.notification.query.Notifications;
import dev.competency.contracts.Topics;
import dev.competency.contracts.assessments.PeerRatingRequested;
import dev.competency.contracts.evidence.EvidenceRecorded;
import dev.competency.contracts.evidence.SourceType;
import dev.competency.contracts.learners.LearnerErased;
import dev.competency.contracts.mastery.MasteryChanged;
import dev.competency.platform.service.id.CompetencyId;
import dev.competency.platform.service.id.LearnerId;
import dev.competency.platform.service.messaging.IdempotentConsumer;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Notifications from the public streams: a learner's level or mastered flag changed ({@code mastery.changed}), one of
 * their assessment attempts was graded ({@code evidence.recorded} with an attempt id: one notification per attempt and
 * grading, whatever the number of competencies), a mastery of theirs lapses soon (the {@code expiresAt} of the last
 * {@code mastery.changed}, kept by offset and also swept by {@link ExpiryWarnings}), and a peer asked them to rate an
 * attempt ({@code peer-rating.requested}: each nominated peer; a request open to any peer notifies nobody). An erased
 * learner's notifications, settings and expiries go.
 */
@Component
public class StreamNotifier {

    public static final String CONSUMER = "community.notifications";

    private final IdempotentConsumer consumer;
    private final NotificationDelivery delivery;
    private final Notifications notifications;
    private final NotificationSettings settings;
    private final MasteryExpiries expiries;
    private final ExpiryWarnings warnings;

    StreamNotifier(IdempotentConsumer consumer, NotificationDelivery delivery, Notifications notifications,
                   NotificationSettings settings, MasteryExpiries expiries, ExpiryWarnings warnings) {
        this.consumer = consumer;
        this.delivery = delivery;
        this.notifications = notifications;
        this.settings = settings;
        this.expiries = expiries;
        this.warnings = warnings;
    }

    @KafkaListener(id = CONSUMER, groupId = CONSUMER,
            topics = {Topics.MASTERY, Topics.EVIDENCE, Topics.LEARNERS, Topics.ASSESSMENTS})
    void on(ConsumerRecord<String, byte[]> record) {
        consumer.consume(CONSUMER, record, event -> {
            if (event.payload() instanceof MasteryChanged changed) {
                levelChanged(event.attributes().id(), changed);
                expiries.put(new LearnerId(changed.learnerId()), new CompetencyId(changed.competencyId()),
                        record.offset(), changed.mastered() ? changed.expiresAt() : null, changed.changedAt())
                        .ifPresent(warnings::warnIfDue);
            } else if (event.payload() instanceof EvidenceRecorded recorded) {
                graded(recorded);
            } else if (event.payload() instanceof PeerRatingRequested requested) {
                ratingRequested(requested);
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

    private void ratingRequested(PeerRatingRequested requested) {
        for (String peerId : requested.nominatedPeers()) {
            delivery.deliver(Notifications.Source.STREAM, "peer-request:" + requested.attemptId() + ":" + peerId,
                    peerId, NotificationKind.PEER_RATING_REQUESTED, "A peer asks you to rate their attempt",
                    "/api/assessments/peer-requests", requested.requestedAt());
        }
    }

    private void erase(String learnerId) {
        notifications.erase(learnerId);
        settings.erase(learnerId);
        expiries.erase(new LearnerId(learnerId));
    }
}
