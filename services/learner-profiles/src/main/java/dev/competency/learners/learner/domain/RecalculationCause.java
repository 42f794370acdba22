package dev.competency.learners.learner.domain;

/** Why a learner's mastery of a competency was recalculated. */
public enum RecalculationCause {
    EVIDENCE_RECORDED,
    EVIDENCE_VOIDED,
    MANUAL_RATING,
    POLICY_CHANGED
}
