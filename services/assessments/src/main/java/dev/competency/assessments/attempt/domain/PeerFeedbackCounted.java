package dev.competency.assessments.attempt.domain;

import dev.competency.assessments.evidence.domain.EvidenceChange;
import dev.competency.assessments.evidence.domain.EvidenceItem;
import dev.competency.assessments.evidence.domain.EvidenceRevocation;
import java.util.List;

/**
 * Enough peers rated a learner: one piece of evidence per competency with the mean of the ratings. Each further
 * rating is a new revision that revokes the previous evidence and records the new mean.
 *
 * @param ratingIds the ratings the mean is taken over (anonymous ids, never the peers)
 */
public record PeerFeedbackCounted(String attemptId, int revision, List<String> ratingIds,
                                  List<CompetencyResult> results, double overallScore, boolean passed,
                                  List<EvidenceItem> recordedEvidence, List<EvidenceRevocation> revokedEvidence)
        implements EvidenceChange {
}
