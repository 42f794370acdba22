package dev.competency.learners.learner.domain;

/**
 * A command to one learner. Every learner command is a record whose first component, {@code learnerId}, is also
 * marked {@code @TargetAggregateIdentifier}; {@link LearnerCommandTargets} reads it through this interface.
 */
public interface LearnerCommand {

    String learnerId();
}
