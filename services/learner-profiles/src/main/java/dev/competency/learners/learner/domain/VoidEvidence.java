package dev.competency.learners.learner.domain;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Makes earlier evidence stop counting; voiding unknown or already voided evidence changes nothing. */
public record VoidEvidence(@TargetAggregateIdentifier String learnerId, String evidenceId, Instant voidedAt,
                           String reason) implements LearnerCommand {
}
