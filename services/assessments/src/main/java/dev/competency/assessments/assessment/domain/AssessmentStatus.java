package dev.competency.assessments.assessment.domain;

/** Lifecycle of an assessment definition. A published assessment may have a newer draft pending. */
public enum AssessmentStatus { DRAFT, PUBLISHED, RETIRED }
