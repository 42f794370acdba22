package dev.competency.assessments.attempt.messaging;

import dev.competency.assessments.assessment.domain.AssessmentKind;
import dev.competency.assessments.assessment.domain.CompetencyWeight;
import dev.competency.assessments.attempt.domain.AttemptStarted;
import dev.competency.contracts.assessments.PeerRatingRequested;
import dev.competency.platform.service.messaging.IntegrationEventPublisher;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Publishes {@code peer-rating.requested} to {@code competency.assessments.v1} for every started peer-feedback
 * attempt. Like the evidence, it is read from the event store by a streaming processor that waits for the broker's
 * acknowledgement before its token moves on; a failure is rethrown so that the processor retries from the same event,
 * and the retry publishes the same {@code ce_id} (derived from the attempt id), which consumers deduplicate.
 */
@Component
@ProcessingGroup(PeerRequestPublisher.PROCESSING_GROUP)
class PeerRequestPublisher {

    static final String PROCESSING_GROUP = "peer-request-publisher";

    private final IntegrationEventPublisher publisher;

    PeerRequestPublisher(IntegrationEventPublisher publisher) {
        this.publisher = publisher;
    }

    @EventHandler
    void on(AttemptStarted started) {
        if (started.assessment().kind() != AssessmentKind.PEER) {
            return;
        }
        publisher.publishAndAwait(eventId(started.attemptId()), requested(started));
    }

    /** The {@code ce_id} of an attempt's request: the same whenever the attempt's start is published again. */
    static UUID eventId(String attemptId) {
        return UUID.nameUUIDFromBytes(("peer-rating.requested:" + attemptId).getBytes(StandardCharsets.UTF_8));
    }

    static PeerRatingRequested requested(AttemptStarted started) {
        return new PeerRatingRequested(started.attemptId(), started.assessment().assessmentId(), started.learnerId(),
                started.nominatedPeers(), started.assessment().definition().alignments().stream()
                        .map(CompetencyWeight::competencyId).distinct().toList(), started.startedAt());
    }
}
