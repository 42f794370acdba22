package dev.competency.assessments.evidence.messaging;

import dev.competency.assessments.evidence.domain.EvidenceChange;
import dev.competency.assessments.evidence.domain.EvidenceIds;
import dev.competency.assessments.evidence.domain.EvidenceItem;
import dev.competency.assessments.evidence.domain.EvidenceRevocation;
import dev.competency.contracts.evidence.Actor;
import dev.competency.contracts.evidence.EvidenceRecorded;
import dev.competency.contracts.evidence.EvidenceVoided;
import dev.competency.platform.service.messaging.IntegrationEventPublisher;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * The only way evidence leaves the service: a tracking event processor reads every {@link EvidenceChange} from the
 * event store and publishes it to {@code competency.evidence.v1}, waiting for the broker's acknowledgement before
 * the processor's token moves on. A failure is rethrown so that the processor retries from the same event; a
 * retry publishes the same {@code ce_id} (derived from the deterministic evidence id), which consumers deduplicate.
 */
@Component
@ProcessingGroup(EvidencePublisher.PROCESSING_GROUP)
class EvidencePublisher {

    static final String PROCESSING_GROUP = "evidence-publisher";

    private final IntegrationEventPublisher publisher;

    EvidencePublisher(IntegrationEventPublisher publisher) {
        this.publisher = publisher;
    }

    @EventHandler
    void on(EvidenceChange change) {
        for (EvidenceRevocation revocation : change.revokedEvidence()) {
            publisher.publishAndAwait(EvidenceIds.voidedEventId(revocation.evidenceId()), voided(revocation));
        }
        for (EvidenceItem evidence : change.recordedEvidence()) {
            publisher.publishAndAwait(EvidenceIds.recordedEventId(evidence.evidenceId()), recorded(evidence));
        }
    }

    static EvidenceRecorded recorded(EvidenceItem evidence) {
        return new EvidenceRecorded(evidence.evidenceId(), evidence.learnerId(), evidence.competencyId(),
                evidence.frameworkId(), evidence.frameworkVersion(), evidence.score(), evidence.rawScore(),
                evidence.maxScore(), evidence.sourceType(), new Actor(evidence.actorId(), evidence.actorKind()),
                evidence.occurredAt(), evidence.recordedAt(),
                new EvidenceRecorded.Provenance(evidence.assessmentId(), evidence.attemptId(), evidence.statementId(),
                        evidence.gradingRevision(), evidence.activityId()),
                evidence.ratedLevel(), evidence.reason());
    }

    static EvidenceVoided voided(EvidenceRevocation revocation) {
        return new EvidenceVoided(revocation.evidenceId(), revocation.learnerId(), revocation.competencyId(),
                revocation.voidedAt(), new Actor(revocation.actorId(), revocation.actorKind()), revocation.reason());
    }
}
