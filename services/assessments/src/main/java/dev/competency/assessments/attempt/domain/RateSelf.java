package dev.competency.assessments.attempt.domain;

import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The learner rates themself on a self-assessment (again: a new rating replaces the previous one). */
public record RateSelf(@TargetAggregateIdentifier String attemptId, String learnerId, Map<String, String> levels,
                       String comment) {
}
