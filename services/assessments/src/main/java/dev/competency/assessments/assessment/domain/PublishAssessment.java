package dev.competency.assessments.assessment.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Publish the draft as the assessment's next version, so learners can attempt it. */
public record PublishAssessment(@TargetAggregateIdentifier String assessmentId, String publishedBy) {
}
