package dev.competency.assessments.assessment.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Set the content of the assessment's draft; on a published assessment this starts the next version's draft. */
public record DefineAssessment(@TargetAggregateIdentifier String assessmentId, AssessmentDefinition definition,
                               String definedBy) {
}
