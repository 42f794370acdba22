package dev.competency.contracts.evidence;

/**
 * Where a piece of evidence comes from. Mastery policies weigh evidence by its source, so the set is shared by
 * {@code evidence.recorded} and the mastery policy of {@code framework.published}.
 */
public enum SourceType {
    /** Auto-scored or rubric-graded assessment attempt. */
    ASSESSMENT,
    /** Assessor or manager observation against a checklist. */
    OBSERVATION,
    /** Feedback from a peer. */
    PEER,
    /** Self-assessment by the learner. */
    SELF,
    /** An xAPI statement from e-learning content or a simulation. */
    XAPI,
    /** A level set directly by an authorised assessor; see {@code EvidenceRecorded.ratedLevel}. */
    MANUAL_RATING,
    /** Recognition of prior learning, such as a certificate. */
    PRIOR_LEARNING
}
