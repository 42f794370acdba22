package dev.competency.learners.learner.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Registers a person as a learner; the id is the subject the identity provider gives them. */
public record RegisterLearner(@TargetAggregateIdentifier String learnerId, String displayName, String email,
                              String organisationUnit) implements LearnerCommand {
}
