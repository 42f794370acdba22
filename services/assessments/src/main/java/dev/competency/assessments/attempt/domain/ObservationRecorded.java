package dev.competency.assessments.attempt.domain;

import dev.competency.assessments.assessment.domain.PublishedAssessment;
import dev.competency.assessments.evidence.domain.EvidenceChange;
import dev.competency.assessments.evidence.domain.EvidenceItem;
import dev.competency.assessments.evidence.domain.EvidenceRevocation;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A learner was observed against a checklist, giving observation evidence per aligned competency. */
public record ObservationRecorded(String attemptId, String learnerId, PublishedAssessment assessment,
                                  String observerId, Map<String, Boolean> marks, Instant observedAt,
                                  List<CompetencyResult> results, double overallScore, boolean passed,
                                  List<EvidenceItem> recordedEvidence) implements EvidenceChange {

    @Override
    public List<EvidenceRevocation> revokedEvidence() {
        return List.of();
    }
}
