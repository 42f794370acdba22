package dev.competency.assessments.assessment.domain;

/** Auto-scored quiz item types. */
public enum ItemType { SINGLE_CHOICE, MULTIPLE_CHOICE, NUMERIC, ORDERING }
