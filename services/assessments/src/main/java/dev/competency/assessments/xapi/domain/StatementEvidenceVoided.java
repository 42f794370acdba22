package dev.competency.assessments.xapi.domain;

import dev.competency.assessments.evidence.domain.EvidenceChange;
import dev.competency.assessments.evidence.domain.EvidenceRevocation;
import java.util.List;

/** A voiding statement targeted a statement that had given evidence: that evidence no longer counts. */
public record StatementEvidenceVoided(String statementId, String voidingStatementId,
                                      List<EvidenceRevocation> revocations) implements EvidenceChange {

    @Override
    public List<EvidenceRevocation> revokedEvidence() {
        return revocations;
    }
}
