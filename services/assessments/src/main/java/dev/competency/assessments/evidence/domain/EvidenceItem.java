package dev.competency.assessments.evidence.domain;

import dev.competency.contracts.evidence.ActorKind;
import dev.competency.contracts.evidence.SourceType;
import java.time.Instant;

/**
 * One piece of evidence as this service's domain events carry it: a learner demonstrated one competency to some
 * degree. The evidence publisher translates it into the public {@code evidence.recorded} contract.
 *
 * @param evidenceId deterministic, see {@link EvidenceIds}
 * @param score      normalised to [0, 1]
 */
public record EvidenceItem(String evidenceId, String learnerId, String competencyId, String frameworkId,
                           int frameworkVersion, double score, Double rawScore, Double maxScore,
                           SourceType sourceType, String actorId, ActorKind actorKind, Instant occurredAt,
                           Instant recordedAt, String assessmentId, String attemptId, String statementId,
                           Integer gradingRevision, String activityId, String ratedLevel, String reason) {
}
