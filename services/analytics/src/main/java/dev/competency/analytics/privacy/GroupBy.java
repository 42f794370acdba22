package dev.competency.analytics.privacy;

/** How learners are grouped in an answer: by organisation unit, or by team within unit. */
public enum GroupBy { UNIT, TEAM }
