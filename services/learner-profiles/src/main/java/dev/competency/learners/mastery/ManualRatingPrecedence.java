package dev.competency.learners.mastery;

/** How a {@link SourceType#MANUAL_RATING} that names a level relates to the computed level. */
public enum ManualRatingPrecedence {
    /** The latest manual rating sets the level until non-manual evidence that is newer in fold order arrives. */
    UNTIL_NEWER_EVIDENCE,
    /** The latest manual rating always sets the level. */
    ALWAYS,
    /** Manual ratings are ordinary evidence: their score enters the method and their rated level is ignored. */
    NEVER
}
