package dev.competency.assessments.assessment.domain;

/** A level of a rubric criterion and the score it earns. */
public record RubricLevel(String code, String label, double score) {
}
