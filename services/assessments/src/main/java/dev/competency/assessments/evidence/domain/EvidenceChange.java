package dev.competency.assessments.evidence.domain;

import java.util.List;

/**
 * A domain event that changes the evidence of learners: what it revokes and what it records, in that order.
 * Every such event reaches the public evidence stream through the evidence publisher.
 */
public interface EvidenceChange {

    List<EvidenceRevocation> revokedEvidence();

    List<EvidenceItem> recordedEvidence();
}
