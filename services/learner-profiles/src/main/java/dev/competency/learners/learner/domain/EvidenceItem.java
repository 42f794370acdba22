package dev.competency.learners.learner.domain;

import dev.competency.learners.mastery.Evidence;
import dev.competency.learners.mastery.SourceType;
import java.time.Instant;

/**
 * One piece of evidence as the learner aggregate keeps it: what the fold needs, plus the framework version whose
 * policy it was aligned to.
 */
public record EvidenceItem(String evidenceId, String competencyId, String frameworkId, int frameworkVersion,
                           double score, SourceType sourceType, String actorId, Instant occurredAt,
                           Instant recordedAt, String ratedLevel) {

    /** The item as the mastery fold sees it. */
    public Evidence toEvidence() {
        return new Evidence(evidenceId, competencyId, score, sourceType, actorId, occurredAt, recordedAt, ratedLevel,
                false);
    }
}
