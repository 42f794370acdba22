package dev.competency.frameworks.framework.domain;

/** Where a framework (or one of its versions) stands in its lifecycle. */
public enum FrameworkStatus { DRAFT, PUBLISHED, RETIRED }
