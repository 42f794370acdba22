package dev.competency.assessments.attempt.domain;

import dev.competency.assessments.evidence.domain.EvidenceChange;
import dev.competency.assessments.evidence.domain.EvidenceItem;
import dev.competency.assessments.evidence.domain.EvidenceRevocation;
import java.util.List;
import java.util.Map;

/**
 * An assessor graded a rubric attempt, or a learner rated themself on a self-assessment ({@code assessorId} is then
 * the learner). A regrade (revision above 1) revokes the evidence of the previous revision and records new evidence.
 */
public record AttemptGraded(String attemptId, int revision, String assessorId, Map<String, String> levels,
                            String comment, List<CompetencyResult> results, double overallScore, boolean passed,
                            List<EvidenceItem> recordedEvidence, List<EvidenceRevocation> revokedEvidence)
        implements EvidenceChange {
}
