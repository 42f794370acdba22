package dev.competency.assessments.assessment.domain;

/** An assessment is aligned to a competency with a weight in its overall score. */
public record CompetencyWeight(String competencyId, double weight) {
}
