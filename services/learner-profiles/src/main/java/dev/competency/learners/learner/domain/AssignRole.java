package dev.competency.learners.learner.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Gives the learner a role; {@code roleProfileVersion} pins a profile version, {@code null} follows the latest. */
public record AssignRole(@TargetAggregateIdentifier String learnerId, String roleProfileId,
                         Integer roleProfileVersion) implements LearnerCommand {
}
