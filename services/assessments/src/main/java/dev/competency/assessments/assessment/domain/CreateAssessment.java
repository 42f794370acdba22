package dev.competency.assessments.assessment.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Starts a new assessment definition as a draft, against one published framework version. */
public record CreateAssessment(@TargetAggregateIdentifier String assessmentId, AssessmentKind kind, String title,
                               String frameworkId, int frameworkVersion, String createdBy) {
}
