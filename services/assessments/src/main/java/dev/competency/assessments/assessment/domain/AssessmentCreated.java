package dev.competency.assessments.assessment.domain;

import java.time.Instant;

/** An assessment definition was created as draft version 1. */
public record AssessmentCreated(String assessmentId, AssessmentKind kind, String title, String frameworkId,
                                int frameworkVersion, int draftVersion, String createdBy, Instant createdAt) {
}
