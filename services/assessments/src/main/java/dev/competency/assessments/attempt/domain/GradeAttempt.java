package dev.competency.assessments.attempt.domain;

import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Grade (or regrade) a submitted rubric attempt: the level reached on each criterion. */
public record GradeAttempt(@TargetAggregateIdentifier String attemptId, String assessorId, Map<String, String> levels,
                           String comment) {
}
