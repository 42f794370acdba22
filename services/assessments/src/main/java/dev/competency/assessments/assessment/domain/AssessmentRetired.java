package dev.competency.assessments.assessment.domain;

import java.time.Instant;

/** An assessment was retired. */
public record AssessmentRetired(String assessmentId, String retiredBy, Instant retiredAt) {
}
