package dev.competency.learners.learner.domain;

/** Why a learner's mastery of a competency was recalculated. */
public enum RecalculationCause {
    EVIDENCE_RECORDED,
    EVIDENCE_VOIDED,
    MANUAL_RATING,
    POLICY_CHANGED,
    /** Time alone: the validity period ran out. */
    EXPIRED,
    /** Time alone: the decayed score fell below the level's threshold. */
    DECAYED
}
