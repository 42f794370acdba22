package dev.competency.assessments.attempt.domain;

import dev.competency.assessments.assessment.domain.PublishedAssessment;
import dev.competency.assessments.evidence.domain.EvidenceChange;
import dev.competency.assessments.evidence.domain.EvidenceItem;
import dev.competency.assessments.evidence.domain.EvidenceRevocation;
import java.util.List;
import java.util.Map;

/**
 * A scored quiz attempt was scored again (corrected answer key and/or assessor overrides): the previous revision's
 * evidence is revoked and new evidence recorded under the next revision.
 *
 * @param assessment the version the attempt is now scored against
 * @param credits    every item credit an assessor set so far
 */
public record AttemptRegraded(String attemptId, int revision, String assessorId, String reason,
                              PublishedAssessment assessment, Map<String, Double> credits,
                              List<CompetencyResult> results, double overallScore, boolean passed,
                              List<EvidenceItem> recordedEvidence, List<EvidenceRevocation> revokedEvidence)
        implements EvidenceChange {
}
