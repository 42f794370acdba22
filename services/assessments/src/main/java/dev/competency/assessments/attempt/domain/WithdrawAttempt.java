package dev.competency.assessments.attempt.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Withdraw a scored or graded attempt, for example after misconduct: its evidence no longer counts. */
public record WithdrawAttempt(@TargetAggregateIdentifier String attemptId, String actorId, String reason) {
}
