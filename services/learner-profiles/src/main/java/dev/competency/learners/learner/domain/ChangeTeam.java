package dev.competency.learners.learner.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Moves the learner to a team (or out of any, with {@code teamId} null) under a manager. */
public record ChangeTeam(@TargetAggregateIdentifier String learnerId, String teamId, String managerId)
        implements LearnerCommand {
}
