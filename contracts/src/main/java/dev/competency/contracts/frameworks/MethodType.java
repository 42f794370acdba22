package dev.competency.contracts.frameworks;

/**
 * How a learner's evidence on one competency is folded into a score. Shared by the mastery policy of
 * {@code framework.published} and by {@code mastery.changed}, which reports the method it used.
 */
public enum MethodType {
    /** The highest score so far. */
    HIGHEST,
    /** The most recent score by occurredAt. */
    LATEST,
    /** The mean of all scores. */
    AVERAGE,
    /** The mean of the scores at or above the mastery threshold; no score until there are n of them. */
    N_MASTERY,
    /** weight × latest + (1 − weight) × mean of the earlier scores. */
    WEIGHTED_AVERAGE,
    /** D1 = s1, Dk = (1 − decay) × Dk−1 + decay × sk. */
    DECAYING_AVERAGE,
    /** Bayesian Knowledge Tracing; the score is the probability that the skill is known. */
    BKT
}
