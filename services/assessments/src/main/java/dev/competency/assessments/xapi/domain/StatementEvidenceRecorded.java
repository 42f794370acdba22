package dev.competency.assessments.xapi.domain;

import dev.competency.assessments.evidence.domain.EvidenceChange;
import dev.competency.assessments.evidence.domain.EvidenceItem;
import java.util.List;

/** A statement on an aligned activity was turned into evidence, one item per aligned competency. */
public record StatementEvidenceRecorded(String statementId, List<EvidenceItem> evidence) implements EvidenceChange {

    @Override
    public List<EvidenceItem> recordedEvidence() {
        return evidence;
    }
}
