package dev.competency.assessments.attempt.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Hand the attempt in: a quiz is scored at once, a rubric-graded attempt waits for an assessor. */
public record SubmitAttempt(@TargetAggregateIdentifier String attemptId, String learnerId) {
}
