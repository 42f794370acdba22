package dev.competency.assessments.attempt.domain;

import dev.competency.assessments.evidence.domain.EvidenceChange;
import dev.competency.assessments.evidence.domain.EvidenceRevocation;
import java.util.List;

/** An attempt was withdrawn: its evidence is revoked. */
public record AttemptWithdrawn(String attemptId, String actorId, String reason,
                               List<EvidenceRevocation> revokedEvidence) implements EvidenceChange {
}
