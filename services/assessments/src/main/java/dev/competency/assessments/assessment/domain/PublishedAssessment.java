package dev.competency.assessments.assessment.domain;

/** One published version of an assessment, as attempts are taken and scored against it. */
public record PublishedAssessment(String assessmentId, int version, AssessmentKind kind, String title,
                                  String frameworkId, int frameworkVersion, AssessmentDefinition definition) {
}
