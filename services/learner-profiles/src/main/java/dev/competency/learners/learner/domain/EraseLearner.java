package dev.competency.learners.learner.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The learner exercised their right to erasure; {@code erasedBy} is the administrator who carried it out. */
public record EraseLearner(@TargetAggregateIdentifier String learnerId, String erasedBy) implements LearnerCommand {
}
