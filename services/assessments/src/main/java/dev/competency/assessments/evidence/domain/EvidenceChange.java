package dev.competency.assessments.evidence.domain;

import java.util.List;

/**
 * A domain event that changes the evidence of learners: what it revokes and what it records, in that order.
 * Every such event reaches the public evidence stream through the evidence publisher. An event that only records
 * or only revokes leaves the other side at its default: none.
 */
public interface EvidenceChange {

    default List<EvidenceRevocation> revokedEvidence() {
        return List.of();
    }

    default List<EvidenceItem> recordedEvidence() {
        return List.of();
    }
}
