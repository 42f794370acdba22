package dev.competency.learners.mastery;

/**
 * Where a piece of evidence comes from. Mirrors the public contract's source types; the policy gives each a
 * credibility weight.
 */
public enum SourceType {
    ASSESSMENT,
    OBSERVATION,
    PEER,
    SELF,
    XAPI,
    /** A level set directly by an authorised assessor, carried in {@link Evidence#ratedLevel()}. */
    MANUAL_RATING,
    PRIOR_LEARNING
}
