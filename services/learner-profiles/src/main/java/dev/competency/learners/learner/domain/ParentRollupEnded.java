package dev.competency.learners.learner.domain;

/**
 * A framework version the learner moved to no longer rolls this parent up from its children (its rule was removed,
 * or the parent itself): from now on the parent has only the mastery folded from its own evidence, if any.
 *
 * @param frameworkVersion the version without the roll-up
 * @param rolledUpUnder    the version whose rule gave the last roll-up
 * @param previousPoints   the points of the last roll-up
 */
public record ParentRollupEnded(String learnerId, String competencyId, String frameworkId, int frameworkVersion,
                                int rolledUpUnder, String previousLevel, boolean previouslyMastered,
                                int previousPoints) {
}
