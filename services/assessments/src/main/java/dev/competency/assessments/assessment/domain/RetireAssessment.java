package dev.competency.assessments.assessment.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Retire the assessment: no new attempts; attempts already started can still be finished and graded. */
public record RetireAssessment(@TargetAggregateIdentifier String assessmentId, String retiredBy) {
}
