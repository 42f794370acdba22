package dev.competency.assessments.assessment.domain;

import java.time.Instant;

/** A version of an assessment was published; it carries everything an attempt needs. */
public record AssessmentPublished(PublishedAssessment assessment, String publishedBy, Instant publishedAt) {
}
