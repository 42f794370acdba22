package dev.competency.assessments.assessment.domain;

import java.time.Instant;

/** The draft of an assessment version got new content. */
public record AssessmentDefined(String assessmentId, int draftVersion, AssessmentDefinition definition,
                                String definedBy, Instant definedAt) {
}
