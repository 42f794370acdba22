package dev.competency.assessments.assessment.domain;

/** How an assessment produces evidence. */
public enum AssessmentKind { QUIZ, RUBRIC, OBSERVATION, PEER, SELF }
