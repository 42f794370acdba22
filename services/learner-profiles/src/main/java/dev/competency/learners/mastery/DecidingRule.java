package dev.competency.learners.mastery;

/** The rule that decided a {@link MasteryResult}; {@link Explanation#summary()} says it in a sentence. */
public enum DecidingRule {
    /** Nothing counted: no evidence, or every item was excluded. */
    NO_EVIDENCE,
    /**
     * Fewer scored items than the policy's minimum evidence: the computed level is reported, but held below the
     * mastery level (none when the mastery level is the lowest), so nothing is mastered yet.
     */
    MINIMUM_EVIDENCE,
    /** N_MASTERY has not yet seen n scores at or above the mastery threshold: no score and no level yet. */
    N_MASTERY_PENDING,
    /** The method's score, after any decay, mapped onto the scale. */
    COMPUTED,
    /** A manual rating outranks the computed level. */
    MANUAL_RATING,
    /** The level would be mastered, but the validity period ended at or before the as-of instant. */
    EXPIRED,
    /**
     * The competency's mastery is rolled up from its children; evidence on the competency itself is listed among the
     * exclusions ({@link ExclusionReason#ROLLED_UP_PARENT}).
     */
    ROLLED_UP
}
