package dev.competency.assessments.attempt.domain;

import dev.competency.assessments.evidence.domain.EvidenceChange;
import dev.competency.assessments.evidence.domain.EvidenceItem;
import dev.competency.assessments.evidence.domain.EvidenceRevocation;
import java.util.List;

/** A quiz attempt was scored automatically, giving evidence per aligned competency. */
public record AttemptScored(String attemptId, int revision, List<CompetencyResult> results, double overallScore,
                            boolean passed, List<EvidenceItem> recordedEvidence,
                            List<EvidenceRevocation> revokedEvidence) implements EvidenceChange {
}
