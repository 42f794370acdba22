package dev.competency.assessments.attempt.domain;

/** Where an attempt is: being worked on, waiting for an assessor, scored automatically, graded, withdrawn. */
public enum AttemptStatus { STARTED, AWAITING_GRADING, SCORED, GRADED, WITHDRAWN }
