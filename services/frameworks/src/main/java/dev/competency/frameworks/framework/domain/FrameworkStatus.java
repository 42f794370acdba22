package dev.competency.frameworks.framework.domain;

/** Where the newest version of a framework stands in its lifecycle. */
public enum FrameworkStatus { DRAFT, PUBLISHED, RETIRED }
